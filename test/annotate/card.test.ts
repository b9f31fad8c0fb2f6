import { describe, expect, test } from 'vitest';
import { cardContent } from '../../lib/annotate/card';
import { finding } from './fixtures';

describe('card content', () => {
  test('category and severity in both languages, zh-CN first', () => {
    const c = cardContent(finding({ category: 'licensing', severity: 'warning' }));
    expect(c.category).toBe('许可 / Licensing');
    expect(c.severityLabel).toBe('警告 / Warning');
    expect(c.location).toBe('第四条');
    expect(c.basis).toEqual(['《中华人民共和国行政处罚法》第十六条']);
    expect(c.verify).toBeNull();
  });

  test('a cited finding asks to verify the basis', () => {
    expect(cardContent(finding({ cited: true, severity: 'info' })).verify).toBe('请核实依据 / verify the basis');
  });

  test('a document-level finding without location says whole document', () => {
    expect(cardContent(finding({ category: 'validity', location: '' })).location).toBe('全文');
  });

  test('the suggestion is carried only when there is one', () => {
    expect(cardContent(finding()).suggestion).toBeUndefined();
    const s = { 'zh-CN': '删除该条款。', en: 'Remove the clause.' };
    expect(cardContent(finding({ suggestion: s })).suggestion).toEqual(s);
  });
});
