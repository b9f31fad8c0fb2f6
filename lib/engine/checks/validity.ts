// Validity period (有效期) of the document itself. Local rules cap it at 5 years and 暂行/试行
// documents at 2–3 years (legal-basis.md §5, §9); a missing period is itself a finding.
import type { Normalized } from '../normalize';
import { toOriginalSpan } from '../normalize';
import {
  compareDates,
  findDateRanges,
  findDates,
  findIssueDates,
  firstYearRangeIn,
  toYMD,
  yearsBetweenInclusive,
  type DateMention,
  type YMD,
} from '../dates';
import { detectDocumentType } from '../document-type';
import { CuedPattern, matchesNear, sticky } from '../search';

// ---- subject analysis ------------------------------------------------------------------------
// 有效期 belongs to whatever noun precedes it: 本办法有效期 is the document's, 许可证有效期 a
// licence's. The subject is read from the clause before the keyword, or, when that is empty
// (…起施行，有效期5年), from the clause before it.

/** Whose period a statement gives: the document's, something else's, or not said in the clause. */
export type Subject = 'doc' | 'other' | 'none';

const DOC_GENRE =
  '(?:实施细则|实施办法|实施意见|实施方案|管理办法|若干措施|若干意见|若干规定|补充规定|补充通知|办法|规定|细则|意见|方案|通知|通告|公告|决定|文件|措施|规则|规程|规范|准则|条例|政策|规划|计划|指引|指南|标准|制度|纲要|目录|清单|导则|要点|批复)';
// 本市/本区/本局… are places and organs, not the document.
const SELF_REF = '(?:本(?![市区县省镇乡局委厅院部司处科所人机单行地级])|上述|以上|前述|该|此|这些?)';
const DOC_REF_END_RE = new RegExp(`${SELF_REF}[^，。；：\\n]{0,16}?${DOC_GENRE}》?$`, 'u');
const DOC_REF_START_RE = new RegExp(`^${SELF_REF}[^，。；：\\n]{0,16}?${DOC_GENRE}`, 'u');
const QUOTED_ONLY_RE = /^(?:本|原)?《([^》]{1,60})》(?:（[^）]{1,30}）)?$/u;
// 《药品生产许可证》有效期为5年: a quoted licence, certificate or card, not a document.
const CERTIFICATE_NAME_RE = /(?:证|证书|证明|执照|牌照|批件|批文|文号|卡|合同|协议)$/u;
const BARE_GENRE_RE = new RegExp(`^${DOC_GENRE}$`, 'u');
const NUMBERING_RE = /^(?:[ ]|第\d+条|[一二三四五六七八九十]+、|\d+[、.．]|（[一二三四五六七八九十\d]+）)+/u;
const TRAILING_FILLER_RE = /(?:的|之|其|所|继续|延续|暂|均|仍|将|统一|一律|整体|[ ])+$/u;
// 本实施细则（试行） / 本办法（2024年修订）: a short note after the document's name.
const PARENTHETICAL_END_RE = /[（(](?:试行|暂行|修订|修正|草案|征求意见稿|送审稿|(?:19|20)\d{2}年[^（）()，。；]{0,8})[）)]$/u;
const EFFECT_CLAUSE_RE = /(?:自|从|于)[^，。；\n]{0,30}?(?:之日|起)[^，。；\n]{0,4}?(?:施行|实施|执行|生效|试行)/u;
// …（穗府办规〔2023〕1号）重新发布，有效期调整至…: the clause that (re)issues the document.
const ISSUE_CLAUSE_RE = /(?:重新发布|重新印发|印发给你们|发布施行|予以发布|予以公布)|(?:印发|发布|公布)$/u;
const RENEWAL_RE = /(?:期满|届满|到期)[^。\n]{0,12}?(?:申请|换发|换证|延续|重新|复审|注销|续期|续签|复核)/u;
const NON_DOC_NOUN_RE = /证|许可|注册|登记|备案|评定|评级|结果|协议|合同|卡|资格|资质|认定|认证|执照|牌照|批文|凭证|承诺/u;

