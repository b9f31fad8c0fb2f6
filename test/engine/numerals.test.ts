import { describe, expect, test } from 'vitest';
import { parseChineseNumber } from '../../lib/engine/numerals';

describe('parseChineseNumber', () => {
  test.each([
    ['三十', 30],
    ['一百二十', 120],
    ['两万', 20000],
    ['廿三', 23],
    ['卅一', 31],
    ['二〇二三', 2023],
    ['二零二三', 2023],
    ['一九九四', 1994],
    ['十五', 15],
    ['十', 10],
    ['二十八', 28],
    ['一百零五', 105],
    ['一千零二十', 1020],
    ['一万五', 15000],
    ['两千三', 2300],
    ['三万二千', 32000],
    ['千万', 10000000],
    ['一亿二千万', 120000000],
    ['3万', 30000],
    ['1.5万', 15000],
    ['30', 30],
    ['３０', 30],
    ['2.5', 2.5],
    ['五', 5],
    ['零', 0],
  ])('%s → %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });

  test.each(['', '一律', '十三五', '统一', 'abc', '十百', '三万x', '两两'])('%j is not a number', (s) => {
    expect(parseChineseNumber(s)).toBeNull();
  });
});
