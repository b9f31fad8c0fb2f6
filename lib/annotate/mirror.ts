import type { Finding } from '../engine/types';
import type { Hittable } from './hit-test';
import { FLASH_MS } from './layers';
import { MIRROR_CSS } from './styles';

/** A span to draw under text: offsets and how severe. */
export interface Span {
  start: number;
  end: number;
  severity: Finding['severity'];
}

/** A run of textarea text: plain, or covered by the span drawn under it. */
export interface Run<T extends Span = Finding> {
  text: string;
  finding: T | null;
}

const RANK = { error: 3, warning: 2, info: 1 } as const;

/**
 * Cut text into runs for the mirror. Spans may overlap; each character is drawn under the most
 * severe span covering it (the card then shows that one).
 */
export function runs<T extends Span>(text: string, findings: readonly T[]): Run<T>[] {
  const owner: (T | null)[] = [];
  const bounds = new Set<number>([0, text.length]);
  const sorted = [...findings].filter((f) => f.end > f.start).sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  for (const f of sorted) {
    bounds.add(Math.max(0, Math.min(text.length, f.start)));
    bounds.add(Math.max(0, Math.min(text.length, f.end)));
  }
  const cuts = [...bounds].sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const s = cuts[i]!;
    let top: T | null = null;
    for (const f of sorted) if (f.start <= s && s < f.end) top = f;
    owner.push(top);
  }
  const out: Run<T>[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const piece = text.slice(cuts[i]!, cuts[i + 1]!);
    if (!piece) continue;
    const prev = out[out.length - 1];
    if (prev && prev.finding === owner[i]) prev.text += piece;
    else out.push({ text: piece, finding: owner[i]! });
  }
  return out;
}

/** A finding clipped to one line of the textarea. */
interface Clip extends Span {
  finding: Finding;
  /** decided acceptable: drawn dimmed */
  dim: boolean;
}

/** One line of the mirror: its element, the spans drawn in it, and a key of what it shows. */
interface Line {
  key: string;
  el: HTMLElement;
  spans: { clip: Clip; el: HTMLElement }[];
}

/** Each line of `text` with the findings clipped to it (offsets relative to the line). */
export function lines(text: string, findings: readonly Finding[], dimmed: (f: Finding) => boolean = () => false): { text: string; clips: Clip[]; key: string }[] {
  const out: { text: string; clips: Clip[]; key: string }[] = [];
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  let start = 0;
  let k = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    while (k < sorted.length && sorted[k]!.end <= start) k++;
    const clips: Clip[] = [];
    for (let j = k; j < sorted.length && sorted[j]!.start < end; j++) {
      const f = sorted[j]!;
      if (f.end <= start) continue;
      clips.push({ start: Math.max(f.start, start) - start, end: Math.min(f.end, end) - start, severity: f.severity, finding: f, dim: dimmed(f) });
    }
    const key = `${line}\u0000${clips.map((c) => `${c.start},${c.end},${c.severity}${c.dim ? 'd' : ''}`).join(';')}`;
    out.push({ text: line, clips, key });
    start = end + 1;
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
  private lines: Line[] = [];
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

  /**
   * Draw the text with its findings; findings of hidden categories are not drawn. One block per
   * line, and only lines whose text or spans changed are rebuilt: typing in a 50k-character
   * textarea touches one line of the mirror, and the browser re-lays out only that block.
   */
  render(text: string, findings: readonly Finding[], shown: (f: Finding) => boolean, dimmed?: (f: Finding) => boolean): void {
    const visible = findings.filter(shown);
    const next = lines(text, visible, dimmed);
    const old = this.lines;
    let head = 0;
    while (head < old.length && head < next.length && old[head]!.key === next[head]!.key) head++;
    let tail = 0;
    while (tail < old.length - head && tail < next.length - head && old[old.length - 1 - tail]!.key === next[next.length - 1 - tail]!.key) tail++;
    const before = old[old.length - tail]?.el ?? null;
    for (const line of old.slice(head, old.length - tail)) line.el.remove();
    const fresh = next.slice(head, next.length - tail).map((l) => this.line(l.text, l.clips, l.key));
    for (const line of fresh) this.inner.insertBefore(line.el, before);
    this.lines = [...old.slice(0, head), ...fresh, ...old.slice(old.length - tail)];
    // Kept lines draw the same spans; point them at this report's findings (offsets and
    // locations of findings after the edit have moved).
    this.lines.forEach((line, i) => {
      if (!line.spans.length) return;
      const drawn = runs(next[i]!.text, next[i]!.clips).filter((r) => r.finding);
      line.spans.forEach((s, j) => (s.clip = drawn[j]?.finding ?? s.clip));
    });
    const wasHidden = this.box.hidden;
    this.box.hidden = visible.length === 0;
    if (wasHidden && !this.box.hidden) this.layout();
  }

  private line(text: string, clips: Clip[], key: string): Line {
    const doc = this.ta.ownerDocument;
    const el = doc.createElement('div');
    const spans: Line['spans'] = [];
    if (!text) el.append(doc.createElement('br'));
    for (const run of runs(text, clips)) {
      if (!run.finding) {
        el.append(doc.createTextNode(run.text));
        continue;
      }
      const span = doc.createElement('span');
      span.className = `hl ${run.finding.dim ? 'dismissed' : run.finding.severity}`;
      span.textContent = run.text;
      el.append(span);
      spans.push({ clip: run.finding, el: span });
    }
    return { key, el, spans };
  }

  /** Findings drawn in the mirror, with their on-screen boxes for hit testing. */
  hittables(): Hittable[] {
    return this.lines.flatMap((l) => l.spans.map(({ clip, el }) => ({ finding: clip.finding, rects: () => el.getClientRects() })));
  }

  /** Flash the spans of one finding (the side panel revealed it) for FLASH_MS. */
  flash(finding: Finding): void {
    const els = this.lines.flatMap((l) => l.spans.filter((s) => s.clip.finding === finding).map((s) => s.el));
    for (const el of this.inner.querySelectorAll('.flash')) el.classList.remove('flash');
    for (const el of els) el.classList.add('flash');
    const win = this.ta.ownerDocument.defaultView!;
    win.setTimeout(() => els.forEach((el) => el.classList.remove('flash')), FLASH_MS);
  }

  /** Text of the flashing spans ('' when nothing flashes). */
  flashing(): string {
    return [...this.inner.querySelectorAll('.flash')].map((el) => el.textContent ?? '').join('');
  }

  /** Text of the drawn spans (tests compare them with the expected findings). */
  spanTexts(): { text: string; severity: string; category: string; start: number; end: number; dimmed: boolean }[] {
    if (this.box.hidden) return [];
    return this.lines.flatMap((l) =>
      l.spans.map(({ clip: { finding: f, dim }, el }) => ({ text: el.textContent ?? '', severity: f.severity, category: f.category, start: f.start, end: f.end, dimmed: dim })),
    );
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
