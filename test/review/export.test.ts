import { Packer } from 'docx';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import type { Decision } from '../../lib/review/decisions';
import { buildOpinion, chineseNumeral, escapeHtml, findingKey, opinionDocument, opinionHtml, type OpinionOptions } from '../../lib/review/export';
import { findingAt, reportOf } from './fixtures';

const TEXT = [
  '第五条 违反本办法规定的，由城市管理部门处以五千元罚款。',
  '第六条 餐饮服务经营者须缴纳油烟治理费。',
  '第七条 经营者应当<script>alert(1)</script>登记备案。',
  '第八条 本办法有效期十年。',
].join('\n');

const fine = findingAt(TEXT, '处以五千元罚款');
const fee = findingAt(TEXT, '须缴纳油烟治理费', 'fee.charge', 0, { category: 'fee', location: '第六条' });
const script = findingAt(TEXT, '应当<script>alert(1)</script>登记备案', 'licensing.filing', 0, {
  category: 'licensing',
  location: '第七条',
  suggestion: { 'zh-CN': '删除备案要求。', en: 'Remove the filing requirement.' },
});
const report = reportOf([script, fee, fine]);
const anchor = { exact: '', prefix: '', suffix: '', ruleId: 'x' };
const decisions = new Map<string, Decision>([
  [findingKey(fine), { kind: 'must-change', note: '建议改为依照上位法处罚', decidedAt: '2025-03-01T08:00:00Z', anchor }],
  [findingKey(script), { kind: 'acceptable', reason: '有地方性法规依据', decidedAt: '2025-03-01T08:00:00Z', anchor }],
]);
const opts: OpinionOptions = {
  report,
  include: new Set([findingKey(fine), findingKey(script)]),
  decisions,
  date: '2025-03-01',
  reviewer: '李四',
  office: '某市司法局',
  recipient: '市城市管理局',
};

test.each<[number, string]>([
  [1, '一'],
  [9, '九'],
  [10, '十'],
  [11, '十一'],
  [20, '二十'],
  [21, '二十一'],
  [100, '一百'],
  [105, '一百零五'],
  [110, '一百一十'],
  [1001, '一千零一'],
])('chineseNumeral(%d) = %s', (n, s) => expect(chineseNumeral(n)).toBe(s));

describe('buildOpinion', () => {
  const o = buildOpinion(opts);
  test('heading, items in text order, numbered', () => {
    expect(o.heading).toBe('关于《某市餐饮油烟管理办法（征求意见稿）》的合法性审核意见');
    expect(o.items.map((i) => [i.numeral, i.location])).toEqual([
      ['一、', '第五条'],
      ['二、', '第七条'],
    ]);
    expect(o.items[0]?.decision).toBe('须修改');
    expect(o.items[1]?.decision).toBe('可以接受。理由：有地方性法规依据');
    expect(o.date).toBe('2025年3月1日');
    expect(o.meta).toContainEqual({ label: '规则包及版本', value: 'national v1.2.0；zhejiang v0.3.1' });
    expect(o.documentResults).toEqual(['有效期：10 年，超过上限 5 年。', '征求意见期限：15 日，少于 30 日。']);
  });
  test('nothing included', () => {
    const none = buildOpinion({ ...opts, include: new Set() });
    expect(none.items).toEqual([]);
    expect(none.closing).toBe('经审核，未发现需要提出意见的问题。');
  });
  test('English', () => {
    const en = buildOpinion({ ...opts, lang: 'en' });
    expect(en.heading).toBe('Legality review opinion on 《某市餐饮油烟管理办法（征求意见稿）》');
    expect(en.items[1]?.decision).toBe('Acceptable. Reason: 有地方性法规依据');
  });
  test('untitled', () => {
    expect(buildOpinion({ ...opts, title: null }).heading).toBe('合法性审核意见');
  });
});

describe('opinionHtml', () => {
  const html = opinionHtml(opts);
  test('draft text is escaped', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  test('hostile title, note and office are escaped too', () => {
    const evil = '"><img src=x onerror=alert(1)>';
    const out = opinionHtml({ ...opts, title: evil, office: evil, reviewer: evil });
    expect(out).not.toContain('<img');
    expect(out).toContain(escapeHtml(evil));
  });
  test('content and layout', () => {
    expect(html).toContain('<h1>关于《某市餐饮油烟管理办法（征求意见稿）》的合法性审核意见</h1>');
    expect(html).toContain('市城市管理局：');
    expect(html).toContain('一、第五条（处罚）：');
    expect(html).toContain('《中华人民共和国行政处罚法》第十六条');
    expect(html).toContain('建议改为依照上位法处罚');
    expect(html).toContain('某市司法局');
    expect(html).toContain('2025年3月1日');
    expect(html).toContain('李四');
  });
  test('excluded findings are absent', () => {
    expect(html).not.toContain('油烟治理费');
  });
});

describe('opinionDocument (.docx)', () => {
  async function documentXml(o: OpinionOptions): Promise<string> {
    const buffer = await Packer.toBuffer(opinionDocument(o));
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file('word/document.xml')?.async('string');
    if (!xml) throw new Error('no word/document.xml');
    return xml;
  }
  /** The visible text of the document, runs joined per paragraph. */
  function paragraphs(xml: string): string[] {
    return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
  }

  test('content, order and exclusion', async () => {
    const xml = await documentXml(opts);
    const ps = paragraphs(xml);
    expect(ps[0]).toBe('关于《某市餐饮油烟管理办法（征求意见稿）》的合法性审核意见');
    expect(ps).toContain('市城市管理局：');
    expect(ps).toContain('一、第五条（处罚）：“处以五千元罚款”');
    expect(ps).toContain('二、第七条（许可）：“应当&lt;script&gt;alert(1)&lt;/script&gt;登记备案”');
    expect(ps).toContain('审核意见：须修改');
    expect(ps).toContain('备注：建议改为依照上位法处罚');
    expect(ps).toContain('审核意见：可以接受。理由：有地方性法规依据');
    expect(ps).toContain('修改建议：删除备案要求。');
    expect(ps).toContain('依据：《中华人民共和国行政处罚法》第十六条');
    expect(ps).toContain('有效期：10 年，超过上限 5 年。');
    expect(ps).toContain('规则包及版本：national v1.2.0；zhejiang v0.3.1');
    expect(ps).toContain('审核人：李四');
    expect(ps.slice(-2)).toEqual(['某市司法局', '2025年3月1日']);
    expect(xml).not.toContain('油烟治理费');
    expect(xml).not.toContain('<script>');
    expect(xml.indexOf('一、第五条')).toBeLessThan(xml.indexOf('二、第七条'));
  });

  test('nothing included: no finding text at all', async () => {
    const xml = await documentXml({ ...opts, include: new Set() });
    for (const f of report.findings) expect(xml).not.toContain(f.text.slice(0, 6));
    expect(paragraphs(xml)).toContain('经审核，未发现需要提出意见的问题。');
  });

  test('A4 with GB/T 9704 margins and 仿宋 body', async () => {
    const xml = await documentXml(opts);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:top="2098"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  });
});