/** Classifies the words right before a period keyword. */
export function classifySubject(prefix: string): Subject {
  let p = prefix.replace(NUMBERING_RE, '');
  p = p.replace(TRAILING_FILLER_RE, '').replace(PARENTHETICAL_END_RE, '');
  if (p === '') return 'none';
  const quoted = QUOTED_ONLY_RE.exec(p);
  if (quoted) return CERTIFICATE_NAME_RE.test(quoted[1] as string) ? 'other' : 'doc';
  if (DOC_REF_END_RE.test(p) || BARE_GENRE_RE.test(p)) return 'doc';
  return 'other';
}

const CLAUSE_BREAKS = new Set([...'，；。！？\n（：'].map((c) => c.charCodeAt(0)));
const SENTENCE_BREAKS = new Set([...'。！？\n'].map((c) => c.charCodeAt(0)));

/** Index after the clause break (，；。！？（： or line end) before `i`; bounded look-back. */
export function clauseStart(t: string, i: number): number {
  const floor = Math.max(0, i - 120);
  let close = -1;
  for (let k = i - 1; k >= floor; k--) {
    const c = t.charCodeAt(k);
    // a name's note inside the clause (本实施细则（试行）自…起施行) does not break it
    if (c === 0xff09) close = k;
    else if (c === 0xff08 && close > k) {
      const note = t.slice(k, close + 1);
      close = -1;
      if (PARENTHETICAL_END_RE.test(note)) continue;
    }
    if (CLAUSE_BREAKS.has(c)) return k + 1;
  }
  return floor;
}

/** Index after the sentence break (。！？ or line end) before `i`; bounded look-back. */
export function sentenceStart(t: string, i: number): number {
  const floor = Math.max(0, i - 300);
  for (let k = i - 1; k >= floor; k--) if (SENTENCE_BREAKS.has(t.charCodeAt(k))) return k + 1;
  return floor;
}

/** A clause such as 本办法自印发之日起施行 that names the document taking effect. */
function isDocEffectClause(clause: string): boolean {
  const c = clause.replace(NUMBERING_RE, '');
  if (DOC_REF_START_RE.test(c)) return true;
  if (ISSUE_CLAUSE_RE.test(c)) return true;
  const m = EFFECT_CLAUSE_RE.exec(c);
  return m !== null && classifySubject(c.slice(0, m.index)) !== 'other';
}

/**
 * Whose period starts at `pos`, using the preceding clauses and sentence when the clause has no
 * subject; `strict` (执行期限/实施期限, which often belong to one measure) needs a document clause
 * before a sentence-initial statement.
 */
export function subjectInContext(t: string, pos: number, strict = false): Subject {
  const cs = clauseStart(t, pos);
  const own = classifySubject(t.slice(cs, pos));
  if (own !== 'none') return own;
  const ss = sentenceStart(t, pos);
  if (cs > ss) {
    const prevStart = clauseStart(t, cs - 1);
    return isDocEffectClause(t.slice(prevStart, cs - 1)) ? 'doc' : 'other';
  }
  const rest = t.slice(pos, pos + 200);
  const stop = rest.indexOf('。');
  const se = stop < 0 ? pos + rest.length : pos + stop;
  if (RENEWAL_RE.test(t.slice(pos, se))) return 'other';
  if (ss > 0) {
    const prevSentence = t.slice(sentenceStart(t, ss - 1), ss - 1);
    const lastClause = prevSentence.slice(clauseStart(prevSentence, prevSentence.length));
    if (isDocEffectClause(lastClause)) return 'doc';
    if (NON_DOC_NOUN_RE.test(lastClause)) return 'other';
  }
  return strict ? 'other' : 'doc';
}

/** Caps on the validity period, in years. */
export interface ValidityParams {
  maxYears: number;
  provisionalMaxYears: number;
}

/** Default caps: 5 years, 3 for 暂行/试行 (some provinces use 2). */
export const DEFAULT_VALIDITY_PARAMS: ValidityParams = { maxYears: 5, provisionalMaxYears: 3 };

