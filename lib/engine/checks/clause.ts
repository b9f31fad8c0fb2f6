import { BY_CODE_STRIDE, type CompiledClauseRule, type CompiledPack } from '../../packs/compile';
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
const C_FULL_STOP = 0x3002; // 。
const C_EXCLAMATION = 0xff01; // ！
const C_QUESTION = 0xff1f; // ？

const isSentenceEnd = (c: number): boolean => c === C_FULL_STOP || c === C_EXCLAMATION || c === C_QUESTION;

/** Whether a match at [relStart, relEnd) of `sentence` passes every guard of rule `r`. */
function guardsPass(r: CompiledClauseRule, para: string, leadIn: string, sentence: string, relStart: number, relEnd: number): boolean {
  let before: string | null = null;
  let after: string | null = null;
  let clause: string | null = null;
  for (const g of r.guards) {
    let text: string;
    switch (g.subject) {
      case 'sentence':
        text = sentence;
        break;
      case 'paragraph':
        text = para;
        break;
      case 'clause':
        if (clause === null) {
          const cs = sentence.lastIndexOf('；', relStart - 1) + 1;
          let ce = sentence.indexOf('；', relEnd);
          if (ce < 0) ce = sentence.length;
          clause = sentence.slice(cs, ce);
        }
        text = clause;
        break;
      case 'leadIn':
        // a paragraph that is no list item has no lead-in: it fails requireLeadIn, passes unlessLeadIn
        if (!leadIn) {
          if (g.required) return false;
          continue;
        }
        text = leadIn;
        break;
      case 'before':
        text = before ??= sentence.slice(0, relStart);
        break;
      case 'after':
        text = after ??= sentence.slice(relEnd);
        break;
    }
    if (g.pattern.test(text) !== g.required) return false;
  }
  return true;
}

/**
 * Runs the clause rules of a pack over paragraphs of normalized text, one call of paragraph() per
 * paragraph. One pass over a paragraph's code units against the pack's first-character table
 * finds the positions where some pattern can start; only there are the rules' own sticky patterns
 * and guards evaluated, so the cost stays linear in the paragraph. The per-rule state lives in
 * typed arrays allocated once per scanner (allocating them per paragraph costs more than the
 * scan of most paragraphs).
 */
export class ClauseScanner {
  private readonly pack: CompiledPack;
  private readonly only: number;
  /** per rule: the end of the sentence of its last finding (one finding per rule and sentence) */
  private readonly lastEnd: Int32Array;
  /**
   * per rule: a citation was seen in this paragraph. An article that cites the source of a
   * measure once (依照《…》第…条的规定进行查封、扣押…) keeps talking about that cited measure.
   */
  private readonly cited: Uint8Array;
  /**
   * per pattern leading with a run (CompiledPack.runs): the last position in this paragraph where
   * it failed or, inside the run that followed, would have; -2 for none
   */
  private readonly runFailedAt: Int32Array;
  /** runFailedAt holds a position of this paragraph */
  private runFailed = false;
  private para = '';
  private leadIn = '';
  private hits: ClauseHit[] = [];
  /** a match was accepted for guards since lastEnd and cited were last cleared */
  private matched = false;
  /**
   * the sentence of the last match accepted for guards in this paragraph, [sStart, sEnd) of
   * para: a sentence often holds matches of several rules (应当, 不得, 罚款 and the rules built on them)
   */
  private sStart = 0;
  private sEnd = 0;
  private sentence = '';

  /** `only`, when set, restricts the scan to one rule index (a rule's examples concern only it). */
  constructor(pack: CompiledPack, only = -1) {
    this.pack = pack;
    this.only = only;
    this.lastEnd = new Int32Array(pack.clauseRules.length).fill(-1);
    this.cited = new Uint8Array(pack.clauseRules.length);
    this.runFailedAt = new Int32Array(pack.runs).fill(-2);
  }

