import { AlignmentType, Document, LineRuleType, Paragraph, TextRun } from 'docx';
import type { Finding, Lang, Localized, Report } from '../engine/types';
import { CATEGORY_LABELS } from '../annotate/labels';
import { toChineseNumeral } from '../engine/structure';
import { DECISION_FIELD_LABELS, DECISION_LABELS, type Decision } from './decisions';

// The review opinion (合法性审核意见) handed back to the drafting unit (issue 5): 标题, 主送,
// 正文 in numbered items (一、二、…), document-level results, 落款. One model, two renderings:
// printable HTML and a docx Document (packed by the caller: Packer.toBuffer in Node, toBlob in
// the browser). Only findings in `include` are rendered: the export never carries draft text the
// reviewer did not choose (the title excepted, it names the document).

/** A finding's identity within one report, used for `include` and `decisions`. */
export function findingKey(f: Pick<Finding, 'ruleId' | 'start' | 'end'>): string {
  return `${f.ruleId}@${f.start}-${f.end}`;
}

/** What the export needs besides the report; `date` is YYYY-MM-DD (成文日期). */
export interface OpinionOptions {
  report: Report;
  /** the findingKey()s the reviewer chose to include; nothing else is exported */
  include: ReadonlySet<string>;
  decisions?: ReadonlyMap<string, Decision>;
  /** overrides report.title */
  title?: string | null;
  date: string;
  reviewer?: string;
  /** reviewing office, signed in the 落款 */
  office?: string;
  /** drafting unit the opinion is addressed to (主送) */
  recipient?: string;
  lang?: Lang;
}

/** One numbered item of the opinion, already in words. */
export interface OpinionItem {
  numeral: string;
  location: string;
  excerpt: string;
  category: string;
  problem: string;
  basis: string;
  suggestion?: string;
  decision?: string;
  note?: string;
}

/** The opinion as words, ready to render. */
export interface Opinion {
  lang: Lang;
  heading: string;
  recipient?: string;
  intro: string;
  items: OpinionItem[];
  documentResults: string[];
  meta: { label: string; value: string }[];
  closing: string;
  office?: string;
  date: string;
}

const L = {
  heading: { 'zh-CN': '合法性审核意见', en: 'Legality review opinion' },
  headingOf: { 'zh-CN': '关于《{t}》的合法性审核意见', en: 'Legality review opinion on 《{t}》' },
  intro: { 'zh-CN': '经对《{t}》进行合法性审核，现提出如下意见：', en: 'Having reviewed the legality of 《{t}》, we give the following opinion:' },
  introUntitled: { 'zh-CN': '经对送审文件进行合法性审核，现提出如下意见：', en: 'Having reviewed the legality of the draft, we give the following opinion:' },
  none: { 'zh-CN': '经审核，未发现需要提出意见的问题。', en: 'The review found no issue requiring comment.' },
  closing: { 'zh-CN': '请根据以上意见对文件进行修改完善。', en: 'Please revise the draft in the light of this opinion.' },
  wholeDocument: { 'zh-CN': '全文', en: 'Whole document' },
  problem: { 'zh-CN': '问题', en: 'Problem' },
  basis: { 'zh-CN': '依据', en: 'Basis' },
  suggestion: { 'zh-CN': '修改建议', en: 'Suggestion' },
  undecided: { 'zh-CN': '待定', en: 'Undecided' },
  documentResults: { 'zh-CN': '文件整体情况', en: 'The document as a whole' },
  meta: { 'zh-CN': '审核说明', en: 'About this review' },
  date: { 'zh-CN': '审核日期', en: 'Date' },
  reviewer: { 'zh-CN': '审核人', en: 'Reviewer' },
  packs: { 'zh-CN': '规则包及版本', en: 'Rule packs and versions' },
  noPacks: { 'zh-CN': '无', en: 'none' },
  sep: { 'zh-CN': '；', en: '; ' },
  colon: { 'zh-CN': '：', en: ': ' },
} satisfies Record<string, Localized>;

/** Item numerals 一、二、…: the engine's writer, with non-positive numbers left in digits. */
export function chineseNumeral(n: number): string {
  return n > 0 ? toChineseNumeral(n) : String(n);
}

function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  // GB/T 9704-2012 7.3.5.1: 成文日期 in Arabic numerals, year in full, no leading zeros
  return lang === 'zh-CN' ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : `${m[1]}-${m[2]}-${m[3]}`;
}

function excerptOf(s: string, max = 200): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function fill(template: string, title: string): string {
  return template.replace('{t}', title);
}