/** Outcome of the validity check; start/end/text locate the statement in the ORIGINAL text. */
export interface ValidityResult {
  status: 'ok' | 'missing' | 'too_long';
  /** stated or computed period; null when none, when only an end date without a start is given, or for 长期有效 */
  years: number | null;
  limitYears: number;
  provisional: boolean;
  start?: number;
  end?: number;
  text?: string;
}

interface Candidate {
  /** higher wins; ties go to the later statement (closing articles come last) */
  rank: number;
  /** span in normalized text */
  s: number;
  e: number;
  years: number | null;
  infinite?: boolean;
  /** end-date forms: the period end, counted from a start date found elsewhere */
  endDate?: YMD;
  /** the start stated in the statement itself */
  startDate?: YMD;
}

// Keywords naming a period; longest first so 有效期限 is not read as 有效期 + 限.
// 执行期/实施期 (not 执行期间 "during"): 本措施执行期为2024—2026年. Each has 期 as its third character.
const KEYWORD_RE = new CuedPattern(/有效期限|有效期|执行期限|实施期限|施行期限|政策期限|适用期限|试行期限|试行期|执行期(?!间)|实施期(?!间)/g, ['期'], [2, 2]);
const FILLER = '(?:为|是|：|定为|暂定为?|[ ])*';
// 有效期自印发之日起5年 / 有效期为自2024年1月1日起3年: the start is named before the length.
const DURATION_RE = new RegExp(`^${FILLER}(?:(?:自|从)[^，。；\\n]{1,20}?起(?:计算)?[，]?)?(?:(\\d+(?:\\.\\d+)?)[ ]?(年|个月|个半月)(半)?|(半年))`, 'u');
const LONG_TERM_AFTER_KEYWORD_RE = new RegExp(`^${FILLER}长期(?:有效)?`, 'u');
const RANGE_LEAD_RE = new RegExp(`^${FILLER}(?:自|从)?[ ]?$`, 'u');
const END_LEAD_RE = new RegExp(
  `^${FILLER}(?:自|从)?(?:本[^，。；\\n]{0,8}?)?(?:(?:印发|发布|公布|施行|实施|颁布|下发|发文|执行)之日起)?[ ]?(?:至|到|截至|截止到?|截止至|调整至|调整为|延长至|延至|顺延至)[ ]?$`,
  'u',
);
const YEAR_END_RE = new RegExp(
  `^${FILLER}(?:至|到|截至|截止到?|截止至|调整至|延长至|延至)[ ]?((?:19|20)\\d{2})[ ]?年(?:底|末)?(?![ ]?\\d)`,
  'u',
);
// 执行至DATE and DATE前有效 count only next to a date, so they are looked for at the dates.
const UNTIL_RE = /(执行|实施|施行|有效|适用|试行)(?:期)?(?:至|到|截至|截止到?)[ ]?(?=\d|[〇一二])/g;
const VALID_BEFORE_RE = /(?:前|之前|以前|止)有效/g;
const UNTIL_AT_RE = sticky(UNTIL_RE);
const VALID_BEFORE_AT_RE = sticky(VALID_BEFORE_RE);
const WITHIN_YEARS_RE = new CuedPattern(/起(\d+(?:\.\d+)?)[ ]?(年|个月)内有效/g, ['内有效']);
const LONG_TERM_RE = new CuedPattern(/长期有效/g, ['期'], [1, 1]);
const EFFECT_FIELD_RE = /(?:施行|实施|生效|执行)(?:日期|时间)[ ]?[：:]?[ ]?$/u;
const EFFECT_START_RE = /(?:自|从|于)[ ]?$/u;
const EFFECT_THEN_END_RE = /(?:自|从|于)[^，。；\n]{0,30}?起?(?:施行|实施|执行|生效|试行)[，]?(?:至|到)?[ ]?$/u;
const EFFECT_AFTER_DATE_RE = /^[ ]?(?:\d{1,2}[时点](?:\d{1,2}分)?|\d{1,2}：\d{2})?[ ]?(?:起|开始)?[ ]?(?:施行|实施|执行|生效|试行)/u;
const REPEAL_ONLY_TITLE = /废止|停止(?:执行|实施)|宣布失效|失效的/u;
// 本办法自2020年1月1日起试行 / 本细则试行: the document calls itself provisional in its closing.
// 试行 starts 3 (本 + a two-character genre) to 35 (本 + 实施细则 + 30) characters into a match.
const PROVISIONAL_CLOSING_RE = new CuedPattern(new RegExp(`本${DOC_GENRE}[^，。；\\n]{0,30}?试行(?:[，。；\\n）)]|$)`), ['试行'], [3, 35]);
const TRIAL_PERIOD_RE = new CuedPattern(/试行期(?:限)?(?:为|是|：)?\d/, ['试行'], [0, 0]);

