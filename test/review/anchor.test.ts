import { describe, expect, test } from 'vitest';
import { anchorOf, candidates, matchDecisions, resolve, type QuoteAnchor } from '../../lib/review/anchor';
import { findingAt } from './fixtures';

const P1 = '第一条 为了规范餐饮服务经营者油烟排放，制定本办法。\n';
const P2 = '第五条 违反本办法规定的，由城市管理部门处以五千元罚款。\n';
const P3 = '第六条 餐饮服务经营者应当安装油烟净化设施。\n';
const P4 = '第九条 拒不改正的，由城市管理部门处以五千元罚款。\n';
const DRAFT = P1 + P2 + P3 + P4;
const FINE = '处以五千元罚款';

function anchorFor(text: string, quote: string, nth = 0): QuoteAnchor {
  return anchorOf(text, findingAt(text, quote, 'penalty.fine', nth));
}

/** The paragraph (line) a span falls in. */
function lineAt(text: string, at: number): string {
  const s = text.lastIndexOf('\n', at - 1) + 1;
  const e = text.indexOf('\n', at);
  return text.slice(s, e < 0 ? text.length : e + 1);
}

describe('anchorOf', () => {
  test('exact text and context either side', () => {
    const a = anchorOf(DRAFT, findingAt(DRAFT, '五千元罚款'), 4);
    expect(a).toEqual({ exact: '五千元罚款', prefix: '部门处以', suffix: '。\n第六', ruleId: 'penalty.fine' });
  });
  test('context clipped at the text boundaries', () => {
    const text = '罚款';
    expect(anchorOf(text, findingAt(text, '罚款'))).toEqual({ exact: '罚款', prefix: '', suffix: '', ruleId: 'penalty.fine' });
  });
  test('offsets beyond the text fall back to the finding text', () => {
    const f = { ...findingAt(DRAFT, FINE), start: 9999, end: 10_005 };
    expect(anchorOf('short', f)).toEqual({ exact: FINE, prefix: '', suffix: '', ruleId: 'penalty.fine' });
  });
});

describe('resolve: duplicate sentences resolve to their own occurrence', () => {
  test.each([0, 1])('occurrence %d', (nth) => {
    const a = anchorFor(DRAFT, FINE, nth);
    const at = resolve(DRAFT, a);
    const expected = findingAt(DRAFT, FINE, 'x', nth);
    expect(at).toEqual({ start: expected.start, end: expected.end });
  });
});

type Edit = [name: string, edit: (t: string) => string, paragraph: string | null];

describe('resolve after edits', () => {
  // the anchor is on the second 处以五千元罚款 (第九条); after each edit it must land in the paragraph given
  const a = anchorFor(DRAFT, FINE, 1);
  test.each<Edit>([
    ['nothing changed', (t) => t, P4],
    ['insertion before the anchor', (t) => `关于印发的通知\n${t}`, P4],
    ['a paragraph deleted before', (t) => t.replace(P3, ''), P4],
    ['edit inside the prefix context', (t) => t.replace('拒不改正的，由城市管理部门', '逾期拒不改正的，由市城市管理部门'), '第九条 逾期拒不改正的，由市城市管理部门处以五千元罚款。\n'],
    ['edit inside the suffix context', (t) => t.replace(`${FINE}。\n`, `${FINE}；情节严重的，责令停业。\n`).replace(P1, P1), null],
    ['edit after the anchor', (t) => `${t}第十条 本办法自发布之日起施行。\n`, P4],
    ['paragraphs moved (第九条 first)', () => P4 + P1 + P2 + P3, P4],
    ['paragraphs reversed', () => P4 + P3 + P2 + P1, P4],
    ['the other duplicate deleted', (t) => t.replace(P2, ''), P4],
    ['the other duplicate edited', (t) => t.replace(P2, P2.replace('由城市管理部门', '由区城市管理部门')), P4],
  ])('%s', (_name, edit, paragraph) => {
    const text = edit(DRAFT);
    const at = resolve(text, a);
    expect(at).not.toBeNull();
    if (!at) return;
    expect(text.slice(at.start, at.end)).toBe(FINE);
    // suffix edits change the line; it is 第九条 whatever follows
    if (paragraph) expect(lineAt(text, at.start)).toBe(paragraph);
    else expect(lineAt(text, at.start).startsWith('第九条')).toBe(true);
  });

  test.each<Edit>([
    ['rewritten', (t) => t.replaceAll(FINE, '依法予以处理'), null],
    ['one character changed', (t) => t.replaceAll(FINE, '处以五百元罚款'), null],
    ['deleted', (t) => t.replace(P2, '').replace(P4, ''), null],
    ['empty text', () => '', null],
  ])('null when %s', (_name, edit) => {
    expect(resolve(edit(DRAFT), a)).toBeNull();
  });

  test('empty exact never resolves (no quote to find)', () => {
    expect(resolve(DRAFT, { exact: '', prefix: '', suffix: '', ruleId: 'r' })).toBeNull();
  });

  test('short texts', () => {
    const text = '罚款';
    const b = anchorOf(text, findingAt(text, '罚'));
    expect(resolve(text, b)).toEqual({ start: 0, end: 1 });
    expect(resolve('罚', b)).toEqual({ start: 0, end: 1 });
    expect(resolve('款', b)).toBeNull();
  });

  test('a repeat at a text boundary is told apart by the boundary', () => {
    const text = '罚款。罚款';
    const first = anchorOf(text, findingAt(text, '罚款', 'r', 0), 1);
    const last = anchorOf(text, findingAt(text, '罚款', 'r', 1), 1);
    expect(resolve(text, first)?.start).toBe(0);
    expect(resolve(text, last)?.start).toBe(3);
  });
});

