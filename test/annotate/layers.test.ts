import { describe, expect, test } from 'vitest';
import { CATEGORIES } from '../../lib/engine/types';
import { DEFAULT_VIEW, highlightName, isShown, parseView, setLayer, toggleVisible, viewKey } from '../../lib/annotate/layers';

describe('view state per site', () => {
  test('the default shows every layer', () => {
    for (const c of CATEGORIES) expect(isShown(DEFAULT_VIEW, c)).toBe(true);
  });

  test('the global switch hides every layer and keeps the layer choices', () => {
    const v = toggleVisible(setLayer(DEFAULT_VIEW, 'fee', false));
    for (const c of CATEGORIES) expect(isShown(v, c)).toBe(false);
    expect(v.hidden).toEqual(['fee']);
    expect(isShown(toggleVisible(v), 'penalty')).toBe(true);
    expect(isShown(toggleVisible(v), 'fee')).toBe(false);
  });

  test.each([
    ['hide one layer', [['penalty', false]], ['penalty']],
    ['hide two, in category order', [['validity', false], ['licensing', false]], ['licensing', 'validity']],
    ['hide then show again', [['fee', false], ['fee', true]], []],
    ['hiding twice keeps one entry', [['fee', false], ['fee', false]], ['fee']],
  ] as const)('%s', (_, steps, hidden) => {
    let v = DEFAULT_VIEW;
    for (const [c, shown] of steps) v = setLayer(v, c, shown);
    expect(v.hidden).toEqual(hidden);
  });

  test.each([
    [undefined, DEFAULT_VIEW],
    [null, DEFAULT_VIEW],
    ['garbage', DEFAULT_VIEW],
    [{ visible: false }, { visible: false, hidden: [] }],
    [{ visible: true, hidden: ['penalty', 'nope'] }, DEFAULT_VIEW],
    [{ visible: true, hidden: ['comment-period'] }, { visible: true, hidden: ['comment-period'] }],
  ])('parseView(%j) reads stored values leniently', (stored, expected) => {
    expect(parseView(stored)).toEqual(expected);
  });

  test('keys and highlight names', () => {
    expect(viewKey('https://oa.example.gov.cn')).toBe('view:https://oa.example.gov.cn');
    expect(highlightName('comment-period', 'warning')).toBe('fashen-comment-period-warning');
  });
});

describe('highlights of dismissed findings and the flash', () => {
  test('the page stylesheet styles a dimmed highlight per category and the flash, nothing else', async () => {
    const { highlightCss } = await import('../../lib/annotate/styles');
    const { dismissedHighlightName, FLASH_HIGHLIGHT } = await import('../../lib/annotate/layers');
    const css = highlightCss();
    for (const c of CATEGORIES) expect(css).toContain(`::highlight(${dismissedHighlightName(c)})`);
    expect(css).toContain(`::highlight(${FLASH_HIGHLIGHT})`);
    // every rule is a ::highlight() rule: the sheet cannot restyle the page
    for (const rule of css.split('\n')) expect(rule).toMatch(/^::highlight\(fashen-[a-z-]+\)\{[^{}]+\}$/);
  });
});
