// Public comment window of the document itself. 优化营商环境条例 第六十二条 and the 规章 and 重大
// 行政决策 procedures ask for "一般不少于30日" (legal-basis.md §4c, §4d, §9). Sentences that state
// such a minimum as a rule are not a window and are ignored.
import chineseDays from 'chinese-days';
import type { Normalized } from '../normalize';
import { toOriginalSpan } from '../normalize';
import {
  addDays,
  addMonths,
  compareDates,
  daysBetweenExclusive,
  daysBetweenInclusive,
  findDateRanges,
  findDates,
  findIssueDates,
  formatIso,
  lineStartWithin,
  toYMD,
  type DateMention,
  type DateRange,
  type YMD,
} from '../dates';
import { CuedPattern, cuePositions, matchesNear, sticky } from '../search';

/** Minimum window and how its days are counted (inclusive = both ends, exclusive = end − start). */
export interface CommentParams {
  minDays: number;
  counting: 'inclusive' | 'exclusive';
}

/** Default: at least 30 days, both ends counted. */
export const DEFAULT_COMMENT_PARAMS: CommentParams = { minDays: 30, counting: 'inclusive' };

/** Outcome of the comment-period check; start/end/text locate the window in the ORIGINAL text. */
export interface CommentResult {
  status: 'ok' | 'too_short' | 'missing';
  /** calendar days of the window; null when missing, or when a deadline has no start date to count from (status ok) */
  days: number | null;
  minDays: number;
  start?: number;
  end?: number;
  text?: string;
}

interface Window {
  /**
   * 3: introduced by a comment keyword (征求意见时间：…); 2: in a sentence about comments; a date
   * range in such a sentence ranks 2.5, above a count of days or a deadline there: its dates are
   * the window the notice actually runs (征求意见时间为10个工作日（5月6日至5月17日）); 1: no days.
   */
  priority: number;
  s: number;
  e: number;
  days: number | null;
}

// chinese-days ships CommonJS with a default object in every build (Node, Vite, workers).
// A lookup costs about 10 µs and a window of N working days takes about 1.4·N of them, while a
// document asks about the same few weeks on every check: the answers are kept.
const workdays = new Map<string, boolean>();
function isWorkday(iso: string): boolean {
  let w = workdays.get(iso);
  if (w === undefined) {
    w = chineseDays.isWorkday(iso);
    workdays.set(iso, w);
  }
  return w;
}

const SENTENCE_BREAKS = new Set([...'。！？\n'].map((c) => c.charCodeAt(0)));

function sentenceBounds(t: string, s: number, e: number): [number, number] {
  let a = s;
  const floor = Math.max(0, s - 300);
  while (a > floor && !SENTENCE_BREAKS.has(t.charCodeAt(a - 1))) a--;
  let b = e;
  const ceil = Math.min(t.length, e + 300);
  while (b < ceil && !SENTENCE_BREAKS.has(t.charCodeAt(b))) b++;
  return [a, b];
}

// A sentence about public comment (bare 意见 also names a genre: 实施意见, 指导意见).
// 如有异议 / 有意见可反馈至…: the invitation of a 公示 or a notice.
const COMMENT_CONTEXT_RE =
  /征求|征集|意见建议|意见和建议|提出意见|提交意见|报送意见|反馈意见|修改意见|意见反馈|如有(?:意见|异议)|有(?:意见|异议)[^，。；\n]{0,4}(?:反馈|反映|提出)/u;
