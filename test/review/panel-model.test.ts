// The side panel's logic (issue 5) on findings the real engine produces: the national pack over
// a draft 办法 (articles), a plan (一、（一）headings) and a seed document, paired with stored
// decisions the way the content script pairs them (matchDecisions).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { check } from '../../lib/engine/index';
import { compilePack } from '../../lib/packs/compile';
import { loadBuiltinPacks, resolveChain } from '../../lib/packs/load';
import { FrameReportSchema, type FrameReport, type StoredDecision } from '../../lib/messages/index';
import { anchorOf, matchDecisions } from '../../lib/review/anchor';
import { decide, type Decision, type DecisionKind } from '../../lib/review/decisions';
import { buildOpinion, findingKey, opinionHtml } from '../../lib/review/export';
import {
  countTable,
  decisionErrorText,
  decisionsByKey,
  exportSelection,
  filterFindings,
  filterResolved,
  fixedTabOf,
  groupFindings,
  includedByDefault,
  listRegions,
  localDate,
  locationGroup,
  moveFocus,
  NO_FILTERS,
  override,
  overrideAll,
  panelFindings,
  parseMode,
  parseProfile,
  pickRegion,
  primaryRegion,
  regionId,
  reportForExport,
  resolvedDecisions,
  shortcutKind,
  type Filters,
  type PanelFinding,
} from '../../lib/review/panel-model';

const packs = loadBuiltinPacks();
const national = compilePack(resolveChain(packs.get('national')!, packs));

const DRAFT = [
  '某市餐饮油烟污染防治管理办法（征求意见稿）',
  '第一条 为了防治餐饮油烟污染，制定本办法。',
  '第五条 餐饮服务经营者开业前，应当取得城市管理部门核发的油烟排放许可证。',
  '第十二条 违反本办法规定的，由城市管理部门责令改正。',
  '逾期不改正的，处一千元以上五千元以下罚款。',
  '第十三条 对进入市场经营的摊贩，由市场服务中心收取管理费。',
  '第十四条 本办法自2025年1月1日起施行，有效期10年。',
].join('\n');

const PLAN = [
  '某县优化营商环境工作方案',
  '一、工作目标',
  '（一）总体要求',
  '对进入市场经营的摊贩，由市场服务中心收取管理费。',
  '二、主要任务',
  '（二）加强监管',
  '逾期不改正的，处一千元以上五千元以下罚款。',
  '本方案有效期3年。',
].join('\n');

const NOTICE = '关于公开征求《某某办法（征求意见稿）》意见的公告\n征求意见时间：2024年3月1日至2024年3月15日。';

const AT = '2025-03-01T08:00:00.000Z';
let nextId = 0;

/** A decision stored for the finding of `ruleId` in `text`, as the background would keep it. */
function stored(text: string, ruleId: string, kind: DecisionKind, extra: { reason?: string; note?: string } = {}): StoredDecision {
  const f = check(text, national).findings.find((x) => x.ruleId === ruleId);
  if (!f) throw new Error(`no ${ruleId} finding`);
  const r = decide({ kind, ...extra, reviewer: '李四', anchor: anchorOf(text, f) }, () => new Date(AT));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { id: `d${++nextId}`, decision: r.decision, updatedAt: nextId };
}

/** What a content script reports for one region: the engine's findings, anchored and paired. */
function regionOf(text: string, decisions: StoredDecision[] = [], at: { frameId?: number; region?: number } = {}): FrameReport {
  const report = check(text, national);
  const match = matchDecisions(
    text,
    report.findings,
    decisions.map((d) => ({ id: d.id, anchor: d.decision.anchor })),
  );
  const idOf = new Map(match.paired.map((p) => [p.finding, p.decision.id]));
  return FrameReportSchema.parse({
    family: 'contenteditable',
    editor: 'contenteditable',
    title: report.title,
    documentType: report.documentType,
    validity: { status: report.validity.status, years: report.validity.years, limitYears: report.validity.limitYears },
    commentPeriod: { status: report.commentPeriod.status, days: report.commentPeriod.days, minDays: report.commentPeriod.minDays },
    counts: {},
    errors: report.findings.filter((f) => f.severity === 'error').length,
    region: at.region ?? 0,
    length: text.length,
    packs: report.packs,
    findings: report.findings.map((f) => ({ ...f, anchor: anchorOf(text, f), decisionId: idOf.get(f) ?? null })),
    truncated: 0,
    frameId: at.frameId ?? 0,
  });
}

