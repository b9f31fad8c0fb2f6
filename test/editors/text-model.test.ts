import { describe, expect, test } from 'vitest';
import { buildTextModel, offsetOf, pointAt } from '../../lib/editors/text-model';
import { asNode, h, type FakeNode } from './fake-dom';

const text = (root: FakeNode, skip?: (el: Element) => boolean): string => buildTextModel(asNode(root), skip).text;

describe('text model: blocks and <br> add a virtual "\\n", text nodes add their data', () => {
  test.each([
    ['paragraphs', h('div', {}, h('p', {}, '第一条'), h('p', {}, '第二条')), '第一条\n第二条\n'],
    ['<br> inside a paragraph', h('div', {}, h('p', {}, '甲', h('br'), '乙')), '甲\n乙\n'],
    ['a trailing <br> adds no extra line', h('div', {}, h('p', {}, '甲', h('br')), h('p', {}, '乙')), '甲\n乙\n'],
    ['an empty paragraph is a blank line', h('div', {}, h('p', {}, '甲'), h('p', {}, h('br')), h('p', {}, '乙')), '甲\n\n乙\n'],
    ['inline elements join', h('div', {}, h('p', {}, '处', h('strong', {}, '五千元'), '罚款')), '处五千元罚款\n'],
    ['source whitespace between blocks is not text', h('div', {}, '\n  ', h('p', {}, '甲'), '\n  ', h('p', {}, '乙'), '\n'), '甲\n乙\n'],
    ['typed spaces are text', h('div', {}, h('p', {}, '第一条', ' ', '为规范')), '第一条 为规范\n'],
    ['script, style and contenteditable=false are not text', h('div', {}, h('p', {}, '甲', h('script', {}, 'x()'), h('span', { contenteditable: 'false' }, 'UI')), h('style', {}, 'p{}')), '甲\n'],
    ['plain text root with no blocks', h('div', {}, '一行'), '一行'],
    ['table cells break lines', h('table', {}, h('tr', {}, h('td', {}, '甲'), h('td', {}, '乙'))), '甲\n乙\n'],
  ])('%s', (_, root, expected) => {
    expect(text(root)).toBe(expected);
  });

  test('an adapter skip predicate drops editor UI (Slate zero-width placeholder)', () => {
    const root = h('div', {}, h('p', {}, '甲'), h('p', {}, h('span', { 'data-slate-zero-width': 'n' }, '\uFEFF', h('br'))), h('p', {}, '乙'));
    expect(text(root, (el) => el.hasAttribute('data-slate-zero-width'))).toBe('甲\n乙\n');
  });

  test('segments cover exactly the text of their nodes', () => {
    const model = buildTextModel(asNode(h('div', {}, h('p', {}, '由市局', h('b', {}, '处五千元'), '罚款'), h('p', {}, '第二段'))));
    for (const seg of model.segments) expect(model.text.slice(seg.start, seg.end)).toBe(seg.node.data);
    expect(model.segments.map((s) => s.node.data)).toEqual(['由市局', '处五千元', '罚款', '第二段']);
  });
});

describe('offsets map back to DOM points by binary search', () => {
  const root = h('div', {}, h('p', {}, 'ab', h('b', {}, 'cd')), h('p', {}, 'ef'));
  const model = buildTextModel(asNode(root));
  // text: "abcd\nef\n"; segments: ab [0,2) cd [2,4) ef [5,7)
  const at = (offset: number, affinity: 'start' | 'end'): [string, number] | null => {
    const p = pointAt(model.segments, offset, affinity);
    return p ? [p.node.data, p.offset] : null;
  };

  test.each([
    [0, 'start', ['ab', 0]],
    [1, 'start', ['ab', 1]],
    [2, 'start', ['cd', 0]],
    [2, 'end', ['ab', 2]],
    [4, 'end', ['cd', 2]],
    [4, 'start', ['ef', 0]],
    [5, 'start', ['ef', 0]],
    [5, 'end', ['cd', 2]],
    [6, 'end', ['ef', 1]],
    [7, 'end', ['ef', 2]],
    [7, 'start', null],
  ] as const)('offset %i with %s affinity', (offset, affinity, expected) => {
    expect(at(offset, affinity)).toEqual(expected);
  });

  test('offsetOf is the inverse for points inside text nodes', () => {
    for (let i = 0; i < model.text.length; i++) {
      if (model.text[i] === '\n') continue;
      const p = pointAt(model.segments, i, 'start')!;
      expect(offsetOf(model.segments, p.node, p.offset)).toBe(i);
    }
    expect(offsetOf(model.segments, asNode(root), 0)).toBeNull();
  });

  test('an empty model has no points', () => {
    expect(pointAt([], 0, 'start')).toBeNull();
  });
});
