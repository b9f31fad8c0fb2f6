import type { CompiledClauseRule, CompiledPack } from '../../packs/compile';
import { citedBefore } from '../citation';

/** A clause-rule hit within one paragraph, before locations and messages are attached. */
export interface ClauseHit {
  rule: number;
  start: number;
  end: number;
  cited: boolean;
}

// Guards look at the whole sentence up to 。！？: clauses joined by ；share their subject
// (市人民政府应当…；不得…) and their citation.
const SENTENCE_END = /[。！？]/g;

function anyMatch(list: RegExp[], s: string): boolean {
  for (const re of list) if (re.test(s)) return true;
  return false;
}

function sentenceBounds(para: string): Int32Array {
  const bounds: number[] = [0];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(para); m; m = SENTENCE_END.exec(para)) bounds.push(m.index + 1);
  if (bounds[bounds.length - 1] !== para.length) bounds.push(para.length);
  return Int32Array.from(bounds);
}

function sentenceIndex(bounds: Int32Array, offset: number): number {
  let lo = 0;
  let hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function guardsPass(r: CompiledClauseRule, para: string, leadIn: string, sentence: string, relStart: number, relEnd: number): boolean {
  for (const re of r.requires) if (!re.test(sentence)) return false;
  if (anyMatch(r.unless, sentence)) return false;
  if (r.unlessParagraph.length && anyMatch(r.unlessParagraph, para)) return false;
  if (r.unlessClause.length) {
    const cs = sentence.lastIndexOf('；', relStart - 1) + 1;
    let ce = sentence.indexOf('；', relEnd);
    if (ce < 0) ce = sentence.length;
    if (anyMatch(r.unlessClause, sentence.slice(cs, ce))) return false;
  }
  if (r.requireLeadIn.length) for (const re of r.requireLeadIn) if (!leadIn || !re.test(leadIn)) return false;
  if (r.unlessLeadIn.length && leadIn && anyMatch(r.unlessLeadIn, leadIn)) return false;
  if (r.unlessBefore.length || r.requireBefore.length) {
    const before = sentence.slice(0, relStart);
    if (anyMatch(r.unlessBefore, before)) return false;
    for (const re of r.requireBefore) if (!re.test(before)) return false;
  }
  if (r.unlessAfter.length && anyMatch(r.unlessAfter, sentence.slice(relEnd))) return false;
  return true;
}

/**
 * Run every clause rule of the pack over one paragraph of normalized text. One pass over its code
 * units against the pack's first-character table finds the positions where some pattern can
 * start; only there are the rules' own sticky patterns and guards evaluated, so the cost stays
 * linear in the paragraph.
 * `leadIn` is the lead-in of the list the paragraph is an item of (经营者应当遵守下列规定：);
 * `only`, when set, restricts the run to one rule index (a rule's examples concern only it).
 */
export function checkParagraph(pack: CompiledPack, para: string, leadIn = '', only = -1): ClauseHit[] {
  if (!para) return [];
  const state: ParagraphState = { pack, para, leadIn, hits: [], lastEnd: null, cited: null, bounds: null };
  const table = pack.byCode;
  const gate = pack.gate;
  for (let pos = 0, n = para.length; pos < n; pos++) {
    const code = para.charCodeAt(pos);
    if (gate[code] === 0) continue;
    const entries = table[code]!;
    // -1 past the end: charCodeAt would give NaN, and reading past the end deoptimizes the loop
    const next = pos + 1 < n ? para.charCodeAt(pos + 1) : -1;
    const nextBit = 1 << (next & 31);
    for (let k = 0; k < entries.length; k += 4) {
      const follow = entries[k + 2] as Set<number> | null;
      // the mask rules out most next characters without a hash lookup in the set
      if (follow !== null && ((entries[k + 3] as number) & nextBit) === 0) continue;
      if ((follow !== null && !follow.has(next)) || (only >= 0 && entries[k] !== only)) continue;
      tryAt(state, entries[k] as number, entries[k + 1] as RegExp, pos, true);
    }
  }
  for (const [ri, re] of pack.unbounded) {
    if (only >= 0 && ri !== only) continue;
    re.lastIndex = 0;
    for (let m = re.exec(para); m; m = re.exec(para)) {
      tryAt(state, ri, re, m.index, false);
      re.lastIndex = m.index + 1;
    }
  }
  if (pack.unbounded.length) state.hits.sort((a, b) => a.start - b.start || a.rule - b.rule);
  return state.hits;
}

interface ParagraphState {
  pack: CompiledPack;
  para: string;
  leadIn: string;
  hits: ClauseHit[];
  /** per rule: the end of the sentence of its last finding (one finding per rule and sentence) */
  lastEnd: Int32Array | null;
  /**
   * per rule: a citation was seen in this paragraph. An article that cites the source of a
   * measure once (依照《…》第…条的规定进行查封、扣押…) keeps talking about that cited measure.
   */
  cited: Uint8Array | null;
  bounds: Int32Array | null;
}

function tryAt(st: ParagraphState, ri: number, re: RegExp, pos: number, sticky: boolean): void {
  if (st.lastEnd !== null && st.lastEnd[ri]! > pos) return;
  const { para, pack } = st;
  re.lastIndex = pos;
  const mm = re.exec(para);
  if (!mm || (sticky && mm.index !== pos)) return;
  // per-rule state is allocated on the first match only: most paragraphs have none
  st.lastEnd ??= new Int32Array(pack.clauseRules.length).fill(-1);
  st.cited ??= new Uint8Array(pack.clauseRules.length);
  st.bounds ??= sentenceBounds(para);
  const si = sentenceIndex(st.bounds, mm.index);
  const sStart = st.bounds[si]!;
  const sEnd = st.bounds[si + 1]!;
  const span = mm.indices?.groups?.hit;
  const start = span ? span[0] : mm.index;
  const end = span ? span[1] : mm.index + mm[0].length;
  if (end > sEnd) return; // a pattern may not run across a sentence boundary
  const r = pack.clauseRules[ri]!;
  const sentence = para.slice(sStart, sEnd);
  if (!guardsPass(r, para, st.leadIn, sentence, start - sStart, end - sStart)) return;
  const cited = r.rule.citation !== 'ignore' && (st.cited[ri] === 1 || citedBefore(sentence.slice(0, end - sStart)));
  if (cited) st.cited[ri] = 1;
  if (r.rule.citation === 'require' && !cited) return;
  st.hits.push({ rule: ri, start, end, cited });
  st.lastEnd[ri] = sEnd;
}
