import { describe, expect, test } from 'vitest';
import { cardContent } from '../../lib/annotate/card';
import { finding } from './fixtures';

describe('card content', () => {
  test('one language at a time: zh-CN by default, English when chosen', () => {
    const f = finding({ category: 'licensing', severity: 'warning' });
    const c = cardContent(f);
    expect(c.category).toBe('许可');
    expect(c.severityLabel).toBe('警告');
    expect(c.location).toBe('位置：第四条');
    expect(c.message).toBe(f.message['zh-CN']);
    const en = cardContent(f, 'en');
    expect(en.category).toBe('Licensing');
    expect(en.severityLabel).toBe('Warning');
    expect(en.location).toBe('Location: 第四条');
    expect(en.message).toBe(f.message.en);
    expect(c.basis).toEqual(['《中华人民共和国行政处罚法》第十六条']);
    expect(c.verify).toBeNull();
  });

  test('a cited finding asks to verify the basis', () => {
    expect(cardContent(finding({ cited: true, severity: 'info' })).verify).toBe('请核实依据');
    expect(cardContent(finding({ cited: true, severity: 'info' }), 'en').verify).toBe('verify the basis');
  });

  test('a document-level finding without location says whole document', () => {
    expect(cardContent(finding({ category: 'validity', location: '' })).location).toBe('位置：全文');
    expect(cardContent(finding({ category: 'validity', location: '' }), 'en').location).toBe('Location: whole document');
  });

  test('the suggestion is carried only when there is one', () => {
    expect(cardContent(finding()).suggestion).toBeUndefined();
    const s = { 'zh-CN': '删除该条款。', en: 'Remove the clause.' };
    expect(cardContent(finding({ suggestion: s })).suggestion).toBe('建议：删除该条款。');
    expect(cardContent(finding({ suggestion: s }), 'en').suggestion).toBe('Suggestion: Remove the clause.');
  });
});
