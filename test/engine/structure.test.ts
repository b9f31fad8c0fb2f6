import { describe, expect, it } from 'vitest';
import { buildStructure, toChineseNumeral } from '../../lib/engine/structure';
import { normalize } from '../../lib/engine/normalize';

const locate = (text: string, needle: string) => {
  const n = normalize(text);
  const s = buildStructure(n.text);
  const at = n.text.indexOf(normalize(needle).text);
  expect(at, `needle ${needle}`).toBeGreaterThanOrEqual(0);
  return s.locate(at);
};

describe('toChineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [35, '三十五'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [198, '一百九十八'],
  ])('%i → %s', (n, s) => expect(toChineseNumeral(n)).toBe(s));
});

describe('locations', () => {
  const articled = [
    '某某市养犬管理办法',
    '第一章 总则',
    '第一条 为了规范养犬行为，制定本办法。',
    '第二章 管理',
    '第十二条 养犬人应当遵守下列规定：',
    '（一）携犬出户时束犬链；',
    '（二）及时清除犬只排泄物。',
    '养犬人不得携犬进入学校。',
    '第一百零五条 本办法自2024年1月1日起施行。',
  ].join('\n');

  it.each([
    ['为了规范养犬行为', '第一条'],
    ['养犬人应当遵守下列规定', '第十二条'],
    ['携犬出户时束犬链', '第十二条第（一）项'],
    ['及时清除犬只排泄物', '第十二条第（二）项'],
    ['养犬人不得携犬进入学校', '第十二条第二款'],
    ['本办法自2024年1月1日起施行', '第一百零五条'],
  ])('%s → %s', (needle, where) => expect(locate(articled, needle)).toBe(where));

  const plan = ['某某区法治政府建设实施方案', '一、总体要求', '（一）指导思想', '坚持依法行政。', '二、主要任务', '（三）严格执法', '3.规范执法行为。'].join('\n');
  it.each([
    ['坚持依法行政', '一、（一）'],
    ['规范执法行为', '二、（三）3.'],
  ])('plan: %s → %s', (needle, where) => expect(locate(plan, needle)).toBe(where));

  it('splits sentences at 。！？；and line breaks', () => {
    const s = buildStructure('甲。乙；丙\n丁！');
    expect(Array.from(s.sentStart)).toEqual([0, 2, 4, 6]);
    expect(s.sentenceAt(5)).toBe(2);
  });
});
