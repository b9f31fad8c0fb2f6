import { describe, expect, test } from 'vitest';
import { lines, runs } from '../../lib/annotate/mirror';
import { finding } from './fixtures';

const show = (text: string, fs: Parameters<typeof runs>[1]): string =>
  runs(text, fs)
    .map((r) => (r.finding ? `[${r.text}:${r.finding.severity}]` : r.text))
    .join('');

describe('textarea mirror runs', () => {
  test('plain text is one run', () => {
    expect(runs('第一条', [])).toEqual([{ text: '第一条', finding: null }]);
  });

  test.each([
    ['one finding', [finding({ start: 2, end: 4 })], 'ab[cd:error]ef'],
    ['at both ends', [finding({ start: 0, end: 2, severity: 'info' }), finding({ start: 4, end: 6 })], '[ab:info]cd[ef:error]'],
    ['overlap: the more severe one wins where they overlap', [finding({ start: 1, end: 4, severity: 'info' }), finding({ start: 3, end: 5 })], 'a[bc:info][de:error]f'],
    ['nested: error inside warning', [finding({ start: 0, end: 6, severity: 'warning' }), finding({ start: 2, end: 3 })], '[ab:warning][c:error][def:warning]'],
    ['empty and out-of-range spans are ignored', [finding({ start: 3, end: 3 }), finding({ start: 5, end: 99 })], 'abcde[f:error]'],
  ])('%s', (_, fs, expected) => {
    expect(show('abcdef', fs)).toBe(expected);
  });

  test('runs always reassemble the text', () => {
    const text = '第四条 违反本办法规定的，处五千元罚款。';
    const rs = runs(text, [finding({ start: 13, end: 19 }), finding({ start: 4, end: 8, severity: 'warning' })]);
    expect(rs.map((r) => r.text).join('')).toBe(text);
  });
});

describe('textarea mirror lines', () => {
  test('a finding decided acceptable is drawn dimmed, and the line is rebuilt when that changes', () => {
    const text = '第一条 总则。\n第四条 违反本办法规定的，处五千元罚款。';
    const f = finding({ start: 21, end: 27 });
    const plain = lines(text, [f]);
    const dim = lines(text, [f], (x) => x === f);
    expect(plain[1]!.clips[0]!.dim).toBe(false);
    expect(dim[1]!.clips[0]!.dim).toBe(true);
    // the first line has no finding: same key; the second must be rebuilt
    expect(dim[0]!.key).toBe(plain[0]!.key);
    expect(dim[1]!.key).not.toBe(plain[1]!.key);
  });
});
