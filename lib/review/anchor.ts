import type { Finding } from '../engine/types';

// Quote anchoring (W3C Web Annotation TextQuoteSelector: exact + prefix + suffix). Offsets go
// stale with the first keystroke; the quoted text does not. A decision stays with its finding as
// long as the exact text exists somewhere in the draft; the context only chooses among repeats.
// Issue 5: a finding whose exact text was rewritten is shown as resolved (已修改).

/** Where a decision points in the draft: the finding's exact text, its context and its rule. */
export interface QuoteAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  ruleId: string;
}

/** A span of the current text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** The anchor of a finding: its text and up to `context` characters either side. */
export function anchorOf(text: string, finding: Finding, context = 32): QuoteAnchor {
  const inRange = finding.start >= 0 && finding.start <= finding.end && finding.end <= text.length;
  if (!inRange) return { exact: finding.text, prefix: '', suffix: '', ruleId: finding.ruleId };
  return {
    exact: text.slice(finding.start, finding.end),
    prefix: text.slice(Math.max(0, finding.start - context), finding.start),
    suffix: text.slice(finding.end, finding.end + context),
    ruleId: finding.ruleId,
  };
}

/**
 * Bigram multiset similarity (Sørensen–Dice) of two short strings: robust to an insertion or a
 * deletion anywhere in the context, O(a + b). Two empty strings agree (both at a text boundary).
 */
function dice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) {
    const g = a.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const g = b.slice(i, i + 2);
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/** Characters agreeing from the anchor outwards (the nearest context counts most). */
function agreeBackward(anchorPrefix: string, text: string, at: number): number {
  let n = 0;
  while (n < anchorPrefix.length && n < at && anchorPrefix.charCodeAt(anchorPrefix.length - 1 - n) === text.charCodeAt(at - 1 - n)) n++;
  return n;
}

function agreeForward(anchorSuffix: string, text: string, at: number): number {
  let n = 0;
  while (n < anchorSuffix.length && at + n < text.length && anchorSuffix.charCodeAt(n) === text.charCodeAt(at + n)) n++;
  return n;
}

/** Score of one occurrence of the exact text: 0..4, higher is a better context agreement. */
function contextScore(text: string, anchor: QuoteAnchor, start: number): number {
  const end = start + anchor.exact.length;
  const p = anchor.prefix;
  const s = anchor.suffix;
  const before = text.slice(Math.max(0, start - p.length), start);
  const after = text.slice(end, end + s.length);
  const runs = (p.length ? agreeBackward(p, text, start) / p.length : start === 0 ? 1 : 0) + (s.length ? agreeForward(s, text, end) / s.length : end === text.length ? 1 : 0);
  return dice(p, before) + dice(s, after) + runs;
}

/**
 * Least context agreement (of 4: Dice and run on each side) a repeated quote needs. Moved
 * paragraphs and edits on one side score 2 and more; the same words in an unrelated clause below 1.
 */
export const MIN_REPEATED_SCORE = 1;

/** Occurrences scored, best first; at most `limit` of them (ties keep text order). */
export function candidates(text: string, anchor: QuoteAnchor, limit = 8): (Span & { score: number })[] {
  const { exact } = anchor;
  if (!exact) return [];
  const found: (Span & { score: number })[] = [];
  // Overlapping occurrences are all candidates.
  // O(n · context) even for 'aaaa…' texts; identical surroundings are scored once.
  const seen = new Map<string, number>();
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    const before = text.slice(Math.max(0, at - anchor.prefix.length), at);
    const around = `${at === 0 ? 1 : 0}${end === text.length ? 1 : 0}${before.length}:${before}${text.slice(end, end + anchor.suffix.length)}`;
    let score = seen.get(around);
    if (score === undefined) {
      score = contextScore(text, anchor, at);
      seen.set(around, score);
    }
    found.push({ start: at, end, score });
  }
  found.sort((a, b) => b.score - a.score || a.start - b.start);
  // A unique quote is the finding whatever happened around it. A repeated one must also bring
  // some of its context along, or a decision on a rewritten clause would jump to an unrelated
  // clause that happens to use the same words.
  const kept = found.length > 1 ? found.filter((c) => c.score >= MIN_REPEATED_SCORE) : found;
  return kept.length > limit ? kept.slice(0, limit) : kept;
}

