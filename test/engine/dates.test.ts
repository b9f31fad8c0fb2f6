import { describe, expect, test } from 'vitest';
import {
  addMonths,
  daysBetweenExclusive,
  daysBetweenInclusive,
  findDateRanges,
  findDates,
  findIssueDates,
  findYearRanges,
  yearsBetweenInclusive,
} from '../../lib/engine/dates';
import { normalize } from '../../lib/engine/normalize';

type Row = [string, [number | null, number, number, boolean][]];

describe('findDates', () => {
  test.each<Row>([
    ['2023年4月28日', [[2023, 4, 28, false]]],
    ['二〇二三年四月二十八日', [[2023, 4, 28, false]]],
    ['二○二三年十二月三十一日', [[2023, 12, 31, false]]],
    ['一九九四年三月三十日颁发', [[1994, 3, 30, false]]],
    ['２０２３年４月２８日', [[2023, 4, 28, false]]],
    ['2023 年 4 月 28 日', [[2023, 4, 28, false]]],
    ['2023年4月28号', [[2023, 4, 28, false]]],
    ['2023.4.28', [[2023, 4, 28, false]]],
    ['2023-04-28', [[2023, 4, 28, false]]],
    ['2023/4/28', [[2023, 4, 28, false]]],
    ['2020-11-09 16:37', [[2020, 11, 9, false]]],
    ['2023年3月6日至4月5日', [[2023, 3, 6, false], [2023, 4, 5, true]]],
    ['2023年12月20日至1月19日', [[2023, 12, 20, false], [2024, 1, 19, true]]],
    ['2023年3月6日至28日', [[2023, 3, 6, false], [2023, 3, 28, true]]],
    ['2022年2月18日-2022年3月1日', [[2022, 2, 18, false], [2022, 3, 1, false]]],
    ['2020-11-09 16:37\n请于11月16日前反馈', [[2020, 11, 9, false], [2020, 11, 16, true]]],
    ['要于2019年3月底前制定', [[2019, 3, 31, false]]],
    ['2020年2月底', [[2020, 2, 29, false]]],
    ['2019年底前', [[2019, 12, 31, false]]],
    ['2017年年底前', [[2017, 12, 31, false]]],
    ['于12月17日前', [[null, 12, 17, true]]],
  ])('%j', (text, expected) => {
    const got = findDates(text).map((d) => [d.year, d.month, d.day, d.yearCarried]);
    expect(got).toEqual(expected);
  });

  test('defaultYear fills a year-less date', () => {
    expect(findDates('请于11月26日前反馈', { defaultYear: 2020 })[0]).toMatchObject({ year: 2020, month: 11, day: 26, yearCarried: true });
  });

  test.each(['第12条', '2023年', '2020年3月1月起', '4月31日', '12月', '16日内', '12023年4月28日x'.slice(1, 1)])('%j has no date', (text) => {
    expect(findDates(text)).toEqual([]);
  });

  test('offsets cover the date text', () => {
    const text = '本办法自2023年9月8日起施行';
    const [d] = findDates(text);
    expect(text.slice(d!.start, d!.end)).toBe('2023年9月8日');
    const ts = '2020-11-09 16:37 来源';
    const [t] = findDates(ts);
    expect(ts.slice(t!.start, t!.end)).toBe('2020-11-09');
    expect(t!.timestamp).toBe(true);
  });

  test('works the same on normalized text', () => {
    const raw = '自二〇一九年一月一日起施行';
    const a = findDates(raw).map((d) => [d.year, d.month, d.day]);
    const b = findDates(normalize(raw).text).map((d) => [d.year, d.month, d.day]);
    expect(a).toEqual(b);
  });
});

describe('ranges and issue dates', () => {
  test.each([
    ['2023年3月6日至2023年4月5日', 1],
    ['从2023年1月1日开始，至2023年1月31日结束', 1],
    ['自2018年10月23日0时起至2018年11月12日24时止', 1],
    ['2023年3月6日，2023年4月5日', 0],
    // numeric dates joined by a hyphen: the second date follows the first one's hyphen
    ['公示时间：2022.7.13-2022.7.17', 1],
    ['2022-07-13-2022-07-17', 1],
  ])('%j has %d range(s)', (text, n) => {
    expect(findDateRanges(text)).toHaveLength(n);
  });

  test.each([
    ['政策期限为2016年至2018年', [2016, 2018]],
    ['2025—2027年', [2025, 2027]],
    ['2016-2020年', [2016, 2020]],
  ])('year range %j', (text, [from, to]) => {
    expect(findYearRanges(text)[0]).toMatchObject({ fromYear: from, toYear: to });
  });

  test('a hyphen before a numeric date only joins it to a date right before', () => {
    expect(findDates('公示时间：2022.7.13-2022.7.17').map((d) => [d.month, d.day])).toEqual([[7, 13], [7, 17]]);
    expect(findDates('联系电话0531-2022.7.1')).toEqual([]);
    expect(findDates('编号A-2022.7.1')).toEqual([]);
  });

  test('issue dates are date lines, labelled fields and time stamps, not dates inside sentences', () => {
    const text = '2020-11-09 16:37\n本办法自2021年1月1日起施行。\n国家能源局华北监管局\n2025年11月17日\n发布日期：2025-11-18\n';
    const got = findIssueDates(text).map((d) => `${d.year}-${d.month}-${d.day}`);
    expect(got).toEqual(['2020-11-9', '2025-11-17', '2025-11-18']);
  });
});

describe('day arithmetic (UTC)', () => {
  test.each([
    [[2023, 3, 6], [2023, 4, 5], 31],
    [[2022, 2, 18], [2022, 3, 1], 12],
    [[2024, 2, 28], [2024, 3, 1], 3],
    [[2023, 12, 20], [2024, 1, 19], 31],
    [[2024, 3, 30], [2024, 3, 31], 2],
  ])('%j..%j = %d days inclusive', ([y1, m1, d1], [y2, m2, d2], n) => {
    const a = { year: y1!, month: m1!, day: d1! };
    const b = { year: y2!, month: m2!, day: d2! };
    expect(daysBetweenInclusive(a, b)).toBe(n);
    expect(daysBetweenExclusive(a, b)).toBe(n - 1);
  });

  test.each([
    [[2019, 1, 1], [2023, 12, 31], 5],
    [[2026, 7, 1], [2028, 6, 30], 2],
    [[2018, 10, 23], [2018, 11, 12], 0.0575],
    [[2016, 1, 1], [2018, 12, 31], 3],
  ])('%j..%j ≈ %d years', ([y1, m1, d1], [y2, m2, d2], years) => {
    expect(yearsBetweenInclusive({ year: y1!, month: m1!, day: d1! }, { year: y2!, month: m2!, day: d2! })).toBeCloseTo(years, 3);
  });

  test('addMonths clamps to the end of the month', () => {
    expect(addMonths({ year: 2024, month: 1, day: 31 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addMonths({ year: 2023, month: 11, day: 15 }, 2)).toEqual({ year: 2024, month: 1, day: 15 });
  });
});
