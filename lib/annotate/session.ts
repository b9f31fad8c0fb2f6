import { offsetOf, watchEdits, type EditWatch, type Region, type TextModel } from '../editors/index';
import type { Finding, Report } from '../engine/types';
import type { StoredDecision, WireFinding } from '../messages/index';
import { anchorOf, matchDecisions } from '../review/anchor';
import type { CompiledPack } from '../packs/compile';
import type { Card } from './card';
import { findingAt, findingAtOffset, unionRect, type Hittable } from './hit-test';
import { isShown, type ViewState } from './layers';
import { createLiveChecker, SLICE_CHARS, type LiveChecker } from './live-check';
import { TextareaMirror } from './mirror';
import type { Painter } from './painter';

/** What every region session of a frame shares. */
export interface FrameEnv {
  pack: CompiledPack;
  /** null when the frame cannot paint highlights (no CSS Custom Highlight API) */
  painter: Painter | null;
  card: Card;
  view(): ViewState;
  /** a region finished a check */
  reported(session: RegionSession, report: Report): void;
  /** a check started (busy) or ended (idle); the probe waits on this */
  busy(delta: 1 | -1): void;
  /** edit-to-highlight latency of one edit, in ms */
  latency(ms: number): void;
  /** the stored review decisions of this page's document (issue 5) */
  decisions(): readonly StoredDecision[];
}

/** A finding on screen: its span and where it is drawn. */
type Shown = Hittable & { anchor(): DOMRectReadOnly | null; range?: Range };

/**
 * One editing region under annotation: hears its edits, checks its text (never during an IME
 * composition), paints the findings and opens the card on hover, click or caret.
 */
export class RegionSession {
  readonly checker: LiveChecker;
  readonly watch: EditWatch;
  checks = 0;
  report: Report | null = null;
  /** duration of the parts of the last check, in ms (the browser bench prints them) */
  timing = { wait: 0, read: 0, check: 0, paint: 0 };
  private readonly ac = new AbortController();
  private readonly mirror: TextareaMirror | null;
  private shown: Shown[] = [];
  private model: TextModel | null = null;
  private lastText: string | null = null;
  private scheduled = false;
  private running = false;
  private inputAt: number | null = null;
  private typing = false;
  private cardBy: 'pointer' | 'caret' | null = null;
  private frame = 0;
  private wasBusy = false;
  /** findings of the current report paired with a stored decision (issue 5) */
  private pairing = new Map<Finding, StoredDecision>();

  constructor(
    readonly region: Region,
    private readonly env: FrameEnv,
    parent: AbortSignal,
  ) {
    const signal = this.ac.signal;
    parent.addEventListener('abort', () => this.dispose(), { signal });
    this.checker = createLiveChecker(env.pack);
    this.mirror = region.kind === 'plain' ? new TextareaMirror(region.root, signal) : null;
    this.watch = watchEdits(region, (at) => this.schedule(at), signal);
    this.listen(signal);
    this.schedule();
  }

  get signal(): AbortSignal {
    return this.ac.signal;
  }

  dispose(): void {
    if (this.ac.signal.aborted) return;
    this.scheduled = false;
    this.env.painter?.clearRegion(this);
    if (this.cardBy) this.env.card.hide();
    this.ac.abort();
    this.updateBusy();
  }

  /** Tell the frame whether a check is scheduled or running (the probe's idle() waits on it). */
  private updateBusy(): void {
    const busy = (this.scheduled || this.running) && !this.ac.signal.aborted;
    if (busy !== this.wasBusy) this.env.busy(busy ? 1 : -1);
    this.wasBusy = busy;
  }

  /** Re-apply the view (global switch, layers) to what this region shows. */
  applyView(): void {
    if (this.mirror && this.report) {
      this.mirror.render(this.lastText ?? '', this.report.findings, this.isShownFinding, this.isDimmed);
      this.shown = this.mirrorShown(this.mirror);
    }
    const open = this.env.card.finding;
    if (this.cardBy && open && !this.isShownFinding(open)) this.hideCard();
  }