function documentResults(report: Report, lang: Lang): string[] {
  const v = report.validity;
  const c = report.commentPeriod;
  const zh = lang === 'zh-CN';
  const validity =
    v.status === 'ok'
      ? zh ? `有效期：${v.years} 年，未超过上限 ${v.limitYears} 年。` : `Validity period: ${v.years} years, within the limit of ${v.limitYears}.`
      : v.status === 'missing'
        ? zh ? `有效期：文件未标明有效期（上限 ${v.limitYears} 年）。` : `Validity period: not stated (limit ${v.limitYears} years).`
        : v.years === null
          ? zh ? `有效期：文件规定长期有效，超过上限 ${v.limitYears} 年。` : `Validity period: indefinite, above the limit of ${v.limitYears} years.`
          : zh ? `有效期：${v.years} 年，超过上限 ${v.limitYears} 年。` : `Validity period: ${v.years} years, above the limit of ${v.limitYears}.`;
  const comment =
    c.status === 'ok'
      ? zh ? `征求意见期限：${c.days} 日，不少于 ${c.minDays} 日。` : `Comment period: ${c.days} days, at least ${c.minDays}.`
      : c.status === 'missing'
        ? zh ? `征求意见期限：未发现征求意见期限（不少于 ${c.minDays} 日）。` : `Comment period: none found (minimum ${c.minDays} days).`
        : zh ? `征求意见期限：${c.days} 日，少于 ${c.minDays} 日。` : `Comment period: ${c.days} days, below the minimum of ${c.minDays}.`;
  return [validity, comment];
}

/** The opinion in words: included findings only, in text order, numbered 一、二、… */
export function buildOpinion(opts: OpinionOptions): Opinion {
  const lang = opts.lang ?? 'zh-CN';
  const { report } = opts;
  const title = (opts.title !== undefined ? opts.title : report.title)?.trim() || null;
  const included = report.findings.filter((f) => opts.include.has(findingKey(f))).sort((a, b) => a.start - b.start || a.end - b.end);
  const items = included.map((f, i): OpinionItem => {
    const d = opts.decisions?.get(findingKey(f));
    const decision = d ? DECISION_LABELS[d.kind][lang] + (d.reason ? `${lang === 'zh-CN' ? '。' : '. '}${DECISION_FIELD_LABELS.reason[lang]}${L.colon[lang]}${d.reason}` : '') : L.undecided[lang];
    return {
      numeral: lang === 'zh-CN' ? `${chineseNumeral(i + 1)}、` : `${i + 1}. `,
      location: f.location || L.wholeDocument[lang],
      excerpt: excerptOf(f.text),
      category: CATEGORY_LABELS[f.category][lang],
      problem: f.message[lang],
      basis: f.basis.join(L.sep[lang]),
      ...(f.suggestion ? { suggestion: f.suggestion[lang] } : {}),
      decision,
      ...(d?.note ? { note: d.note } : {}),
    };
  });
  const packs = report.packs.length ? report.packs.map((p) => `${p.id} v${p.version}`).join(L.sep[lang]) : L.noPacks[lang];
  const meta = [
    { label: L.date[lang], value: formatDate(opts.date, lang) },
    ...(opts.reviewer ? [{ label: L.reviewer[lang], value: opts.reviewer }] : []),
    { label: L.packs[lang], value: packs },
  ];
  return {
    lang,
    heading: title ? fill(L.headingOf[lang], title) : L.heading[lang],
    ...(opts.recipient ? { recipient: opts.recipient } : {}),
    intro: title ? fill(L.intro[lang], title) : L.introUntitled[lang],
    items,
    documentResults: documentResults(report, lang),
    meta,
    closing: items.length ? L.closing[lang] : L.none[lang],
    ...(opts.office ? { office: opts.office } : {}),
    date: formatDate(opts.date, lang),
  };
}

/** Lines of one item after its first line: label and text pairs. */
function itemLines(item: OpinionItem, lang: Lang): { label: string; text: string }[] {
  return [
    { label: L.problem[lang], text: item.problem },
    { label: L.basis[lang], text: item.basis },
    ...(item.suggestion ? [{ label: L.suggestion[lang], text: item.suggestion }] : []),
    ...(item.decision ? [{ label: DECISION_FIELD_LABELS.kind[lang], text: item.decision }] : []),
    ...(item.note ? [{ label: DECISION_FIELD_LABELS.note[lang], text: item.note }] : []),
  ];
}