  /**
   * The hits of the clause rules in the paragraph text[from, to) (hit offsets are relative to
   * `from`); `leadIn` is the lead-in of the list the paragraph is an item of (经营者应当遵守下列规定：),
   * `para` the paragraph's text when the caller has it. Reading the code units of the whole
   * text, not of a slice, keeps the scan on a flat string.
   */
  paragraph(text: string, from: number, to: number, leadIn = '', para = text.slice(from, to)): ClauseHit[] {
    if (to <= from) return [];
    const { pack, only, lastEnd, runFailedAt } = this;
    this.para = para;
    this.leadIn = leadIn;
    this.hits = [];
    this.sStart = this.sEnd = 0;
    if (this.matched) {
      lastEnd.fill(-1);
      this.cited.fill(0);
      this.matched = false;
    }
    if (this.runFailed) {
      runFailedAt.fill(-2);
      this.runFailed = false;
    }
    const table = pack.byCode;
    const gate = pack.gate;
    for (let at = from; at < to; at++) {
      const slot = gate[text.charCodeAt(at)]!;
      if (slot === 0) continue;
      // -1 past the end: charCodeAt would give NaN, and reading past the end deoptimizes the loop
      const next = at + 1 < to ? text.charCodeAt(at + 1) : -1;
      const nextBit = 1 << (next & 31);
      const entries = table[slot]!;
      if (((entries[0] as number) & nextBit) === 0) continue;
      const pos = at - from;
      for (let k = 1; k < entries.length; k += BY_CODE_STRIDE) {
        const follow = entries[k + 2] as Set<number> | null;
        // the mask rules out most next characters without a hash lookup in the set
        if (follow !== null && ((entries[k + 3] as number) & nextBit) === 0) continue;
        if ((follow !== null && !follow.has(next)) || (only >= 0 && entries[k] !== only)) continue;
        const ri = entries[k] as number;
        if (lastEnd[ri]! > pos) continue;
        // the pattern failed at the previous position, in the same run of its leading characters
        const run = entries[k + 5] as number;
        if (run >= 0 && runFailedAt[run] === pos - 1) {
          runFailedAt[run] = pos;
          continue;
        }
        const re = entries[k + 1] as RegExp;
        re.lastIndex = pos;
        const mm = re.exec(para);
        if (mm === null) {
          if (run >= 0) {
            runFailedAt[run] = pos;
            this.runFailed = true;
          }
          continue;
        }
        const withIndices = entries[k + 4] as RegExp | null;
        if (withIndices === null) {
          // the hit group, if any, leads the match
          const hit = mm.groups?.hit;
          this.accept(ri, pos, pos, pos + (hit === undefined ? mm[0].length : hit.length));
        } else {
          withIndices.lastIndex = pos;
          this.acceptMatch(ri, withIndices.exec(para)!);
        }
      }
    }
    for (const [ri, re] of pack.unbounded) {
      if (only >= 0 && ri !== only) continue;
      re.lastIndex = 0;
      for (let m = re.exec(para); m; m = re.exec(para)) {
        if (lastEnd[ri]! <= m.index) this.acceptMatch(ri, m);
        re.lastIndex = m.index + 1;
      }
    }
    const hits = this.hits;
    if (pack.unbounded.length) hits.sort((a, b) => a.start - b.start || a.rule - b.rule);
    this.hits = [];
    return hits;
  }

  /** accept() for a match with indices: the span of its hit group, or the whole match. */
  private acceptMatch(ri: number, mm: RegExpExecArray): void {
    const span = mm.indices?.groups?.hit;
    this.accept(ri, mm.index, span ? span[0] : mm.index, span ? span[1] : mm.index + mm[0].length);
  }

  /**
   * Runs the guards of rule `ri` on its match at `index`, hit span [start, end), and records the
   * hit when they pass.
   */
  private accept(ri: number, index: number, start: number, end: number): void {
    const { para, pack } = this;
    this.matched = true;
    // the sentence of the match: after the last 。！？ before it, through the first one from it
    // (the same for every index in the sentence of the last match)
    if (index < this.sStart || index >= this.sEnd) {
      let sStart = index;
      while (sStart > 0 && !isSentenceEnd(para.charCodeAt(sStart - 1))) sStart--;
      let sEnd = index;
      while (sEnd < para.length && !isSentenceEnd(para.charCodeAt(sEnd))) sEnd++;
      if (sEnd < para.length) sEnd++;
      this.sStart = sStart;
      this.sEnd = sEnd;
      this.sentence = para.slice(sStart, sEnd);
    }
    const { sStart, sEnd, sentence } = this;
    if (end > sEnd) return; // a pattern may not run across a sentence boundary
    const r = pack.clauseRules[ri]!;
    if (!guardsPass(r, para, this.leadIn, sentence, start - sStart, end - sStart)) return;
    const cited = r.rule.citation !== 'ignore' && (this.cited[ri] === 1 || citedBefore(sentence.slice(0, end - sStart)));
    if (cited) this.cited[ri] = 1;
    if (r.rule.citation === 'require' && !cited) return;
    this.hits.push({ rule: ri, start, end, cited });
    this.lastEnd[ri] = sEnd;
  }
}

