import { describe, expect, test } from 'vitest';
import { findingAt, findingAtOffset, unionRect } from '../../lib/annotate/hit-test';
import type { Finding } from '../../lib/engine/types';
import { finding } from './fixtures';

const rect = (left: number, top: number, width: number, height: number): DOMRectReadOnly =>
  ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) }) as DOMRectReadOnly;
const item = (f: Finding, ...rects: DOMRectReadOnly[]) => ({ finding: f, rects: () => rects });
const all = (): boolean => true;

describe('hit testing', () => {
  const info = item(finding({ severity: 'info', ruleId: 'a' }), rect(0, 0, 100, 20));
  const error = item(finding({ severity: 'error', ruleId: 'b' }), rect(50, 0, 100, 20));
  const wrapped = item(finding({ severity: 'warning', ruleId: 'c' }), rect(300, 0, 50, 20), rect(0, 30, 40, 20));

  test.each([
    [10, 10, 'a'],
    [60, 10, 'b'], // overlap: the more severe wins
    [10, 40, 'c'], // second line of a wrapped finding
    [10, 22, 'a'], // on the underline just below the glyph box
    [200, 10, null],
  ])('point (%i, %i) → %s', (x, y, id) => {
    expect(findingAt([info, error, wrapped], x, y, all)?.finding.ruleId ?? null).toBe(id);
  });

  test('hidden categories are not hit', () => {
    expect(findingAt([error], 60, 10, (f) => f.category !== 'penalty')).toBeNull();
  });

  test('caret offsets pick the finding whose span holds them, most severe first', () => {
    const items = [{ finding: finding({ start: 0, end: 10, severity: 'info', ruleId: 'a' }) }, { finding: finding({ start: 5, end: 8, ruleId: 'b' }) }];
    expect(findingAtOffset(items, 2, all)?.finding.ruleId).toBe('a');
    expect(findingAtOffset(items, 6, all)?.finding.ruleId).toBe('b');
    expect(findingAtOffset(items, 10, all)?.finding.ruleId).toBe('a');
    expect(findingAtOffset(items, 11, all)).toBeNull();
  });

  test('unionRect ignores empty rects', () => {
    expect(unionRect([rect(0, 0, 0, 0), rect(10, 10, 5, 5), rect(0, 30, 5, 5)])).toEqual({ left: 0, top: 10, right: 15, bottom: 35 });
    expect(unionRect([])).toBeNull();
  });
});