/** The whole-text patterns searched by cue words, for tests that check each cue. */
export const CUED_PATTERNS: readonly CuedPattern[] = [KEYWORD_RE, WITHIN_YEARS_RE, LONG_TERM_RE, PROVISIONAL_CLOSING_RE, TRIAL_PERIOD_RE];

/**
 * The matches of UNTIL_RE that a whole-text scan finds ending 3–7 characters (its shortest and
 * longest match) before the start of a date, and maybe a few others. Exact because no two matches
 * can overlap: a match starts with one of the verbs, and inside a match only the 施 of 实施 could
 * start another (施行), which needs 行 where the first needs 期, 至, 到 or 截.
 */
export function untilMatches(t: string, dates: readonly DateMention[]): RegExpExecArray[] {
  return matchesNear(UNTIL_AT_RE, t, dates.map((d) => d.start), -7, -3);
}

/**
 * The matches of VALID_BEFORE_RE that a whole-text scan finds starting right after a date or one
 * character later. Exact because a date ends with a digit, 日, 号, 底 or 末, none of which a match
 * holds, so no match starting earlier runs into these positions.
 */
export function validBeforeMatches(t: string, dates: readonly DateMention[]): RegExpExecArray[] {
  return matchesNear(VALID_BEFORE_AT_RE, t, dates.map((d) => d.end), 0, 1);
}

function yearsOf(n: number, unit: string, half: string | undefined): number {
  if (unit === '个月') return n / 12;
  if (unit === '个半月') return (n + 0.5) / 12;
  return n + (half ? 0.5 : 0);
}

function lowerBound(items: readonly { start: number }[], from: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { start: number }).start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first date that starts in [from, to), or -1. */
function dateStartingIn(dates: readonly DateMention[], from: number, to: number): number {
  const i = lowerBound(dates, from);
  return i < dates.length && (dates[i] as DateMention).start < to ? i : -1;
}

/** Parses the period written right after a keyword (有效期…). */
function parseAfterKeyword(
  t: string,
  k: number,
  dates: readonly DateMention[],
  rangeByStart: Map<number, { to: DateMention; end: number }>,
): Omit<Candidate, 'rank' | 's'> | null {
  const ahead = t.slice(k, k + 40);
  const dur = DURATION_RE.exec(ahead);
  // 为2019年1月1日至… is a date, not a 2019-year period.
  if (dur && (dur[4] || (Number(dur[1]) < 200 && !/^[ ]?\d{1,2}[ ]?月/u.test(ahead.slice(dur[0].length))))) {
    if (dur[4]) return { e: k + dur[0].length, years: 0.5 };
    return { e: k + dur[0].length, years: yearsOf(Number(dur[1]), dur[2] as string, dur[3]) };
  }
  const lt = LONG_TERM_AFTER_KEYWORD_RE.exec(ahead);
  if (lt) return { e: k + lt[0].length, years: null, infinite: true };

  const di = dateStartingIn(dates, k, k + 24);
  if (di >= 0) {
    const d = dates[di] as DateMention;
    const lead = t.slice(k, d.start);
    const range = rangeByStart.get(d.start);
    if (range && RANGE_LEAD_RE.test(lead)) {
      const from = toYMD(d);
      const to = toYMD(range.to);
      if (from && to) {
        const repaired = compareDates(to, from) < 0 ? { ...to, year: from.year } : to;
        return { e: trailEnd(t, range.end), years: yearsBetweenInclusive(from, repaired), startDate: from, endDate: repaired };
      }
    }
    if (END_LEAD_RE.test(lead)) {
      const end = toYMD(d);
      if (end) return { e: trailEnd(t, d.end), years: null, endDate: end };
    }
  }
  const yr = firstYearRangeIn(t, k, k + 8);
  if (yr && RANGE_LEAD_RE.test(t.slice(k, yr.start))) {
    return { e: yr.end, years: yr.toYear - yr.fromYear + 1 };
  }
  const ye = YEAR_END_RE.exec(ahead);
  if (ye) return { e: k + ye[0].length, years: null, endDate: { year: Number(ye[1]), month: 12, day: 31 } };
  return null;
}

