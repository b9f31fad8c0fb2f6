// The analyses the engine's fast paths rely on (lib/packs/first-chars.ts): where a guard's match
// can start after position 0, and whether a hit group's span can be told without indices.
import { describe, expect, it } from 'vitest';
import { endAnchored, hitGroupLeads, maxMatchLength, startChars, withGapLookaheads } from '../../lib/packs/first-chars';

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

describe('maxMatchLength', () => {
  it.each([
    ['(?:单位|个人)(?:及其[^，]{0,10})?[^，]{0,4}$', 18],
    ['(?<![由对])(?:物业服务人|个人)$', 5],
    ['(?:鼓励|支持)[^。]{0,40}$|未经', 42],
    ['\\d+年内', Infinity],
    ['(a)\\1', Infinity],
    ['a{3}(?=bcd)', 3],
  ])('%s', (src, n) => {
    expect(maxMatchLength(src)).toBe(n);
  });
});

describe('endAnchored', () => {
  it.each([
    ['单位[^，]{0,4}$', true],
    ['(?:a$)|(?:b[^c]$)', true],
    ['a$|b', false],
    ['a\\$', false],
    ['a\\\\$', true],
    ['(?:a$|b)c', false],
  ])('%s', (src, anchored) => {
    expect(endAnchored(src)).toBe(anchored);
  });
});

describe('withGapLookaheads', () => {
  // 22 nouns: long enough for the lookahead; their first characters make the class
  const nouns = '单位|个人|公民|法人|企业|公司|经营者|生产者|销售者|业主|住户|农户|商户|用户|居民|村民|申请人|当事人|行为人|责任人|学校|医院';
  const withLookahead = (src: string) => withGapLookaheads(src) !== src;
  it('puts the first characters of a long alternation after the lazy gap before it, before its lookbehinds', () => {
    expect(withGapLookaheads(`^[^，]{0,30}?(?<![向由])(?:${nouns})$`)).toMatch(/^\^\[\^，\]\{0,30\}\?\(\?=\[[^\]]*单[^\]]*\]\)\(\?<!\[向由\]\)/);
  });
  it.each([
    [`[^，]{0,30}?(?:${nouns})?x`, 'an optional group'],
    [`[^，]{0,30}?(?:${nouns}){0,2}`, 'a group that may repeat zero times'],
    [`[^，]{0,30}?(?:单位|个人)`, 'a short alternation'],
    [`[^，]{0,30}?(?:${nouns}|)`, 'an alternation that can match nothing'],
    [`\\{0,3}?(?:${nouns})`, 'escaped braces'],
    [`[a{0,3}?(?:](?:${nouns})`, 'a quantifier inside a class'],
  ])('leaves %s alone (%s)', (src) => {
    expect(withLookahead(src)).toBe(false);
  });
  it('changes no answer of the pattern', () => {
    const src = `(?:^|的，)[^，。]{0,12}?(?<![向由])(?:${nouns})[^。]{0,20}$`;
    const plain = new RegExp(src);
    const fast = new RegExp(withGapLookaheads(src));
    const texts = ['单位应当', '由单位应当', '向企业报告', '本市的，经营者应当', '依法由村民决定', '行为人的，', '个人', '的，学校'];
    for (const t of texts) for (let k = 0; k <= t.length; k++) expect(fast.test(t.slice(0, k))).toBe(plain.test(t.slice(0, k)));
  });
});