const rules = (items: readonly PanelFinding[]): string[] => items.map((i) => i.finding.ruleId);

describe('the engine findings this file relies on', () => {
  test('draft, plan and notice produce the findings the tests below expect', () => {
    expect(check(DRAFT, national).findings.map((f) => `${f.ruleId} ${f.location}`)).toEqual([
      'licensing-permit 第五条',
      'penalty-fine 第十二条第二款',
      'fee-charge 第十三条',
      'validity-period 第十四条',
    ]);
    expect(check(PLAN, national).findings.map((f) => `${f.ruleId} ${f.location}`)).toEqual(
      expect.arrayContaining(['fee-charge 一、（一）', 'penalty-fine 二、（二）']),
    );
    expect(check(NOTICE, national).commentPeriod).toMatchObject({ status: 'too_short', days: 15, minDays: 30 });
  });
});

describe('regions', () => {
  const comment = regionOf('同意。', [], { frameId: 3, region: 0 });
  const draft = regionOf(DRAFT, [], { frameId: 0, region: 1 });
  const plan = regionOf(PLAN, [], { frameId: 0, region: 2 });

  test('the primary region is the longest, wherever it is reported', () => {
    expect(primaryRegion([comment, plan, draft])).toBe(draft);
    expect(listRegions([comment, plan, draft]).map(regionId)).toEqual(['0:1', '0:2', '3:0']);
    expect(primaryRegion([])).toBeNull();
  });

  test('a picked region holds while it exists, else the primary one', () => {
    expect(pickRegion([comment, plan, draft], '0:2')).toBe(plan);
    expect(pickRegion([comment, draft], '0:2')).toBe(draft);
    expect(pickRegion([comment, draft], null)).toBe(draft);
  });
});

describe('locationGroup', () => {
  test.each<[string, string]>([
    ['第十二条第二款', '第十二条'],
    ['第五条第（三）项', '第五条'],
    ['第十二条', '第十二条'],
    ['第3条第二款', '第3条'],
    ['二、（九）5.', '二、'],
    ['十一、（二）', '十一、'],
    ['（二）5.', '（二）'],
    ['5.', '5.'],
    ['第二章第一节', '第二章'],
    ['', ''],
  ])('%s → %s', (loc, group) => expect(locationGroup(loc)).toBe(group));
});

describe('grouping real findings', () => {
  const items = panelFindings(regionOf(DRAFT), []);

  test('by category, in the order of the categories', () => {
    expect(groupFindings(items, 'category').map((g) => [g.label['zh-CN'], rules(g.items)])).toEqual([
      ['许可', ['licensing-permit']],
      ['处罚', ['penalty-fine']],
      ['收费', ['fee-charge']],
      ['有效期', ['validity-period']],
    ]);
  });

  test('by 条, in text order: 第十二条第二款 falls under 第十二条', () => {
    expect(groupFindings(items, 'location').map((g) => [g.label['zh-CN'], rules(g.items)])).toEqual([
      ['第五条', ['licensing-permit']],
      ['第十二条', ['penalty-fine']],
      ['第十三条', ['fee-charge']],
      ['第十四条', ['validity-period']],
    ]);
  });

  test('by plan heading: 一、（一） under 一、, 二、（二） under 二、', () => {
    const plan = panelFindings(regionOf(PLAN), []);
    const groups = groupFindings(plan, 'location');
    expect(groups.find((g) => g.label['zh-CN'] === '一、')?.items.map((i) => i.finding.ruleId)).toEqual(['fee-charge']);
    expect(groups.find((g) => g.label['zh-CN'] === '二、')?.items.map((i) => i.finding.ruleId)).toContain('penalty-fine');
  });

  const seed = fileURLToPath(new URL('../../../shared/seeds/004_1b3a2151b498354f.txt', import.meta.url));
  test.skipIf(!existsSync(seed))('a seed plan: whole-document findings come first, labelled 全文 / Whole document', () => {
    const groups = groupFindings(panelFindings(regionOf(readFileSync(seed, 'utf8')), []), 'location');
    expect(groups[0]?.label).toEqual({ 'zh-CN': '全文', en: 'Whole document' });
    expect(rules(groups[0]!.items)).toEqual(['validity-period']);
    expect(groups.slice(1).every((g) => /^[一二三四五六七八九十]+、$/.test(g.label['zh-CN']))).toBe(true);
  });
});

