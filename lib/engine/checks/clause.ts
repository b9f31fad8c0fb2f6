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

function guardsPass(r: CompiledClauseRule, para: string, sentence: string, relStart: number, relEnd: number): boolean {
  for (const re of r.requires) if (!re.test(sentence)) return false;
  if (anyMatch(r.unless, sentence)) return false;
  if (r.unlessParagraph.length && anyMatch(r.unlessParagraph, para)) return false;
  if (r.unlessBefore.length || r.requireBefore.length) {
    const before = sentence.slice(0, relStart);
    if (anyMatch(r.unlessBefore, before)) return false;
    for (const re of r.requireBefore) if (!re.test(before)) return false;
  }
  if (r.unlessAfter.length && anyMatch(r.unlessAfter, sentence.slice(relEnd))) return false;
  return true;
}

/**
 * Run every clause rule of the pack over one paragraph of normalized text. One pass of the
 * candidate regex finds positions where some pattern starts; only there are the rules' own
 * sticky patterns and guards evaluated, so the cost stays linear in the paragraph's length.
 */
export function checkParagraph(pack: CompiledPack, para: string): ClauseHit[] {
  const cand = pack.candidates;
  if (!cand || !para) return [];
  const hits: ClauseHit[] = [];
  const lastEnd = new Int32Array(pack.clauseRules.length).fill(-1);
  // An article that cites the source of a measure once (依照《…》第…条的规定进行查封、扣押…)
  // keeps talking about that cited measure in its later sentences.
  const citedInParagraph = new Uint8Array(pack.clauseRules.length);
  let bounds: Int32Array | null = null;
  cand.lastIndex = 0;
  for (let m = cand.exec(para); m; m = cand.exec(para)) {
    const pos = m.index;
    bounds ??= sentenceBounds(para);
    const si = sentenceIndex(bounds, pos);
    const sStart = bounds[si]!;
    const sEnd = bounds[si + 1]!;
    const sentence = para.slice(sStart, sEnd);
    for (let ri = 0; ri < pack.clauseRules.length; ri++) {
      if (lastEnd[ri]! > pos) continue;
      const r = pack.clauseRules[ri]!;
      for (const re of r.match) {
        re.lastIndex = pos;
        const mm = re.exec(para);
        if (!mm) continue;
        const span = mm.indices?.groups?.hit;
        const start = span ? span[0] : pos;
        const end = span ? span[1] : pos + mm[0].length;
        if (end > sEnd) continue; // a pattern may not run across a sentence boundary
        if (!guardsPass(r, para, sentence, start - sStart, end - sStart)) continue;
        const cited = r.rule.citation !== 'ignore' && (citedInParagraph[ri] === 1 || citedBefore(sentence.slice(0, end - sStart)));
        if (cited) citedInParagraph[ri] = 1;
        if (r.rule.citation === 'require' && !cited) continue;
        hits.push({ rule: ri, start, end, cited });
        lastEnd[ri] = sEnd; // one finding per rule and sentence
        break;
      }
    }
    cand.lastIndex = pos + 1;
  }
  return hits;
}