  /** Findings as painted: text of each live Range or mirror span (the probe reports these). */
  painted(): { category: string; severity: string; text: string; start: number; end: number; dimmed: boolean }[] {
    if (this.mirror) return this.mirror.spanTexts();
    return this.shown.filter((s) => this.isShownFinding(s.finding)).map(({ finding: f, range }) => ({
      category: f.category,
      severity: f.severity,
      text: range?.toString() ?? '',
      start: f.start,
      end: f.end,
      dimmed: this.isDimmed(f),
    }));
  }

  /** Characters of the text last checked. */
  textLength(): number {
    return this.lastText?.length ?? 0;
  }

  /** The text flashing in this region now ('' when nothing flashes). */
  flashing(): string {
    if (this.mirror) return this.mirror.flashing();
    const text = this.env.painter?.flashing() ?? '';
    const root = this.region.root;
    // the painter is shared by the frame's regions: report the flash only in its own region
    return this.shown.some((s) => s.range && root.contains(s.range.startContainer) && s.range.toString() === text) ? text : '';
  }

  /**
   * The findings as the side panel gets them: each with its quote anchor and its decision. A
   * finding moved by an edit since the side panel asked is found again by rule and text.
   */
  wire(): WireFinding[] {
    const text = this.lastText;
    if (!this.report || text === null) return [];
    return this.report.findings.map((f) => ({
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      cited: f.cited,
      start: f.start,
      end: f.end,
      text: f.text,
      location: f.location,
      message: f.message,
      basis: f.basis,
      ...(f.suggestion ? { suggestion: f.suggestion } : {}),
      anchor: anchorOf(text, f),
      decisionId: this.pairing.get(f)?.id ?? null,
    }));
  }

  /** The stored decisions changed: pair them again and repaint (the text is unchanged). */
  redecide(): void {
    if (!this.report || this.lastText === null) return;
    this.pair(this.lastText, this.report);
    this.paint(this.lastText, this.report);
    this.env.reported(this, this.report);
  }

  /**
   * Scroll the finding of `ruleId` at start..end into view and flash it. The side panel's offsets
   * may be one edit old: then the nearest finding of the same rule with the same text is taken.
   */
  revealFinding(ruleId: string, start: number, end: number, text?: string): boolean {
    const candidates = this.shown.filter((s) => s.finding.ruleId === ruleId);
    const item =
      candidates.find((s) => s.finding.start === start && s.finding.end === end) ??
      candidates.filter((s) => text === undefined || s.finding.text === text).sort((a, b) => Math.abs(a.finding.start - start) - Math.abs(b.finding.start - start))[0];
    if (!item) return false;
    this.scrollTo(item);
    if (this.mirror) this.mirror.flash(item.finding);
    else if (item.range) this.env.painter?.flash(item.range);
    return true;
  }

  /** Scroll the shown finding whose text is `text` into view (demo and tests); true if found. */
  reveal(text: string): boolean {
    const item = this.shown.find((s) => s.finding.text === text && this.isShownFinding(s.finding));
    if (!item) return false;
    this.scrollTo(item);
    return true;
  }

  private scrollTo(item: Shown): void {
    const r = this.region;
    if (r.kind === 'plain') {
      const ta = r.root;
      const span = item.anchor();
      if (span) {
        // the span's offset in the textarea's content, from where the mirror draws it now
        const y = span.top - ta.getBoundingClientRect().top - ta.clientTop + ta.scrollTop;
        ta.scrollTop = Math.max(0, y - ta.clientHeight / 2);
      }
      ta.scrollIntoView({ block: 'center' });
    } else {
      item.range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    }
  }

  /** The on-screen centre of the first line of the shown finding whose text is `text`. */
  pointOf(text: string): { x: number; y: number } | null {
    const item = this.shown.find((s) => s.finding.text === text && this.isShownFinding(s.finding));
    const r = item?.anchor();
    return r ? { x: r.left + Math.min(r.width / 2, 24), y: r.top + r.height / 2 } : null;
  }

  private readonly isShownFinding = (f: Finding): boolean => isShown(this.env.view(), f.category);
  private readonly isDimmed = (f: Finding): boolean => this.pairing.get(f)?.decision.kind === 'acceptable';

  /** Pair the report's findings with the stored decisions (quote anchors, lib/review/anchor.ts). */
  private pair(text: string, report: Report): void {
    this.pairing = new Map();
    const decisions = this.env.decisions();
    if (!decisions.length) return;
    const m = matchDecisions(text, report.findings, decisions.map((d) => ({ ...d, anchor: d.decision.anchor })));
    for (const p of m.paired) this.pairing.set(p.finding, p.decision);
  }