describe('decisions on real findings', () => {
  const fine = stored(DRAFT, 'penalty-fine', 'must-change', { note: '改为依照上位法处罚' });
  const permit = stored(DRAFT, 'licensing-permit', 'acceptable', { reason: '有地方性法规依据' });
  // the drafter rewrote 第十三条: the fee clause is gone, its decision is resolved
  const fee = stored(DRAFT, 'fee-charge', 'needs-legal-review');
  const rewritten = DRAFT.replace('由市场服务中心收取管理费', '由市场服务中心提供管理服务');
  const region = regionOf(rewritten, [fine, permit, fee]);
  const decisions = [fine, permit, fee];
  const items = panelFindings(region, decisions);

  test('findings carry the decision the content script paired', () => {
    expect(items.map((i) => [i.finding.ruleId, i.status])).toEqual([
      ['licensing-permit', 'acceptable'],
      ['penalty-fine', 'must-change'],
      ['validity-period', 'undecided'],
    ]);
    expect(items[1]?.decision?.decision.note).toBe('改为依照上位法处罚');
  });

  test('a decision no finding carries is resolved (已修改)', () => {
    expect(resolvedDecisions([region], decisions).map((d) => d.id)).toEqual([fee.id]);
    expect(resolvedDecisions([region], decisions)[0]?.decision.anchor.exact).toBe('收取管理费');
  });

  test('a decision carried in another region of the tab is not resolved', () => {
    const other = regionOf(DRAFT, [fee], { frameId: 2 });
    expect(resolvedDecisions([region, other], decisions)).toEqual([]);
  });

  test('a just-saved decision shows on its finding and is not resolved before the next report', () => {
    const validity = stored(rewritten, 'validity-period', 'must-change');
    const uid = items.find((i) => i.finding.ruleId === 'validity-period')!.uid;
    const withPending = panelFindings(region, [...decisions, validity], new Map([[uid, validity.id]]));
    expect(withPending.find((i) => i.uid === uid)?.status).toBe('must-change');
    expect(resolvedDecisions([region], [...decisions, validity]).map((d) => d.id)).toContain(validity.id);
    expect(resolvedDecisions([region], [...decisions, validity], new Set([validity.id])).map((d) => d.id)).not.toContain(validity.id);
  });

  test('a withdrawn decision leaves its finding undecided even before the next report', () => {
    const after = panelFindings(region, [permit, fee]);
    expect(after.find((i) => i.finding.ruleId === 'penalty-fine')?.status).toBe('undecided');
  });

  test.each<[string, Partial<Filters>, string[]]>([
    ['no filter', {}, ['licensing-permit', 'penalty-fine', 'validity-period']],
    ['category', { category: 'penalty' }, ['penalty-fine']],
    ['severity', { severity: 'warning' }, ['validity-period']],
    ['undecided', { status: 'undecided' }, ['validity-period']],
    ['must change', { status: 'must-change' }, ['penalty-fine']],
    ['resolved shows no finding', { status: 'resolved' }, []],
    ['text of the excerpt', { query: '许可证' }, ['licensing-permit']],
    ['basis', { query: '行政处罚法' }, ['penalty-fine']],
    ['decision note', { query: '依照上位法' }, ['penalty-fine']],
    ['decision reason', { query: '地方性法规' }, ['licensing-permit']],
    ['location', { query: '第十四条' }, ['validity-period']],
    ['no match', { query: '不存在的词' }, []],
  ])('filter: %s', (_name, patch, expected) => {
    expect(rules(filterFindings(items, { ...NO_FILTERS, ...patch }, 'zh-CN'))).toEqual(expected);
  });

  test('search in English messages is case-insensitive', () => {
    expect(rules(filterFindings(items, { ...NO_FILTERS, query: 'FINE' }, 'en'))).toEqual(['penalty-fine']);
  });

  test('resolved decisions: listed for all and resolved, hidden under other filters', () => {
    const resolved = resolvedDecisions([region], decisions);
    expect(filterResolved(resolved, NO_FILTERS)).toHaveLength(1);
    expect(filterResolved(resolved, { ...NO_FILTERS, status: 'resolved' })).toHaveLength(1);
    expect(filterResolved(resolved, { ...NO_FILTERS, status: 'resolved', query: '管理费' })).toHaveLength(1);
    expect(filterResolved(resolved, { ...NO_FILTERS, status: 'resolved', query: '罚款' })).toHaveLength(0);
    expect(filterResolved(resolved, { ...NO_FILTERS, status: 'undecided' })).toHaveLength(0);
    expect(filterResolved(resolved, { ...NO_FILTERS, category: 'fee' })).toHaveLength(0);
  });

  test('the export includes what must change or needs legal review, unless the reviewer says otherwise', () => {
    const region2 = regionOf(DRAFT, [fine, permit, fee]);
    const all = panelFindings(region2, decisions);
    const keys = (s: Set<string>): string[] => all.filter((i) => s.has(i.key)).map((i) => i.finding.ruleId);
    expect(all.filter(includedByDefault).map((i) => i.finding.ruleId)).toEqual(['penalty-fine', 'fee-charge']);
    expect(keys(exportSelection(all, new Map()))).toEqual(['penalty-fine', 'fee-charge']);
    const validity = all.find((i) => i.finding.ruleId === 'validity-period')!;
    const feeItem = all.find((i) => i.finding.ruleId === 'fee-charge')!;
    const choices = override(override(new Map(), validity, true), feeItem, false);
    expect(keys(exportSelection(all, choices))).toEqual(['penalty-fine', 'validity-period']);
    // an edit before the clauses shifts every offset: the choices stay with their findings
    const shifted = DRAFT.replace('为了防治餐饮油烟污染', '为了防治和减少餐饮油烟污染');
    const moved = panelFindings(regionOf(shifted, [fine, permit, fee]), decisions);
    expect(moved.map((i) => i.key)).not.toEqual(all.map((i) => i.key));
    expect(moved.filter((i) => exportSelection(moved, choices).has(i.key)).map((i) => i.finding.ruleId)).toEqual(['penalty-fine', 'validity-period']);
    expect(exportSelection(all, overrideAll(all, true)).size).toBe(4);
    expect(exportSelection(all, overrideAll(all, false)).size).toBe(0);
  });

  test('the opinion holds only the chosen findings, with their decisions and the document results', () => {
    const region2 = regionOf(DRAFT, [fine, permit, fee]);
    const all = panelFindings(region2, decisions);
    const report = reportForExport(region2);
    expect(report.findings[0]).not.toHaveProperty('anchor');
    expect(report.findings[0]).not.toHaveProperty('decisionId');
    const opinion = buildOpinion({ report, include: exportSelection(all, new Map()), decisions: decisionsByKey(all), date: '2025-03-02', reviewer: '李四' });
    expect(opinion.heading).toBe('关于《某市餐饮油烟污染防治管理办法（征求意见稿）》的合法性审核意见');
    expect(opinion.items.map((i) => [i.numeral, i.location, i.decision])).toEqual([
      ['一、', '第十二条第二款', '须修改'],
      ['二、', '第十三条', '需法制审核'],
    ]);
    expect(opinion.items[0]?.note).toBe('改为依照上位法处罚');
    expect(opinion.documentResults[0]).toBe('有效期：10 年，超过上限 5 年。');
    const html = opinionHtml(opinion);
    expect(html).toContain('处一千元以上五千元以下罚款');
    // the accepted licensing clause was not chosen: its text is not in the opinion
    expect(html).not.toContain('油烟排放许可证');
  });
});

