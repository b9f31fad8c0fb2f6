// The document checks skip a pattern in texts without one of its cue words (search.ts), or try it
// only near its cue words: a cue that a match could lack, or hold elsewhere, would silently hide a
// validity or comment-period statement. Check every cue against every match over real text, and
// the cued searches against plain ones.
import { describe, expect, it } from 'vitest';
import { CUED_PATTERNS as COMMENT_PATTERNS } from '../../lib/engine/checks/comment-period';
import { CUED_PATTERNS as VALIDITY_PATTERNS } from '../../lib/engine/checks/validity';
import { normalize } from '../../lib/engine/normalize';
import { cuePositions, CuedPattern, matchesNear, occurrences, sticky } from '../../lib/engine/search';
import { realTexts } from '../real-texts';

const texts = realTexts([
  '本办法自2020年1月1日起施行，有效期至2024年12月31日。',
  '本办法有效期5年，试行期为2年。本细则自发布之日起试行。',
  '本通知执行至2027年12月31日止，2025年12月31日前有效，自印发之日起3年内有效，长期有效。',
  '本公告截止到2026年6月30日。实施期限：二〇二四年至二〇二六年。现将有关情况公示如下。特此公示。',
]);
const normalized = texts.map((t) => normalize(t).text);

describe('cued searches of the document checks', () => {
  const patterns = [...VALIDITY_PATTERNS, ...COMMENT_PATTERNS];

  it.each(patterns.map((p) => [p.re.source.slice(0, 40), p] as const))('%s: every match holds a cue word', (_, p) => {
    let matches = 0;
    for (const t of normalized)
      for (const m of t.matchAll(new RegExp(p.re.source, p.re.flags.includes('u') ? 'gu' : 'g'))) {
        matches++;
        // With `at`, the cue word must start within that many characters of the match's start.
        const [min, max] = p.at ?? [0, m[0].length];
        const cued = p.words.some((w) => {
          for (let k = m[0].indexOf(w); k >= 0; k = m[0].indexOf(w, k + 1)) if (k >= min && k <= max) return true;
          return false;
        });
        expect(cued, `${p.re.source}: ${m[0]}`).toBe(true);
      }
    expect(matches).toBeGreaterThan(0);
  });

  it('cued searches find what plain ones find', () => {
    for (const p of patterns) {
      for (const t of normalized) {
        if (p.re.global) {
          const plain: number[] = [];
          p.re.lastIndex = 0;
          for (let m = p.re.exec(t); m; m = p.re.exec(t)) plain.push(m.index, m[0].length);
          expect(p.matches(t).flatMap((m) => [m.index, m[0].length])).toEqual(plain);
        } else {
          expect(p.test(t)).toBe(p.re.test(t));
        }
      }
    }
  });
});

/** The matches of a plain global scan. */
function scan(re: RegExp, text: string): [number, string][] {
  const g = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}g`);
  return [...text.matchAll(g)].map((m) => [m.index, m[0]]);
}

describe('search helpers', () => {
  it('occurrences lists every start, overlapping ones too, for the text asked about', () => {
    expect(occurrences('期期期', '期期')).toEqual([0, 1]);
    expect(occurrences('有效期，有效', '有效')).toEqual([0, 4]);
    expect(occurrences('无', '有效')).toEqual([]);
    expect(occurrences('有效期，有效', '有效')).toEqual([0, 4]);
  });

  it('cuePositions merges the words in text order', () => {
    expect(Array.from(cuePositions('起期时起', ['起', '期', '时']))).toEqual([0, 1, 2, 3]);
    expect(Array.from(cuePositions('abc', ['x', 'y']))).toEqual([]);
  });

  it('matchesNear finds what a whole-text scan finds near the anchors, in order', () => {
    const re = /之?前有效|\d+日/g;
    const text = '至2025年12月31日之前有效，前有效，15日30日，12345日之前有效';
    const plain = scan(re, text);
    // With windows covering every position, the emulation is the scan itself.
    const all = Array.from({ length: text.length }, (_, i) => i);
    expect(matchesNear(sticky(re), text, all, 0, 0).map((m) => [m.index, m[0]])).toEqual(plain);
    // Overlapping windows try each position once; a match hides the positions it covers.
    expect(matchesNear(sticky(re), text, all, -3, 3).map((m) => [m.index, m[0]])).toEqual(plain);
    // Restricted to starts near 有效 (the 之 of 之前有效 is 2 before it, 前 1 before).
    const near = matchesNear(sticky(/之?前有效/g), text, occurrences(text, '有效'), -2, -1).map((m) => [m.index, m[0]]);
    expect(near).toEqual(scan(/之?前有效/g, text));
    // A filter on the first character skips positions where no match can start.
    const digits = matchesNear(sticky(re), text, all, 0, 0, (c) => c >= 0x30 && c <= 0x39).map((m) => [m.index, m[0]]);
    expect(digits).toEqual(plain.filter(([, s]) => /^\d/.test(s)));
    expect(matchesNear(sticky(re), text, all, 0, 0, undefined, 2)).toHaveLength(2);
  });

  it('a CuedPattern with offsets matches like the plain pattern', () => {
    const p = new CuedPattern(/有效期限|有效期|试行期/g, ['期'], [2, 2]);
    const text = '有效期限为3年，有效期，试行期，期间，长期';
    expect(p.matches(text).map((m) => [m.index, m[0]])).toEqual(scan(p.re, text));
    const q = new CuedPattern(/现将[^。\n]{0,80}?公示/, ['现'], [0, 0]);
    expect(q.test('现将有关情况公示如下')).toBe(true);
    expect(q.test('现将有关情况。公示如下')).toBe(false);
  });
});