function itemHead(item: OpinionItem, lang: Lang): { lead: string; quote: string } {
  return { lead: `${item.numeral}${item.location}（${item.category}）${L.colon[lang]}`, quote: `“${item.excerpt}”` };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A standalone printable HTML page (A4, GB/T 9704 margins); every inserted text is escaped. */
export function opinionHtml(input: OpinionOptions | Opinion): string {
  const o = 'items' in input ? input : buildOpinion(input);
  const e = escapeHtml;
  const lang = o.lang;
  const items = o.items
    .map((item) => {
      const head = itemHead(item, lang);
      const lines = itemLines(item, lang).map((l) => `<p><span class="label">${e(l.label)}${e(L.colon[lang])}</span>${e(l.text)}</p>`);
      return `<section class="item"><h2>${e(head.lead)}<q>${e(head.quote)}</q></h2>${lines.join('')}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${e(o.heading)}</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: FangSong_GB2312, FangSong, "仿宋", STFangsong, serif; font-size: 16pt; line-height: 28pt; max-width: 156mm; margin: 0 auto; color: #000; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", SimSun, "宋体", serif; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.4; margin: 0 0 28pt; }
h2, h3 { font-family: SimHei, "黑体", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; }
p.recipient { text-indent: 0; }
q { quotes: none; font-family: inherit; }
.label { font-family: SimHei, "黑体", sans-serif; }
.signature { margin-top: 28pt; text-align: right; }
.signature p { text-indent: 0; }
.meta { margin-top: 28pt; }
@media print { .item { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${e(o.heading)}</h1>
${o.recipient ? `<p class="recipient">${e(o.recipient)}${e(L.colon[lang])}</p>\n` : ''}<p>${e(o.intro)}</p>
${items}
<h3>${e(L.documentResults[lang])}</h3>
${o.documentResults.map((r) => `<p>${e(r)}</p>`).join('\n')}
<p>${e(o.closing)}</p>
<section class="meta"><h3>${e(L.meta[lang])}</h3>
${o.meta.map((m) => `<p><span class="label">${e(m.label)}${e(L.colon[lang])}</span>${e(m.value)}</p>`).join('\n')}
</section>
<div class="signature">${o.office ? `<p>${e(o.office)}</p>` : ''}<p>${e(o.date)}</p></div>
</body>
</html>
`;
}

// GB/T 9704-2012: A4, margins 37/35/28/26 mm, body 3号仿宋 (16 pt), title 2号小标宋 (22 pt),
// 22 lines a page (28 pt line pitch), first-line indent of two characters.
const MM = 56.7; // twips per millimetre
const BODY = { eastAsia: '仿宋_GB2312', ascii: 'FangSong', hAnsi: 'FangSong' };
const HEI = { eastAsia: '黑体', ascii: 'SimHei', hAnsi: 'SimHei' };
const TITLE = { eastAsia: '方正小标宋简体', ascii: 'SimSun', hAnsi: 'SimSun' };
const BODY_SIZE = 32; // half-points
const LINE = { line: 560, lineRule: LineRuleType.EXACT };

function run(text: string, font = BODY): TextRun {
  return new TextRun({ text, font, size: BODY_SIZE });
}

function para(children: TextRun[], opts: { indent?: boolean; align?: 'right' | 'center' } = {}): Paragraph {
  return new Paragraph({
    children,
    spacing: LINE,
    ...(opts.indent === false ? {} : { indent: { firstLine: 640 } }),
    ...(opts.align === 'right' ? { alignment: AlignmentType.RIGHT } : opts.align === 'center' ? { alignment: AlignmentType.CENTER } : {}),
  });
}

/** The opinion as a docx Document; pack it with Packer.toBuffer (Node) or Packer.toBlob (browser). */
export function opinionDocument(input: OpinionOptions | Opinion): Document {
  const o = 'items' in input ? input : buildOpinion(input);
  const lang = o.lang;
  const colon = L.colon[lang];
  const children: Paragraph[] = [
    new Paragraph({
      children: [new TextRun({ text: o.heading, font: TITLE, size: 44 })],
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 560 },
    }),
  ];
  if (o.recipient) children.push(para([run(`${o.recipient}${colon}`)], { indent: false }));
  children.push(para([run(o.intro)]));
  for (const item of o.items) {
    const head = itemHead(item, lang);
    children.push(para([run(head.lead, HEI), run(head.quote)]));
    for (const l of itemLines(item, lang)) children.push(para([run(`${l.label}${colon}`, HEI), run(l.text)]));
  }
  children.push(para([run(L.documentResults[lang], HEI)]));
  for (const r of o.documentResults) children.push(para([run(r)]));
  children.push(para([run(o.closing)]));
  children.push(para([run(L.meta[lang], HEI)]));
  for (const m of o.meta) children.push(para([run(`${m.label}${colon}`, HEI), run(m.value)]));
  children.push(para([run('')], { indent: false }));
  if (o.office) children.push(para([run(o.office)], { indent: false, align: 'right' }));
  children.push(para([run(o.date)], { indent: false, align: 'right' }));
  return new Document({
    title: o.heading,
    creator: '法审 fashen',
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
          },
        },
        children,
      },
    ],
  });
}
