// The analyses the engine's fast paths rely on (lib/packs/first-chars.ts): where a guard's match
// can start after position 0, and whether a hit group's span can be told without indices.
import { describe, expect, it } from 'vitest';
import { hitGroupLeads, startChars } from '../../lib/packs/first-chars';

const sorted = (s: Set<string> | null): string | null => (s ? [...s].sort().join('') : null);

describe('startChars', () => {
  it.each([
    ['(?:^|的，|。)\\s{0,4}单位', '。的'],
    ['^\\s{0,4}单位', ''],
    ['(?<![由对])(?:单位|个人)[^，]{0,4}$', '个单'],
    ['(?:所称[^。]{0,9}?指)|(?:是指)', '所是'],
    ['(?:鼓励|支持)[^。]{0,40}$|\\d+年内', '0123456789支鼓'],
    ['[^，]{0,4}$', null],
    ['.单位', null],
    ['[\\u3000a]b', null],
  ])('%s', (src, chars) => {
    expect(sorted(startChars(src))).toBe(chars);
  });
});

describe('hitGroupLeads', () => {
  it.each([
    ['(?<hit>应当|必须)', true],
    ['(?<=[^，]{2,40}后)(?<hit>不得)(?:挖掘|占用)', true],
    ['经(?<hit>批准)', false],
    ['(?<hit>不得)?挖掘', false],
    ['(?<hit>不得)|禁止', false],
    ['应当', false],
  ])('%s', (src, leads) => {
    expect(hitGroupLeads(src)).toBe(leads);
  });
});