// Deadlines: the reader is asked to send comments (or objections) by a date.
// 实施意见 / 指导意见 … name documents, not comments.
const COMMENTS = '(?<!实施|指导|若干|工作|审查|审核|处理|鉴定|评估|整改|贯彻|落实)(?:意见|建议)';
const DEADLINE_CONTEXT_RE = new RegExp(
  `征求|征集|异议|反馈|${COMMENTS}[^，。；\\n]{0,12}?(?:发送|提交|报送|提出|寄送|邮寄|发至|送至|传真|发到|告知)|(?:提出|提交|报送|发送|提供)[^，。；\\n]{0,10}?${COMMENTS}`,
);
// 公示 and 异议 also name steps of procedures a rule prescribes (审核结果公示，公示期为20日); they
// describe this document's window only when the document itself is a 公示 notice.
// Searched in two parts: 示 lies 1–4 characters into the set phrases, and 现将…公示 is found by its 现.
const PUBLICITY_PHRASE_RE = new CuedPattern(/现予(?:以)?公示|特此公示|公示如下|现公示/, ['示'], [1, 4]);
const PUBLICITY_ANNOUNCED_RE = new CuedPattern(/现将[^。\n]{0,80}?公示|现对[^。\n]{0,80}?公示/, ['现'], [0, 0]);

function isPublicityNotice(t: string): boolean {
  return PUBLICITY_PHRASE_RE.test(t) || PUBLICITY_ANNOUNCED_RE.test(t);
}

const RANGE_KEYWORD_BEFORE_RE =
  /(?:征求意见|意见征集|征集|公示|反馈|意见|建议|异议)[^，。；\n]{0,8}?(?:时间|期限|日期|期|时限)[^，。；\n]{0,6}$/u;