function trailEnd(t: string, e: number): number {
  return t[e] === '止' ? e + 1 : e;
}

/** Start of the effect phrase 自…之日起 / 自DATE起 at the end of a prefix, so the subject is what precedes it. */
function stripEffectPhrase(prefix: string): string {
  const m = /(?:自|从|于)[^，。；\n]{0,30}$/u.exec(prefix);
  return m ? prefix.slice(0, m.index) : prefix;
}

function collectCandidates(t: string, dates: readonly DateMention[]): Candidate[] {
  const out: Candidate[] = [];
  const ranges = findDateRanges(t, dates);
  const rangeByStart = new Map(ranges.map((r) => [r.from.start, { to: r.to, end: r.end }]));

  for (const m of KEYWORD_RE.matches(t)) {
    const kwStart = m.index;
    const parsed = parseAfterKeyword(t, kwStart + m[0].length, dates, rangeByStart);
    if (!parsed) continue;
    const strict = !/^(?:有效期|政策期限|试行期)/u.test(m[0]);
    if (subjectInContext(t, kwStart, strict) !== 'doc') continue;
    const adjusted = /调整|延长|延至|顺延/u.test(t.slice(kwStart, parsed.e));
    const isValidityWord = m[0].startsWith('有效期') || m[0].startsWith('试行期');
    out.push({ ...parsed, s: kwStart, rank: adjusted ? 5 : isValidityWord ? 4 : 3 });
  }

  // 本公告执行至2027年12月31日 / 本办法自…起施行至…止
  for (const m of untilMatches(t, dates)) {
    const di = dateStartingIn(dates, m.index + m[0].length, m.index + m[0].length + 1);
    if (di < 0) continue;
    const d = dates[di] as DateMention;
    const end = toYMD(d);
    if (!end) continue;
    const cs = clauseStart(t, m.index);
    const prefix = stripEffectPhrase(t.slice(cs, m.index));
    const subj = classifySubject(prefix);
    if (subj === 'other' || (subj === 'none' && subjectInContext(t, cs) !== 'doc')) continue;
    // 自DATE起施行至DATE止 carries its own start.
    const own = dateStartingIn(dates, cs, m.index);
    const start = own >= 0 && EFFECT_START_RE.test(t.slice(Math.max(cs, (dates[own] as DateMention).start - 2), (dates[own] as DateMention).start)) ? toYMD(dates[own] as DateMention) : null;
    out.push({
      rank: 2,
      s: cs,
      e: trailEnd(t, d.end),
      years: start ? yearsBetweenInclusive(start, end) : null,
      endDate: end,
      ...(start ? { startDate: start } : {}),
    });
  }

  // 本办法自2020年1月1日起施行，2024年12月31日废止
  for (const d of dates) {
    const after = t.slice(d.end, d.end + 6);
    if (!/^[ ]?(?:止|废止|失效|停止执行|自动失效)/u.test(after)) continue;
    const before = t.slice(Math.max(0, d.start - 40), d.start);
    const effect = EFFECT_THEN_END_RE.exec(before);
    if (!effect) continue;
    const absEffect = d.start - before.length + effect.index;
    const cs = clauseStart(t, absEffect);
    const subj = classifySubject(t.slice(cs, absEffect));
    if (subj === 'other' || (subj === 'none' && subjectInContext(t, cs) !== 'doc')) continue;
    const end = toYMD(d);
    if (!end) continue;
    const own = dateStartingIn(dates, absEffect, d.start);
    const start = own >= 0 && (dates[own] as DateMention).start !== d.start ? toYMD(dates[own] as DateMention) : null;
    out.push({
      rank: 2,
      s: cs,
      e: d.end + (/^[ ]?(止|废止|失效)/u.exec(after)?.[0].length ?? 0),
      years: start ? yearsBetweenInclusive(start, end) : null,
      endDate: end,
      ...(start ? { startDate: start } : {}),
    });
  }

  // 本办法2025年12月31日前有效
  const byEnd = new Map(dates.map((d) => [d.end, d]));
  for (const m of validBeforeMatches(t, dates)) {
    const d = byEnd.get(m.index) ?? byEnd.get(m.index - 1);
    if (!d) continue;
    const end = toYMD(d);
    if (!end) continue;
    const cs = clauseStart(t, d.start);
    const prefix = t.slice(cs, d.start).replace(/(?:于|在|至)[ ]?$/u, '');
    const subj = classifySubject(prefix);
    if (subj === 'other' || (subj === 'none' && subjectInContext(t, cs) !== 'doc')) continue;
    out.push({ rank: 2, s: cs, e: m.index + m[0].length, years: null, endDate: end });
  }

  // 本办法自2020年1月1日起5年内有效
  for (const m of WITHIN_YEARS_RE.matches(t)) {
    const cs = clauseStart(t, m.index);
    const subj = classifySubject(stripEffectPhrase(t.slice(cs, m.index + 1)));
    if (subj === 'other' || (subj === 'none' && subjectInContext(t, cs) !== 'doc')) continue;
    out.push({ rank: 3, s: cs, e: m.index + m[0].length, years: yearsOf(Number(m[1]), m[2] as string, undefined) });
  }

  for (const m of LONG_TERM_RE.matches(t)) {
    const cs = clauseStart(t, m.index);
    const subj = classifySubject(t.slice(cs, m.index).replace(/(?:为|是|均|继续|仍)+$/u, ''));
    if (subj === 'other' || (subj === 'none' && subjectInContext(t, cs) !== 'doc')) continue;
    out.push({ rank: 1, s: cs, e: m.index + m[0].length, years: null, infinite: true });
  }
  return out;
}