  private schedule(inputAt?: number): void {
    if (this.ac.signal.aborted) return;
    if (inputAt !== undefined) {
      this.inputAt = this.inputAt === null ? inputAt : Math.min(this.inputAt, inputAt);
      this.typing = true;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    this.updateBusy();
    if (inputAt !== undefined) {
      // A typed edit is checked right after its input event, before the browser renders: the
      // new character and its underline appear in the same frame (a task would wait for that
      // frame's style and layout first, issue 3: edit-to-highlight p95 ≤ 16 ms).
      queueMicrotask(() => void this.run());
      return;
    }
    // Mutations without an input event (scripts loading a draft, editors re-rendering): a task,
    // so a burst of them costs one check.
    const ch = new MessageChannel();
    ch.port1.onmessage = () => void this.run();
    ch.port2.postMessage(null);
  }

  private async run(): Promise<void> {
    if (!this.scheduled || this.running || this.ac.signal.aborted) return;
    this.scheduled = false;
    // During a composition nothing is checked; compositionend schedules the composed text.
    if (!this.watch.composing) {
      this.running = true;
      try {
        await this.check();
      } catch (err) {
        console.warn('[fashen] check failed / 检查失败', err);
      } finally {
        this.running = false;
      }
    }
    // an edit that arrived while a sliced check was running queued no task of its own
    if (this.scheduled && !this.ac.signal.aborted) {
      this.scheduled = false;
      this.schedule();
    }
    this.updateBusy();
  }

  private read(): { text: string; model: TextModel | null } {
    const r = this.region;
    if (r.kind === 'plain') return { text: r.read().text, model: null };
    const model = r.read();
    return { text: model.text, model };
  }

  private async check(): Promise<void> {
    let t0 = performance.now();
    let { text, model } = this.read();
    if (text === this.lastText) {
      // Same text, but an editor may have re-rendered its nodes (Slate does after Enter and
      // Backspace): ranges on detached nodes paint nothing. Repaint from the same report.
      if (model && this.report && this.detached()) {
        this.model = model;
        this.paint(text, this.report);
      }
      this.inputAt = null;
      return;
    }
    if (this.checker.uncached(text) > SLICE_CHARS) {
      const fresh = await this.checker.warm(text, () => this.scheduled || this.ac.signal.aborted);
      if (!fresh) return;
      // the page ran between slices: read again so offsets match the DOM painted below
      t0 = performance.now();
      ({ text, model } = this.read());
    }
    const t1 = performance.now();
    const report = this.checker.check(text);
    const t2 = performance.now();
    this.checks += 1;
    this.lastText = text;
    this.model = model;
    this.report = report;
    this.pair(text, report);
    this.paint(text, report);
    this.timing = { wait: this.inputAt === null ? 0 : t0 - this.inputAt, read: t1 - t0, check: t2 - t1, paint: performance.now() - t2 };
    if (this.inputAt !== null) {
      this.env.latency(performance.now() - this.inputAt);
      this.inputAt = null;
    }
    this.env.reported(this, report);
  }

  /** The mirror's spans as shown findings (its span elements change when it re-renders). */
  private mirrorShown(mirror: TextareaMirror): Shown[] {
    return mirror.hittables().map((h) => ({ ...h, anchor: () => firstRect(h.rects()) }));
  }

  private detached(): boolean {
    return this.shown.some((s) => s.range && (s.range.collapsed || !s.range.startContainer.isConnected || !s.range.endContainer.isConnected));
  }

  private paint(text: string, report: Report): void {
    if (this.mirror) {
      this.mirror.render(text, report.findings, this.isShownFinding, this.isDimmed);
      this.shown = this.mirrorShown(this.mirror);
    } else if (this.model) {
      const model = this.model;
      const shown: (Shown & { range: Range })[] = [];
      for (const finding of report.findings) {
        const range = model.rangeFor(finding.start, finding.end);
        if (!range) continue;
        shown.push({ finding, range, rects: () => range.getClientRects(), anchor: () => firstRect(range.getClientRects()) });
      }
      this.shown = shown;
      this.env.painter?.set(this, shown.map((s) => ({ ...s, dimmed: this.isDimmed(s.finding) })));
    }
    const open = this.env.card.finding;
    if (this.cardBy && open) {
      // keep the card on the same finding across re-checks; close it when the finding is gone
      const same = this.shown.find((s) => s.finding.ruleId === open.ruleId && s.finding.text === open.text);
      if (!same) this.hideCard();
    }
  }

  private showCard(item: Shown, by: 'pointer' | 'caret', near?: { x: number; y: number }): void {
    const rects = [...item.rects()];
    const line = near ? rects.find((r) => near.y >= r.top - 1 && near.y <= r.bottom + 3) : undefined;
    // rects are in the region's window, where the card lives too
    const anchor = line ?? unionRect(rects.slice(0, 1)) ?? item.anchor();
    if (!anchor) return;
    const root: Node = this.region.root;
    const onLeave = by === 'pointer' ? (to: EventTarget | null) => !(to instanceof Node && root.contains(to)) && this.hideCard() : null;
    this.env.card.show(item.finding, anchor, onLeave);
    this.cardBy = by;
  }

  private hideCard(): void {
    this.env.card.hide();
    this.cardBy = null;
  }

  private listen(signal: AbortSignal): void {
    const root: HTMLElement = this.region.root;
    const doc = root.ownerDocument;
    const win = doc.defaultView!;
    const opts = { passive: true, signal } as const;

    const hitAt = (x: number, y: number): Shown | null => findingAt(this.shown, x, y, this.isShownFinding);
    let last: { x: number; y: number } | null = null;
    root.addEventListener(
      'mousemove',
      (e) => {
        last = { x: e.clientX, y: e.clientY };
        if (this.frame) return;
        this.frame = win.requestAnimationFrame(() => {
          this.frame = 0;
          if (!last || signal.aborted) return;
          const hit = hitAt(last.x, last.y);
          if (hit) this.showCard(hit, 'pointer', last);
          else if (this.cardBy === 'pointer') this.hideCard();
        });
      },
      opts,
    );
    root.addEventListener(
      'mouseleave',
      (e) => {
        // a hover frame still pending would reopen the card at the last position inside
        last = null;
        if (this.frame) win.cancelAnimationFrame(this.frame);
        this.frame = 0;
        if (this.cardBy === 'pointer' && !this.env.card.contains(e.relatedTarget as Node | null)) this.hideCard();
      },
      opts,
    );
    root.addEventListener(
      'click',
      (e) => {
        const hit = hitAt(e.clientX, e.clientY);
        if (hit) this.showCard(hit, 'pointer', { x: e.clientX, y: e.clientY });
      },
      opts,
    );
    // Escape closes the card; it stays closed while the caret stays in that finding.
    let dismissed: Finding | null = null;
    root.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Escape' || !this.cardBy) return;
        dismissed = this.env.card.finding;
        this.hideCard();
      },
      opts,
    );