describe('counts', () => {
  test('by category and severity, categories with findings only', () => {
    const t = countTable(regionOf(DRAFT).findings);
    expect(t.rows.map((r) => [r.category, r.counts.error, r.counts.warning, r.total])).toEqual([
      ['licensing', 1, 0, 1],
      ['penalty', 1, 0, 1],
      ['fee', 1, 0, 1],
      ['validity', 0, 1, 1],
    ]);
    expect(t.totals).toEqual({ error: 3, warning: 1, info: 0 });
    expect(t.total).toBe(4);
    expect(countTable([])).toEqual({ rows: [], totals: { error: 0, warning: 0, info: 0 }, total: 0 });
  });

  test('a cited clause counts as info', () => {
    const cited = '违反本规定排放污水的，依照《中华人民共和国水污染防治法》第八十三条的规定予以处罚。';
    const f = regionOf(cited).findings.find((x) => x.cited);
    expect(f).toBeDefined();
    expect(countTable([f!]).totals.info).toBe(1);
  });
});

describe('decision errors in the user language', () => {
  const f = check(DRAFT, national).findings[0]!;
  const anchor = anchorOf(DRAFT, f);
  test('acceptable without a reason', () => {
    const r = decide({ kind: 'acceptable', anchor });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => decisionErrorText(e, 'zh-CN'))).toEqual([{ field: 'reason', text: '选择“可以接受”时须说明理由' }]);
    expect(r.errors.map((e) => decisionErrorText(e, 'en'))).toEqual([{ field: 'reason', text: 'An acceptable finding needs a reason' }]);
  });
  test('a reason too long', () => {
    const r = decide({ kind: 'acceptable', reason: '长'.repeat(2_001), anchor });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => decisionErrorText(e, 'zh-CN'))).toEqual([{ field: 'reason', text: '理由过长' }]);
  });
});