/** Explicit 自DATE起施行 / DATE起执行 dates: the period's stated start. */
function effectStartDates(t: string, dates: readonly DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (const d of dates) {
    if (d.year === null) continue;
    const before = t.slice(Math.max(0, d.start - 2), d.start);
    const after = t.slice(d.end, d.end + 8);
    if (EFFECT_START_RE.test(before) && EFFECT_AFTER_DATE_RE.test(after)) out.push(d);
    // 施行日期：2024年7月1日 — a header field giving the date the document takes effect
    else if (EFFECT_FIELD_RE.test(t.slice(Math.max(0, d.start - 12), d.start))) out.push(d);
    else if (/^[ ]?(?:\d{1,2}[时点])?[ ]?起[ ]?(?:施行|实施|执行|生效)/u.test(after)) out.push(d);
  }
  return out;
}

// （2024年5月6日印发） / 某某局2024年5月6日发布: a date that says the document went out. Followed by
// a bracket, punctuation or the line end, so 2020年1月1日印发的《…》 (another document) is not one.
const ISSUED_AFTER_RE = /^[ ]?(?:印发|发布|公布|签发|下发|颁布|发文)[ ]?(?:[）)\]】，。；]|\n|$)/u;

/** The document's own signature/publication dates: issue-date lines and fields, and DATE印发 notes. */
function documentDates(t: string, dates: readonly DateMention[]): DateMention[] {
  const issue = findIssueDates(t, dates);
  const seen = new Set(issue);
  for (const d of dates) {
    if (seen.has(d) || d.year === null || d.yearCarried || d.periodEnd) continue;
    if (ISSUED_AFTER_RE.test(t.slice(d.end, d.end + 6))) issue.push(d);
  }
  return issue.sort((a, b) => a.start - b.start);
}