    // Keyboard focus: the caret entering a finding opens its card (not while typing through it).
    const caret = (): void => {
      if (this.typing) {
        this.typing = false;
        return;
      }
      const offset = this.caretOffset();
      const hit = offset === null ? null : findingAtOffset(this.shown, offset, this.isShownFinding);
      if (hit && dismissed && hit.finding.ruleId === dismissed.ruleId && hit.finding.text === dismissed.text) return;
      dismissed = null;
      if (hit) this.showCard(hit, 'caret');
      else if (this.cardBy === 'caret') this.hideCard();
    };
    if (this.region.kind === 'plain') {
      root.addEventListener('keyup', caret, opts);
      root.addEventListener('mouseup', () => queueMicrotask(caret), opts);
    } else {
      doc.addEventListener('selectionchange', caret, opts);
    }
  }

  private caretOffset(): number | null {
    const r = this.region;
    if (r.kind === 'plain') return r.root.selectionStart === r.root.selectionEnd ? r.root.selectionStart : null;
    const sel = r.root.ownerDocument.getSelection();
    if (!sel || !sel.isCollapsed || !sel.anchorNode || !this.model) return null;
    if (!r.root.contains(sel.anchorNode)) return null;
    return offsetOf(this.model.segments, sel.anchorNode, sel.anchorOffset);
  }
}

function firstRect(rects: Iterable<DOMRectReadOnly>): DOMRectReadOnly | null {
  for (const r of rects) if (r.width || r.height) return r;
  return null;
}