describe('no catastrophic cases', () => {
  test('highly repetitive text stays fast', () => {
    const text = 'a'.repeat(200_000);
    const anchor: QuoteAnchor = { exact: 'a'.repeat(50), prefix: 'b'.repeat(32), suffix: 'a'.repeat(32), ruleId: 'r' };
    const t0 = performance.now();
    const c = candidates(text, anchor);
    expect(c.length).toBe(8);
    expect(performance.now() - t0).toBeLessThan(3_000);
  });
  test('a long draft with many repeats', () => {
    const text = DRAFT.repeat(2_000);
    const a = anchorFor(text, FINE, 2_001);
    const t0 = performance.now();
    expect(resolve(text, a)).not.toBeNull();
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe('matchDecisions', () => {
  const decided = (text: string, quote: string, nth: number, kind: string) => ({ kind, anchor: anchorFor(text, quote, nth) });
  const findingsOf = (text: string) => {
    const out = [];
    for (let i = 0, at = text.indexOf(FINE); at >= 0; i++, at = text.indexOf(FINE, at + 1)) out.push(findingAt(text, FINE, 'penalty.fine', i));
    return out;
  };

  test('decisions on duplicates follow their paragraphs when moved', () => {
    const d1 = decided(DRAFT, FINE, 0, 'must-change');
    const d2 = decided(DRAFT, FINE, 1, 'acceptable');
    const moved = P4 + P3 + P1 + P2;
    const m = matchDecisions(moved, findingsOf(moved), [d1, d2]);
    expect(m.resolved).toEqual([]);
    expect(m.undecided).toEqual([]);
    const byKind = Object.fromEntries(m.paired.map((p) => [p.decision.kind, lineAt(moved, p.finding.start)]));
    expect(byKind).toEqual({ 'must-change': P2, acceptable: P4 });
  });

  test('rewritten text is resolved; untouched decisions stay; new findings are undecided', () => {
    const d1 = decided(DRAFT, FINE, 0, 'must-change');
    const d2 = decided(DRAFT, FINE, 1, 'acceptable');
    const edited = DRAFT.replace(P2, '第五条 违反本办法规定的，由城市管理部门责令改正。\n') + '第十条 逾期不缴纳的，处以五千元罚款。\n';
    const findings = findingsOf(edited);
    const m = matchDecisions(edited, findings, [d1, d2]);
    expect(m.paired.map((p) => [p.decision.kind, lineAt(edited, p.finding.start)])).toEqual([['acceptable', P4]]);
    expect(m.undecided.map((f) => lineAt(edited, f.start))).toEqual(['第十条 逾期不缴纳的，处以五千元罚款。\n']);
    // the words of d1 still occur (第九条, 第十条) but neither context is 第五条's: the new 第十条 stays undecided
    expect(m.resolved.map((r) => [r.decision.kind, r.why])).toEqual([['must-change', 'text-gone']]);
  });

  test('a unique quote pairs whatever its context became', () => {
    const d = decided(DRAFT, '油烟净化设施', 0, 'must-change');
    const text = '第二条 新建餐饮项目应当同步配套油烟净化设施，并保持正常运行。';
    const m = matchDecisions(text, [findingAt(text, '油烟净化设施')], [d]);
    expect(m.paired).toHaveLength(1);
  });

  test('text gone', () => {
    const d = decided(DRAFT, '城市管理部门', 0, 'must-change');
    const m = matchDecisions('全新的文本。', [], [d]);
    expect(m.resolved).toEqual([{ decision: d, why: 'text-gone' }]);
  });

  test('a different rule on the same text does not take the decision', () => {
    const d = decided(DRAFT, FINE, 0, 'must-change');
    const other = findingAt(DRAFT, FINE, 'fee.charge');
    const m = matchDecisions(DRAFT, [other], [d]);
    expect(m.paired).toEqual([]);
    expect(m.resolved).toEqual([{ decision: d, why: 'finding-gone' }]);
    expect(m.undecided).toEqual([other]);
  });

  test('a finding whose span grew still pairs', () => {
    const d = decided(DRAFT, FINE, 1, 'must-change');
    const grown = findingAt(DRAFT, `城市管理部门${FINE}`, 'penalty.fine', 1);
    const m = matchDecisions(DRAFT, [grown], [d]);
    expect(m.paired).toHaveLength(1);
  });

  test('document-level decisions without a quote pair by rule', () => {
    const d = { kind: 'acceptable', anchor: { exact: '', prefix: '', suffix: '', ruleId: 'validity.missing' } };
    const f = { ...findingAt(DRAFT, FINE, 'validity.missing'), start: 0, end: 0, text: '' };
    expect(matchDecisions(DRAFT, [f], [d]).paired).toHaveLength(1);
    expect(matchDecisions(DRAFT, [], [d]).resolved).toEqual([{ decision: d, why: 'finding-gone' }]);
  });

  test('empty inputs', () => {
    expect(matchDecisions('', [], [])).toEqual({ paired: [], resolved: [], undecided: [] });
  });
});