const COUNT_THEN_RANGE_RE = /(?:公示|异议)[^，。；\n]{0,8}?(?:时间|期限|期|时限)[^，。；\n]{0,3}?\d+[ ]?(?:个)?(?:工作日|自然日|日|天)[ ]?[（(]$/u;
const HEADING_KEYWORD_RE = /(?:征求意见|意见征集|征集|公示|反馈|异议)[^\n]{0,8}?(?:时间|期限|日期|期|时限)[：]?[ ]?$/u;
const NDAY_RE = /(\d+(?:\.\d+)?)[ ]?(个工作日|工作日|个自然日|自然日|个月|日|天|周|个星期)/g;
const NDAY_ANCHOR_RE =
  /(?:((?:发布|公布|公告|印发|发出|刊登|公示|发文|挂网|发送|下发|通知)之日起)|(?:(征求意见|意见征集|征集|反馈|意见反馈)|(公示|异议))[^，。；\n]{0,4}?(?:时间|期限|期|时限)|(为期))[^，。；\n]{0,10}?$/u;
// An anchor ends with 起, 期 or the 时/期 of 时间/时限/期限, and at most 10 characters (up to 20
// code units) separate it from the number: every number that counts starts 1–22 positions after
// one of these cues.
const NDAY_CUES = ['起', '期', '时'];
const NDAY_AT_RE = sticky(NDAY_RE);

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * The matches of NDAY_RE that a whole-text scan finds starting 1–22 positions after an anchor cue:
 * all that can count. Exact because a match holds 起 and 时 nowhere and 期 only at its end (个星期),
 * so no match starting before a cue runs past it into the searched positions.
 */
export function nDayMatches(t: string): RegExpExecArray[] {
  return matchesNear(NDAY_AT_RE, t, cuePositions(t, NDAY_CUES), 1, 22, isDigit);
}

/** The n-day search and the anchor a number needs before it, for the test of the cues. */
export const NDAY_SEARCH = { re: NDAY_RE, anchor: NDAY_ANCHOR_RE, cues: NDAY_CUES, from: 1, to: 22 } as const;
// The notice's own voice: 请在本公告发布之日起16日内 (a law's 自公告之日起15日内提出异议 is a rule).
// 请 as a request, not inside 申请/提请/邀请 (申请人有异议的，可以自收到通知之日起15日内…).
const REQUEST = '(?<![申提邀聘报呈恳])请(?!求)';
const REQUEST_RE = new RegExp(REQUEST, 'u');
const OWN_VOICE_RE = new RegExp(`本[^，。；\\n]{0,10}?(?:发布|公布|公告|印发|发出|刊登|公示|发文|挂网|下发)之日起|${REQUEST}|欢迎|敬请|如有`, 'u');
// 不少于30日 / 一般不少于7个工作日: a rule fixing a minimum, not this document's window.
const RULE_WORDS_RE = /不少于|不得少于|不低于|至少|不应少于|不短于|不超过|不得超过|不多于|一般|原则上|最少|最长|最短/u;
const RULE_MODAL_RE = /应当|必须|应予/u;
/** A duty addressed to someone (应当/必须) that the notice does not ask of its reader (no 请): a rule. */
const isDutySentence = (sentence: string): boolean => RULE_MODAL_RE.test(sentence) && !REQUEST_RE.test(sentence);
const DEADLINE_AFTER_RE =
  /^[ ]?(?:[（]?(?:星期|周)[一二三四五六日天][）]?)?[ ]?(?:\d{1,2}[:：]\d{2}|\d{1,2}[ ]?[时点](?:\d{1,2}分)?|下班|中午|上午|下午|晚上?|工作时间结束)?[ ]?(?:前|之前|以前|止|为止)/u;
// 截止时间为DATE / 即日起至DATE / 发布之日起至DATE
const DEADLINE_BEFORE_RE = /(?:(?:截止|截至)(?:日期|时间)?(?:为|是|：|到|至)?|(?:即日|之日)起?(?:至|到))[ ]?$/u;
// 请于DATE将意见反馈至… (no 前): the date is when the comments must arrive.
const DEADLINE_LEAD_RE = /(?:请于|请在|于)[ ]?$/u;
const DEADLINE_SEND_RE = /^[^。；\n]{0,24}?(?:反馈|发送|报送|提交|提出|寄送|邮寄|发至|送至|传真|发到)/u;
// 每年12月31日前 / 当年10月底前: a date that comes back every year.
const RECURRING_BEFORE_RE = /(?:每年|每季度|每月|当年|次年|上年)[ ]?(?:度)?[ ]?$/u;
// A period written inside an article (第N条…) is a rule of the text, not a notice's own window.
const ARTICLE_START_RE = /^[ ]?第\d+条/u;
const ISSUED_AFTER_RE = /^[ ]?(?:印发|发布|公布|公告|发出|挂网)/u;

function count(a: YMD, b: YMD, counting: CommentParams['counting']): number {
  return counting === 'inclusive' ? daysBetweenInclusive(a, b) : daysBetweenExclusive(a, b);
}

/** 二、公示时间：DATE至DATE as a numbered heading of its own is the notice's window. */
function isPublicityHeading(t: string, rangeStart: number): boolean {
  const lineStart = lineStartWithin(t, rangeStart, 40);
  // an indented heading keeps the one space normalization leaves of its indentation
  return /^[ ]?(?:[一二三四五六七八九十]+、|\d+[、.．]|（[一二三四五六七八九十\d]+）)?[ ]?(?:公示|异议)[^，。；\n]{0,6}$/u.test(t.slice(lineStart, rangeStart));
}

/** The day on which the N-th working day (counting `start` if it is one) falls. */
function nthWorkday(start: YMD, n: number): YMD {
  let d = start;
  let seen = 0;
  for (let guard = 0; guard < n * 4 + 60; guard++) {
    if (isWorkday(formatIso(d))) {
      seen++;
      if (seen >= n) return d;
    }
    d = addDays(d, 1);
  }
  return d;
}

/** A range's end with a misprinted or omitted year repaired from its start. */
function repairRangeEnd(from: YMD, to: DateMention): YMD {
  const end: YMD = { year: to.year ?? from.year, month: to.month, day: to.day };
  if (compareDates(end, from) >= 0) return end;
  const sameYear = { ...end, year: from.year };
  if (compareDates(sameYear, from) >= 0) return sameYear;
  return { ...end, year: from.year + 1 };
}

function rangeWindows(
  t: string,
  dates: readonly DateMention[],
  ranges: readonly DateRange[],
  counting: CommentParams['counting'],
  publicityNotice: () => boolean,
): Window[] {
  const out: Window[] = [];
  // 公示期为5个工作日（3月9日—13日）: a range without any year in the text still has a length;
  // the year of a later date (the signature) or a common year stands in for it.
  let fallbackYear: number | undefined;
  const yearFor = (): number => (fallbackYear ??= dates.find((d) => d.year !== null && !d.yearCarried)?.year ?? 2001);
  for (const r of ranges) {
    const from = toYMD(r.from) ?? { year: yearFor(), month: r.from.month, day: r.from.day };
    const lineStart = lineStartWithin(t, r.start, 40);
    const clauseBefore = t.slice(Math.max(lineStart, r.start - 24), r.start);
    let priority = 0;
    let s = r.start;
    const kw = RANGE_KEYWORD_BEFORE_RE.exec(clauseBefore);
    if (kw && (!/^(?:公示|异议)/u.test(kw[0]) || publicityNotice() || isPublicityHeading(t, r.start))) {
      priority = 3;
      s = r.start - clauseBefore.length + kw.index;
    } else if (/^[ ]?(?:[从自])?[ ]?$/u.test(t.slice(lineStart, r.start)) && lineStart > 0 && t.charCodeAt(lineStart - 1) === 0x0a) {
      // 一、征集时间 ⏎ 2023年9月20日至2023年10月20日
      // (blank lines between the two, a web page's empty paragraphs, are skipped)
      let prevEnd = lineStart - 1;
      let prevStart = lineStartWithin(t, prevEnd, 40);
      for (let k = 0; k < 3 && prevStart > 0 && /^[ ]*$/u.test(t.slice(prevStart, prevEnd)); k++) {
        prevEnd = prevStart - 1;
        prevStart = lineStartWithin(t, prevEnd, 40);
      }
      const prevLine = t.slice(prevStart, prevEnd);
      if (HEADING_KEYWORD_RE.test(prevLine)) priority = 3;
    }
    if (priority === 0) {
      const [a, b] = sentenceBounds(t, r.start, r.end);
      if (COMMENT_CONTEXT_RE.test(t.slice(a, b))) priority = 2.5;
      // 公示期为5个工作日（3月9日—13日） in a 公示 notice: the dates the stated count runs
      else if (COUNT_THEN_RANGE_RE.test(clauseBefore) && publicityNotice()) priority = 2.5;
    }
    if (priority === 0) continue;
    const to = repairRangeEnd(from, r.to);
    const tail = /^[ ]?(?:止|结束)/u.exec(t.slice(r.end, r.end + 3));
    const e = r.end + (tail ? tail[0].length : 0);
    out.push({ priority, s, e, days: count(from, to, counting) });
  }
  return out;
}

function lowerBound(items: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { start: number }).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Publication date to count a window from: the issue date nearest to `pos` (items sorted by start). */
function pickStart(issue: readonly DateMention[], pos: number, exclude: DateMention | null): DateMention | null {
  const i = lowerBound(issue, pos);
  let best: DateMention | null = null;
  let bestDist = Infinity;
  // The nearest candidates sit right around the insertion point; two on each side cover `exclude`.
  for (let k = Math.max(0, i - 2); k < Math.min(issue.length, i + 2); k++) {
    const d = issue[k] as DateMention;
    if (d === exclude) continue;
    const dist = Math.abs(d.start - pos);
    if (dist < bestDist) {
      best = d;
      bestDist = dist;
    }
  }
  return best;
}

function rangeInSentence(ranges: readonly DateRange[], a: number, b: number): DateRange | undefined {
  const r = ranges[lowerBound(ranges, a)];
  return r && r.end <= b ? r : undefined;
}

/** 自2024年9月27日起公示5个工作日: a dated start in the same sentence. */
function startInSentence(t: string, dates: readonly DateMention[], a: number, b: number): DateMention | null {
  for (let k = lowerBound(dates, a); k < dates.length; k++) {
    const d = dates[k] as DateMention;
    if (d.end > b) break;
    if (d.year !== null && /^[ ]?(?:起|开始)/u.test(t.slice(d.end, d.end + 3))) return d;
  }
  return null;
}

function nDayWindows(
  t: string,
  dates: readonly DateMention[],
  ranges: readonly DateRange[],
  issue: readonly DateMention[],
  counting: CommentParams['counting'],
  publicityNotice: () => boolean,
): Window[] {
  const out: Window[] = [];
  for (const m of nDayMatches(t)) {
    const numStart = m.index;
    const end = m.index + m[0].length;
    // the day of a date (截止日期：2024年3月1日) is not a number of days
    const prev = dates[lowerBound(dates, numStart + 1) - 1];
    if (prev && prev.start <= numStart && numStart < prev.end) continue;
    const before = t.slice(Math.max(0, numStart - 40), numStart);
    const anchor = NDAY_ANCHOR_RE.exec(before);
    if (!anchor) continue;
    const between = before.slice(anchor.index);
    if (RULE_WORDS_RE.test(between)) continue;
    const after = t.slice(end, end + 3);
    if (/^[ ]?(?:以上|后)/u.test(after)) continue;
    const [a, b] = sentenceBounds(t, numStart, end);
    const sentence = t.slice(a, b);
    if (isDutySentence(sentence)) continue;
    const paraStart = lineStartWithin(t, numStart, 2000);
    if ((paraStart === 0 || t.charCodeAt(paraStart - 1) === 0x0a) && ARTICLE_START_RE.test(t.slice(paraStart, paraStart + 12))) continue;
    if (anchor[1] !== undefined) {
      if (!OWN_VOICE_RE.test(sentence)) continue;
      if (!COMMENT_CONTEXT_RE.test(sentence) && !DEADLINE_CONTEXT_RE.test(sentence) && !(/公示|异议/u.test(sentence) && publicityNotice())) continue;
    } else if (anchor[3] !== undefined) {
      if (!publicityNotice()) continue;
    } else if (anchor[4] !== undefined) {
      if (!COMMENT_CONTEXT_RE.test(sentence) && !(/公示/u.test(sentence) && publicityNotice())) continue;
    }
    const n = Number(m[1]);
    const unit = m[2] as string;
    const startMention = rangeInSentence(ranges, a, b)?.from ?? startInSentence(t, dates, a, b) ?? pickStart(issue, numStart, null);
    const start = startMention ? toYMD(startMention) : null;
    let days: number;
    if (unit.endsWith('工作日')) {
      // Beyond a year of working days the calendar adds nothing to the verdict.
      if (start && n <= 260) days = count(start, nthWorkday(start, n), counting);
      // Without a start date, assume the window spans whole weeks.
      else days = Math.round((n * 7) / 5);
    } else if (unit === '个月') {
      days = start ? daysBetweenExclusive(start, addMonths(start, n)) : Math.round(n * 30);
    } else if (unit === '周' || unit === '个星期') {
      days = n * 7;
    } else {
      days = n;
    }
    const absAnchor = numStart - before.length + anchor.index;
    out.push({ priority: 2, s: absAnchor, e: end + (t[end] === '内' ? 1 : 0), days });
  }
  return out;
}

/** A notice asking for comments on a draft: a bare deadline field in it is the comment deadline. */
const COMMENT_NOTICE_RE = new CuedPattern(/征求意见稿|公开征求|征求[^。\n]{0,30}意见的(?:公告|通知|函)/u, ['征求'], [0, 2]);

/** The whole-text patterns searched by cue words, for tests that check each cue. */
export const CUED_PATTERNS: readonly CuedPattern[] = [PUBLICITY_PHRASE_RE, PUBLICITY_ANNOUNCED_RE, COMMENT_NOTICE_RE];
/** A labelled deadline field on its own line: 截止日期：DATE / 截止时间：DATE. */
const DEADLINE_FIELD_RE = /(?:^|\n)[ \u3000]*(?:意见)?(?:反馈|提交)?(?:截止|截至)(?:日期|时间)[:：][ ]?$/u;

function deadlineWindows(
  t: string,
  dates: readonly DateMention[],
  ranges: readonly DateRange[],
  issue: readonly DateMention[],
  counting: CommentParams['counting'],
): Window[] {
  const inRange = new Set<DateMention>();
  for (const r of ranges) {
    inRange.add(r.from);
    inRange.add(r.to);
  }
  const issueSet = new Set(issue);
  // Dates written as "DATE印发/发布" also tell when the notice went out.
  const starts = [...issue, ...dates.filter((d) => !issueSet.has(d) && d.year !== null && !d.yearCarried && ISSUED_AFTER_RE.test(t.slice(d.end, d.end + 4)))];
  starts.sort((x, y) => x.start - y.start);
  const out: Window[] = [];
  for (const d of dates) {
    if (inRange.has(d) || issueSet.has(d)) continue;
    // 每年12月31日前: a date that comes back every year is a rule's, never a notice's window
    if (RECURRING_BEFORE_RE.test(t.slice(Math.max(0, d.start - 4), d.start))) continue;
    const after = DEADLINE_AFTER_RE.exec(t.slice(d.end, d.end + 24));
    const lookBack = t.slice(Math.max(0, d.start - 10), d.start);
    const before =
      DEADLINE_BEFORE_RE.test(lookBack) || (DEADLINE_LEAD_RE.test(lookBack) && DEADLINE_SEND_RE.test(t.slice(d.end, d.end + 40)));
    if (!after && !before) continue;
    const [a, b] = sentenceBounds(t, d.start, d.end);
    const sentence = t.slice(a, b);
    const field = DEADLINE_FIELD_RE.test(t.slice(Math.max(0, d.start - 14), d.start)) && COMMENT_NOTICE_RE.test(t);
    if ((!field && !DEADLINE_CONTEXT_RE.test(sentence)) || /有效期|施行|实施之日/u.test(sentence)) continue;
    const e = d.end + (after ? after[0].length : 0);
    const lead = /(?:请于|请在|于|在|截止|截至|即日起?|之日起?)(?:日期|时间)?(?:为|是|：|到|至)?[ ]?$/u.exec(t.slice(Math.max(a, d.start - 8), d.start));
    const s = lead ? d.start - lead[0].length : d.start;
    const startMention = pickStart(starts, d.start, d);
    if (!startMention) {
      // 承办单位应当于8月31日前报送意见: with no date the notice went out, a duty addressed to
      // someone (应当, no 请) is a rule, not this document's deadline
      if (isDutySentence(sentence)) continue;
      out.push({ priority: 1, s, e, days: null });
      continue;
    }
    const start = toYMD(startMention) as YMD;
    let deadline: YMD = { year: d.year ?? start.year, month: d.month, day: d.day };
    if (d.yearCarried || d.year === null) {
      deadline = { ...deadline, year: start.year };
      if (compareDates(deadline, start) < 0) deadline = { ...deadline, year: start.year + 1 };
    }
    if (compareDates(deadline, start) < 0) {
      out.push({ priority: 1, s, e, days: null });
      continue;
    }
    out.push({ priority: 2, s, e, days: count(start, deadline, counting) });
  }
  return out;
}

/** Finds the document's own comment window in `norm` (the normalization of `original`) and checks its length. */
export function checkCommentPeriod(original: string, norm: Normalized, params: CommentParams): CommentResult {
  const t = norm.text;
  const dates = findDates(t);
  const ranges = findDateRanges(t, dates);
  const issue = findIssueDates(t, dates);
  // Asked only when a window depends on it: most texts are spared the search.
  let publicity: boolean | undefined;
  const publicityNotice = (): boolean => (publicity ??= isPublicityNotice(t));
  const windows = [
    ...rangeWindows(t, dates, ranges, params.counting, publicityNotice),
    ...nDayWindows(t, dates, ranges, issue, params.counting, publicityNotice),
    ...deadlineWindows(t, dates, ranges, issue, params.counting),
  ];
  const minDays = params.minDays;
  if (windows.length === 0) return { status: 'missing', days: null, minDays };
  let best = windows[0] as Window;
  for (const w of windows) if (w.priority > best.priority || (w.priority === best.priority && w.s < best.s)) best = w;
  const span = toOriginalSpan(norm, best.s, best.e, original);
  const located = { start: span.start, end: span.end, text: original.slice(span.start, span.end) };
  if (best.days === null) return { status: 'ok', days: null, minDays, ...located };
  return { status: best.days < minDays ? 'too_short' : 'ok', days: best.days, minDays, ...located };
}