/** Chooses the start of an end-date period: same-sentence effect date, nearest earlier one, issue date. */
function resolveStart(t: string, c: Candidate, dates: readonly DateMention[]): { date: YMD; explicit: boolean } | null {
  if (c.startDate) return { date: c.startDate, explicit: true };
  const starts = effectStartDates(t, dates).filter((d) => {
    const y = toYMD(d);
    return y !== null && c.endDate !== undefined && compareDates(y, c.endDate) < 0;
  });
  const ss = sentenceStart(t, c.s);
  let se = t.indexOf('。', c.e);
  if (se < 0) se = t.length;
  const inSentence = starts.filter((d) => d.start >= ss && d.start < se);
  if (inSentence.length > 0) {
    const earliest = inSentence.reduce((a, b) => (compareDates(a as YMD, b as YMD) <= 0 ? a : b));
    return { date: toYMD(earliest) as YMD, explicit: true };
  }
  const preceding = starts.filter((d) => d.end <= c.s);
  const prev = preceding[preceding.length - 1];
  if (prev) return { date: toYMD(prev) as YMD, explicit: true };
  const following = starts.find((d) => d.start >= c.e);
  if (following) return { date: toYMD(following) as YMD, explicit: true };
  const issue = documentDates(t, dates).filter((d) => c.endDate !== undefined && compareDates(d as YMD, c.endDate) < 0);
  if (issue.length > 0) {
    // The signature usually follows the closing article; otherwise take the nearest before it.
    const after = issue.find((d) => d.start >= c.e);
    const pick = after ?? issue[issue.length - 1];
    if (pick) return { date: toYMD(pick) as YMD, explicit: false };
  }
  return null;
}

function isProvisional(t: string, titleProvisional: boolean): boolean {
  if (titleProvisional) return true;
  if (TRIAL_PERIOD_RE.test(t)) return true;
  return PROVISIONAL_CLOSING_RE.test(t);
}

/**
 * Finds the document's own validity statement in `norm` (the normalization of `original`) and
 * checks it against the cap; `title` defaults to the first meaningful line of `original`.
 */
export function checkValidity(original: string, norm: Normalized, params: ValidityParams, title?: string): ValidityResult {
  const t = norm.text;
  const info = detectDocumentType(original, title);
  const provisional = isProvisional(t, info.provisional);
  const limitYears = provisional ? params.provisionalMaxYears : params.maxYears;
  const dates = findDates(t);
  const candidates = collectCandidates(t, dates);
  if (candidates.length === 0) return { status: 'missing', years: null, limitYears, provisional };

  let best = candidates[0] as Candidate;
  for (const c of candidates) if (c.rank > best.rank || (c.rank === best.rank && c.s > best.s)) best = c;

  const span = toOriginalSpan(norm, statementStart(t, best.s), best.e, original);
  const located = { start: span.start, end: span.end, text: original.slice(span.start, span.end) };

  if (best.infinite) {
    // 湖南: a document that only repeals or stops another one may be 长期有效.
    const repealOnly = info.title !== null && REPEAL_ONLY_TITLE.test(info.title);
    const unlimited = !Number.isFinite(params.maxYears);
    return { status: repealOnly || unlimited ? 'ok' : 'too_long', years: null, limitYears, provisional, ...located };
  }

  let years = best.years;
  let epsilon = 0.01;
  if (years === null && best.endDate) {
    const start = resolveStart(t, best, dates);
    if (start) {
      years = yearsBetweenInclusive(start.date, best.endDate);
      // From a signature date the period also covers the up-to-30-day gap before it takes effect.
      if (!start.explicit) epsilon = 1 / 12;
    }
  }
  if (years !== null) years = Math.round(years * 10000) / 10000;
  const status = years !== null && years > limitYears + epsilon ? 'too_long' : 'ok';
  return { status, years, limitYears, provisional, ...located };
}

/** Where the statement's text starts: its sentence, or its own clause, without article numbers (第13条, 三、). */
function statementStart(t: string, s: number): number {
  let start = Math.min(sentenceStart(t, s), s);
  const head = NUMBERING_RE.exec(t.slice(start, start + 20));
  if (head) start += head[0].length;
  return start;
}
