import type { Finding } from '../engine/types';
import type { Hittable } from './hit-test';
import { MIRROR_CSS } from './styles';

/** A run of textarea text: plain, or covered by the finding drawn under it. */
export interface Run {
  text: string;
  finding: Finding | null;
}

/**
 * Cut text into runs for the mirror. Findings may overlap; each character is drawn under the most
 * severe finding covering it (the card then shows that one).
 */
export function runs(text: string, findings: readonly Finding[]): Run[] {
  const rank = { error: 3, warning: 2, info: 1 } as const;
  const owner: (Finding | null)[] = [];
  const bounds = new Set<number>([0, text.length]);
  const sorted = [...findings].filter((f) => f.end > f.start).sort((a, b) => rank[a.severity] - rank[b.severity]);
  for (const f of sorted) {
    bounds.add(Math.max(0, f.start));
    bounds.add(Math.min(text.length, f.end));
  }
  const cuts = [...bounds].sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const s = cuts[i]!;
    let top: Finding | null = null;
    for (const f of sorted) if (f.start <= s && s < f.end) top = f;
    owner.push(top);
  }
  const out: Run[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const piece = text.slice(cuts[i]!, cuts[i + 1]!);
    if (!piece) continue;
    const prev = out[out.length - 1];
    if (prev && prev.finding === owner[i]) prev.text += piece;
    else out.push({ text: piece, finding: owner[i]! });
  }
  return out;
}

// Properties that decide where glyphs fall; the mirror copies them from the textarea.
const COPIED = [
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'fontKerning', 'fontFeatureSettings',
  'letterSpacing', 'wordSpacing', 'lineHeight', 'textTransform', 'textIndent', 'textAlign', 'direction', 'tabSize',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'whiteSpace', 'wordBreak', 'lineBreak',
] as const;

/**
 * A textarea cannot paint highlights. The mirror is a copy of its text with the same metrics
 * (TOOLCHAIN.md), transparent glyphs and visible underlines, laid exactly over the textarea's
 * padding box in a closed shadow root outside the textarea, ignoring the pointer, scroll-synced.
 */
export class TextareaMirror {
  private readonly host: HTMLElement;
  private readonly box: HTMLElement;
  private readonly inner: HTMLElement;
  private spans: { finding: Finding; el: HTMLElement }[] = [];
  private frame = 0;

  constructor(
    private readonly ta: HTMLTextAreaElement,
    signal: AbortSignal,
  ) {
    const doc = ta.ownerDocument;
    const win = doc.defaultView!;
    this.host = doc.createElement('fashen-mirror');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(MIRROR_CSS);
    shadow.adoptedStyleSheets = [sheet];
    this.box = doc.createElement('div');
    this.box.className = 'mirror';
    this.box.setAttribute('aria-hidden', 'true');
    this.inner = doc.createElement('div');
    this.inner.className = 'inner';
    this.box.append(this.inner);
    shadow.append(this.box);
    doc.documentElement.append(this.host);

    const opts = { capture: true, passive: true, signal } as const;
    const follow = (): void => this.schedule();
    win.addEventListener('scroll', follow, opts);
    win.addEventListener('resize', follow, opts);
    ta.addEventListener('scroll', () => this.syncScroll(), opts);
    const ro = new win.ResizeObserver(follow);
    ro.observe(ta);
    signal.addEventListener('abort', () => {
      ro.disconnect();
      win.cancelAnimationFrame(this.frame);
      this.host.remove();
    });
    this.layout();
  }

  /** Draw the text with its findings; runs of hidden categories are drawn plain. */
  render(text: string, findings: readonly Finding[], shown: (f: Finding) => boolean): void {
    const doc = this.ta.ownerDocument;
    const visible = findings.filter(shown);
    this.spans = [];
    const nodes: Node[] = [];
    for (const run of runs(text, visible)) {
      if (!run.finding) {
        nodes.push(doc.createTextNode(run.text));
        continue;
      }
      const span = doc.createElement('span');
      span.className = `hl ${run.finding.severity}`;
      span.textContent = run.text;
      nodes.push(span);
      this.spans.push({ finding: run.finding, el: span });
    }
    // A trailing newline takes a line in a textarea but not in a div: keep the heights equal.
    nodes.push(doc.createTextNode('\u200b'));
    this.inner.replaceChildren(...nodes);
    this.box.hidden = visible.length === 0;
    this.layout();
  }

  /** Findings drawn in the mirror, with their on-screen boxes for hit testing. */
  hittables(): Hittable[] {
    return this.spans.map(({ finding, el }) => ({ finding, rects: () => el.getClientRects() }));
  }

  /** Text of the drawn spans (tests compare them with the expected findings). */
  spanTexts(): { text: string; severity: string; category: string; start: number; end: number }[] {
    if (this.box.hidden) return [];
    return this.spans.map(({ finding, el }) => ({ text: el.textContent ?? '', severity: finding.severity, category: finding.category, start: finding.start, end: finding.end }));
  }

  private schedule(): void {
    const win = this.ta.ownerDocument.defaultView!;
    win.cancelAnimationFrame(this.frame);
    this.frame = win.requestAnimationFrame(() => this.layout());
  }

  private layout(): void {
    const ta = this.ta;
    const win = ta.ownerDocument.defaultView!;
    const cs = win.getComputedStyle(ta);
    const box = this.box;
    if (!ta.isConnected || cs.display === 'none' || cs.visibility === 'hidden') {
      box.style.display = 'none';
      return;
    }
    box.style.display = '';
    for (const p of COPIED) box.style[p] = cs[p];
    // textarea text always wraps; pre-wrap keeps the typed spaces and line breaks
    box.style.whiteSpace = cs.whiteSpace === 'pre' || cs.whiteSpace === 'nowrap' ? 'pre' : 'pre-wrap';
    const rect = ta.getBoundingClientRect();
    box.style.left = `${rect.left + ta.clientLeft}px`;
    box.style.top = `${rect.top + ta.clientTop}px`;
    // clientWidth/Height: the padding box without the scrollbar, where the textarea lays out text
    box.style.width = `${ta.clientWidth}px`;
    box.style.height = `${ta.clientHeight}px`;
    this.syncScroll();
  }

  private syncScroll(): void {
    this.inner.style.transform = `translate(${-this.ta.scrollLeft}px, ${-this.ta.scrollTop}px)`;
  }
}