/**
 * The anchor's span in the current text, or null when its exact text is gone (resolved / 已修改):
 * absent, or present only as repeats whose context does not agree.
 */
export function resolve(text: string, anchor: QuoteAnchor): Span | null {
  const best = candidates(text, anchor, 1)[0];
  return best ? { start: best.start, end: best.end } : null;
}

/** Why a stored decision no longer has a finding. */
export type ResolvedWhy = 'text-gone' | 'finding-gone';

/** Stored decisions paired with current findings (`D` is the stored decision, with its anchor). */
export interface DecisionMatch<D extends { anchor: QuoteAnchor }> {
  paired: { finding: Finding; decision: D; span: Span }[];
  /** text-gone: the exact text was rewritten (or only unrelated repeats remain); finding-gone: the text is there but no free finding of the rule covers it */
  resolved: { decision: D; why: ResolvedWhy }[];
  undecided: Finding[];
}

function overlap(a: Span, b: Span): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/**
 * Pair decisions with the findings of the current text. Each decision and each finding is used
 * once, best context agreement first, so two decided duplicate sentences keep their own decisions
 * even after one of them moved. A decision whose anchor had no exact text (a document-level
 * finding without a span) pairs with the first free finding of the same rule.
 */
export function matchDecisions<D extends { anchor: QuoteAnchor }>(text: string, findings: readonly Finding[], decisions: readonly D[]): DecisionMatch<D> {
  const byRule = new Map<string, number[]>();
  findings.forEach((f, i) => {
    const list = byRule.get(f.ruleId);
    if (list) list.push(i);
    else byRule.set(f.ruleId, [i]);
  });
  const takenFinding = new Set<number>();
  const pairOf = new Map<number, { finding: number; span: Span }>();
  const textGone = new Set<number>();

  type Option = { decision: number; finding: number; span: Span; score: number };
  const options: Option[] = [];
  decisions.forEach((d, di) => {
    const same = byRule.get(d.anchor.ruleId) ?? [];
    if (!d.anchor.exact) {
      // scored below every quoted option so quoted anchors choose first
      for (const fi of same) {
        const f = findings[fi];
        if (f && f.start === f.end) options.push({ decision: di, finding: fi, span: { start: f.start, end: f.end }, score: -1 });
      }
      return;
    }
    const spans = candidates(text, d.anchor);
    if (!spans.length) {
      textGone.add(di);
      return;
    }
    for (const span of spans) {
      for (const fi of same) {
        const f = findings[fi];
        if (!f) continue;
        const o = overlap(span, f);
        if (o <= 0) continue;
        // exact span equality first, then overlap share: a rule whose span grew still pairs
        const fit = f.start === span.start && f.end === span.end ? 1 : o / Math.max(span.end - span.start, f.end - f.start);
        options.push({ decision: di, finding: fi, span: { start: span.start, end: span.end }, score: span.score + fit });
      }
    }
  });
  options.sort((a, b) => b.score - a.score || a.span.start - b.span.start || a.decision - b.decision);
  for (const o of options) {
    if (pairOf.has(o.decision) || takenFinding.has(o.finding)) continue;
    pairOf.set(o.decision, { finding: o.finding, span: o.span });
    takenFinding.add(o.finding);
  }

  const result: DecisionMatch<D> = { paired: [], resolved: [], undecided: [] };
  decisions.forEach((decision, di) => {
    const p = pairOf.get(di);
    const finding = p ? findings[p.finding] : undefined;
    if (p && finding) result.paired.push({ finding, decision, span: p.span });
    else result.resolved.push({ decision, why: textGone.has(di) ? 'text-gone' : 'finding-gone' });
  });
  findings.forEach((f, fi) => {
    if (!takenFinding.has(fi)) result.undecided.push(f);
  });
  return result;
}
