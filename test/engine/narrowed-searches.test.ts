// The document checks look for some patterns only where they can count: 执行至 right before a
// date, 前有效 right after one, a number of days after its anchor, a year range right after a
// keyword. Check each narrowed search against the whole-text scan it replaces, over real text.
import { describe, expect, it } from 'vitest';
import { NDAY_SEARCH, nDayMatches } from '../../lib/engine/checks/comment-period';
import { untilMatches, validBeforeMatches } from '../../lib/engine/checks/validity';
import { findDates, findYearRanges, firstYearRangeIn, lineEndWithin, lineStartWithin, type DateMention } from '../../lib/engine/dates';
import { findTitle } from '../../lib/engine/document-type';
import { normalize } from '../../lib/engine/normalize';
import { realTexts } from '../real-texts';

const texts = realTexts([
  '本办法自2020年1月1日起施行，有效期至2024年12月31日。本通知执行至2027年12月31日止，实施期截止到 2026年6月30日。',
  '本办法2025年12月31日前有效，2025年12月31日之前有效，2026年1月1日止有效，2026年1月1日以前有效。',
  '实施行至2024年1月1日，有效期为2019年至2023年，执行期为2024—2026年，有效期限：2024-2026年，有效期12025年至2026年。',
  '请于本公告发布之日起15日内提出，公示期为5个工作日，征求意见时间：自即日起30天，为期1.5个月，反馈时间为 20 日。',
]);
const normalized = texts.map((t) => normalize(t).text);

/** Start and text of each match of a plain global scan. */
function scan(re: RegExp, text: string): RegExpExecArray[] {
  const g = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}g`);
  return [...text.matchAll(g)] as RegExpExecArray[];
}
const spans = (ms: readonly RegExpExecArray[]): [number, string][] => ms.map((m) => [m.index, m[0]]);

describe('searches narrowed to where a match can count', () => {
  it('执行至 is found right before every date it leads to', () => {
    const re = /(执行|实施|施行|有效|适用|试行)(?:期)?(?:至|到|截至|截止到?)[ ]?(?=\d|[〇一二])/g;
    let seen = 0;
    for (const t of normalized) {
      const starts = new Set(findDates(t).map((d) => d.start));
      const before = (ms: readonly RegExpExecArray[]) => ms.filter((m) => starts.has(m.index + m[0].length));
      const want = spans(before(scan(re, t)));
      seen += want.length;
      expect(spans(before(untilMatches(t, findDates(t))))).toEqual(want);
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('前有效 is found right after every date it follows', () => {
    const re = /(?:前|之前|以前|止)有效/g;
    let seen = 0;
    for (const t of normalized) {
      const ends = new Set(findDates(t).map((d: DateMention) => d.end));
      const after = (ms: readonly RegExpExecArray[]) => ms.filter((m) => ends.has(m.index) || ends.has(m.index - 1));
      const want = spans(after(scan(re, t)));
      seen += want.length;
      expect(spans(after(validBeforeMatches(t, findDates(t))))).toEqual(want);
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('a number of days is found after every anchor that makes it count', () => {
    const { re, anchor } = NDAY_SEARCH;
    const anchored = (t: string, ms: readonly RegExpExecArray[]) => ms.filter((m) => anchor.test(t.slice(Math.max(0, m.index - 40), m.index)));
    let seen = 0;
    for (const t of normalized) {
      const want = spans(anchored(t, scan(re, t)));
      seen += want.length;
      expect(spans(anchored(t, nDayMatches(t)))).toEqual(want);
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('firstYearRangeIn finds the first range findYearRanges finds in a span', () => {
    let seen = 0;
    for (const t of normalized) {
      const all = findYearRanges(t);
      // after every 期 and 限 (as after a keyword), and at every position of short texts (the fallback)
      const froms = t.length < 400 ? Array.from({ length: t.length + 1 }, (_, i) => i) : [...t.matchAll(/[期限]/g)].map((m) => m.index + 1);
      for (const from of froms) {
        const want = all.find((r) => r.start >= from && r.start < from + 8);
        if (want) seen++;
        expect(firstYearRangeIn(t, from, from + 8)).toEqual(want);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('line bounds match a character-by-character search', () => {
    const t = '第一行\n第二行很长很长\n\n第四行';
    for (let pos = -2; pos <= t.length + 2; pos++)
      for (const limit of [0, 1, 3, 40]) {
        let start = Math.max(0, pos - limit);
        for (let k = pos - 1; k >= Math.max(0, pos - limit); k--)
          if (t[k] === '\n') {
            start = k + 1;
            break;
          }
        let end = Math.min(t.length, pos + limit);
        for (let k = pos; k < Math.min(t.length, pos + limit); k++)
          if (t[k] === '\n') {
            end = k;
            break;
          }
        expect([lineStartWithin(t, pos, limit), lineEndWithin(t, pos, limit)], `${pos} ${limit}`).toEqual([start, end]);
      }
  });

  it('a 名称 field far below the candidate title lines still names the document', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `第${i + 1}行正文内容。`);
    expect(findTitle(['某市管理办法', ...lines, '  名 称： 某某管理条例'].join('\n'))).toBe('某某管理条例');
    expect(findTitle(['某市管理办法', ...lines].join('\n'))).toBe('某市管理办法');
  });
});