describe('keyboard and small parsers', () => {
  test.each<[string, DecisionKind | null]>([
    ['1', 'must-change'],
    ['2', 'acceptable'],
    ['3', 'needs-legal-review'],
    ['4', null],
    ['j', null],
  ])('key %s decides %s', (key, kind) => expect(shortcutKind(key)).toBe(kind));

  test.each<[string | null, 'next' | 'prev' | 'first' | 'last', string | null]>([
    ['b', 'next', 'c'],
    ['c', 'next', 'c'],
    ['b', 'prev', 'a'],
    ['a', 'prev', 'a'],
    [null, 'next', 'a'],
    ['gone', 'prev', 'a'],
    ['b', 'first', 'a'],
    ['a', 'last', 'c'],
  ])('from %s, %s → %s', (from, move, to) => expect(moveFocus(['a', 'b', 'c'], from, move)).toBe(to));

  test('moving in an empty list', () => expect(moveFocus([], null, 'next')).toBeNull());

  test.each<[string, number | null]>([
    ['?tab=42', 42],
    ['?tab=42&x=1', 42],
    ['?tab=', null],
    ['?tab=-1', null],
    ['?tab=abc', null],
    ['', null],
  ])('fixedTabOf(%j) = %j', (search, tab) => expect(fixedTabOf(search)).toBe(tab));

  test('localDate', () => expect(localDate(new Date(2025, 2, 5, 23, 59))).toBe('2025-03-05'));

  test('mode and profile read leniently', () => {
    expect(parseMode('reviewer')).toBe('reviewer');
    expect(parseMode('admin')).toBe('drafter');
    expect(parseMode(undefined)).toBe('drafter');
    expect(parseProfile({ name: '李四', office: 7 })).toEqual({ name: '李四', office: '', recipient: '' });
    expect(parseProfile('x')).toEqual({ name: '', office: '', recipient: '' });
  });

  test('finding keys match buildOpinion', () => {
    const region = regionOf(DRAFT);
    expect(panelFindings(region, []).map((i) => i.key)).toEqual(region.findings.map(findingKey));
  });
});

describe('finding identity in the panel', () => {
  test('a finding keeps its uid when text is inserted before it (an open form stays open); repeats stay apart', () => {
    const before = panelFindings(regionOf(DRAFT), []);
    const edited = panelFindings(regionOf(DRAFT.replace('第一条 ', '第一条 为了保护和改善生活环境，')), []);
    expect(edited.map((i) => i.uid)).toEqual(before.map((i) => i.uid));
    expect(edited.map((i) => i.key)).not.toEqual(before.map((i) => i.key));
    const twice = panelFindings(regionOf(`${DRAFT}\n${DRAFT.split('\n')[4]}`), []);
    expect(new Set(twice.map((i) => i.uid)).size).toBe(twice.length);
  });
});
