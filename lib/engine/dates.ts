// Date mentions in Chinese administrative text, on raw or normalized text alike.
import { parseChineseNumber } from './numerals';
import { cuePositions, matchesNear, occurrences, sticky } from './search';

/** A calendar day (month 1–12). */
export interface YMD {
  year: number;
  month: number;
  day: number;
}

/** One date found in a text; offsets are into the string given to findDates. */
export interface DateMention {
  start: number;
  end: number;
  year: number | null;
  month: number;
  day: number;
  /** true when the text omits the year and it was taken from an earlier date or the default */
  yearCarried: boolean;
  /** true for 3月底 / 年底 forms resolved to the last day of the period */
  periodEnd?: boolean;
  /** true when an HH:MM time follows the date (page timestamps such as 2020-11-09 16:37) */
  timestamp?: boolean;
}

/** A year-only span such as 2016年至2018年 (both years inclusive). */
export interface YearRange {
  start: number;
  end: number;
  fromYear: number;
  toYear: number;
}

/** Two dates joined by 至 / 到 / - / — / ～ (or 从…开始，至…结束). */
export interface DateRange {
  start: number;
  end: number;
  from: DateMention;
  to: DateMention;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (UTC, so no time-zone or DST drift). */
export function dayNumber(d: YMD): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY);
}

/** Inverse of dayNumber. */
export function fromDayNumber(n: number): YMD {
  const dt = new Date(n * MS_PER_DAY);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

/** Adds (or subtracts) whole days. */
export function addDays(d: YMD, days: number): YMD {
  return fromDayNumber(dayNumber(d) + days);
}

/** Adds calendar months, clamping the day to the target month's length (1月31日 + 1 month → 2月28/29日). */
export function addMonths(d: YMD, months: number): YMD {
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the y/m/d triple is a real calendar day. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Compares two days: negative when a is earlier. */
export function compareDates(a: YMD, b: YMD): number {
  return dayNumber(a) - dayNumber(b);
}

/** Days from a to b counting both ends (same day → 1). */
export function daysBetweenInclusive(a: YMD, b: YMD): number {
  return dayNumber(b) - dayNumber(a) + 1;
}

/** Days from a to b, start day not counted (same day → 0). */
export function daysBetweenExclusive(a: YMD, b: YMD): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * Calendar-accurate length in years of the period [from, to] with both ends included:
 * 2019-01-01..2023-12-31 → 5, 2026-07-01..2028-06-30 → 2, 2018-10-23..2018-11-12 → 0.0575.
 */
export function yearsBetweenInclusive(from: YMD, to: YMD): number {
  const endExclusive = dayNumber(to) + 1;
  if (endExclusive <= dayNumber(from)) return 0;
  let whole = 0;
  while (dayNumber(addYearsClamped(from, whole + 1)) <= endExclusive) whole++;
  const anchor = dayNumber(addYearsClamped(from, whole));
  const next = dayNumber(addYearsClamped(from, whole + 1));
  return whole + (endExclusive - anchor) / (next - anchor);
}

function addYearsClamped(d: YMD, years: number): YMD {
  return addMonths(d, years * 12);
}

/** ISO yyyy-mm-dd, the format chinese-days and the UI expect. */
export function formatIso(d: YMD): string {
  const p = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${p(d.year, 4)}-${p(d.month, 2)}-${p(d.day, 2)}`;
}

// ---- finding dates ---------------------------------------------------------------------------

const SP = '[ \\t\\u00a0\\u3000]{0,2}';
const YEAR = '(?:[12][0-9]{3}|[１２][０-９]{3}|[〇○零一二][〇○零一二三四五六七八九]{3})';
const MONTH = '(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])';
const DAY = '(?:[0-9０-９]{1,2}|[一二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])';

// Three forms, each tried only next to its anchor (月, a dddd-/./ prefix, 年底/年末) so the scan
// stays linear and cheap on long texts: (1) [年] 月 日|底|末, (2) numeric separators, (3) 2019年底.
// 月 and 年底/年末 are found by indexOf, far cheaper than a regex scan.
const FORM1_RE = new RegExp(
  `(?<![0-9０-９])(?:(${YEAR})${SP}年${SP})?(${MONTH})${SP}月${SP}(?:(${DAY})${SP}[日号]|(底|末))`,
  'y',
);
const FORM2_BODY = `([12][0-9]{3})([.\\-/])([0-9]{1,2})\\2([0-9]{1,2})(?![0-9])(?:(?:[ T]|${SP})([0-2]?[0-9]:[0-5][0-9]))?`;
const FORM2_RE = new RegExp(`(?<![0-9.\\-/])${FORM2_BODY}`, 'y');
// The second date of 2022.7.13-2022.7.17, right after a numeric date and its hyphen.
const FORM2_AFTER_RANGE_HYPHEN_RE = new RegExp(FORM2_BODY, 'y');
const FORM2_ANCHOR_RE = /[12][0-9]{3}[.\-/][0-9]/g;
const FORM3_RE = new RegExp(`(?<![0-9０-９])(${YEAR})${SP}年${SP}年?(底|末)`, 'y');
const FORM3_ANCHOR_RE = sticky(/年年?[底末]/);
// Characters a year or month can start with.
const DATE_START = new Set([...'0123456789０１２３４５６７８９〇○零一二两三四五六七八九十'].map((c) => c.charCodeAt(0)));

// A clock time may sit between a date and the connector (自2018年10月23日0时起至…24时止).
const CLOCK = '(?:[0-2]?[0-9][ ]?[时点](?:[0-5]?[0-9]分)?|[0-2]?[0-9][:：][0-5][0-9])';
const RANGE_CONNECTOR = `${SP}${CLOCK}?${SP}(?:起|开始)?[，,]?${SP}(?:至|到|——|—|－|-|–|～|~)${SP}`;
const DAY_ONLY_RE = new RegExp(`(${RANGE_CONNECTOR})(${DAY})${SP}[日号]`, 'y');
const CONNECTOR_ONLY_RE = new RegExp(`^${RANGE_CONNECTOR}$`);

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  return parseChineseNumber(s);
}

interface RawMatch {
  start: number;
  end: number;
  form: 1 | 2 | 3;
  m: RegExpExecArray;
}

/** The earliest match of a sticky `re` starting in [from, anchor) that covers `anchor`. */
function matchCovering(re: RegExp, text: string, from: number, anchor: number, form: 1 | 3): RawMatch | null {
  for (let s = Math.max(0, from); s < anchor; s++) {
    if (!DATE_START.has(text.charCodeAt(s))) continue;
    re.lastIndex = s;
    const m = re.exec(text);
    if (m && s + m[0].length > anchor) return { start: s, end: s + m[0].length, form, m };
  }
  return null;
}

function rawMatches(text: string): RawMatch[] {
  const raw: RawMatch[] = [];
  for (const i of occurrences(text, '月')) {
    const r = matchCovering(FORM1_RE, text, i - 14, i, 1);
    if (r) raw.push(r);
  }
  FORM2_ANCHOR_RE.lastIndex = 0;
  let a: RegExpExecArray | null;
  while ((a = FORM2_ANCHOR_RE.exec(text)) !== null) {
    FORM2_RE.lastIndex = a.index;
    let m = FORM2_RE.exec(text);
    const prev = raw[raw.length - 1];
    if (!m && prev && prev.form === 2 && prev.end === a.index - 1 && text[a.index - 1] === '-') {
      FORM2_AFTER_RANGE_HYPHEN_RE.lastIndex = a.index;
      m = FORM2_AFTER_RANGE_HYPHEN_RE.exec(text);
    }
    if (m) raw.push({ start: a.index, end: a.index + m[0].length, form: 2, m });
    FORM2_ANCHOR_RE.lastIndex = a.index + 1;
  }
  // 年年?[底末] as a whole-text scan finds it: each match starts at or right before a 年底/年末.
  for (const anchor of matchesNear(FORM3_ANCHOR_RE, text, cuePositions(text, ['年底', '年末']), -1, 0)) {
    const r = matchCovering(FORM3_RE, text, anchor.index - 8, anchor.index, 3);
    if (r) raw.push(r);
  }
  raw.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: RawMatch[] = [];
  let lastEnd = -1;
  for (const r of raw) {
    if (r.start < lastEnd) continue;
    out.push(r);
    lastEnd = r.end;
  }
  return out;
}

let memo: { text: string; defaultYear: number | undefined; dates: DateMention[] } | null = null;

/** Drops the kept dates (see findDates). */
export function forgetDates(): void {
  memo = null;
}

/**
 * All dates in order: 2023年4月28日, 二〇二三年四月二十八日, 2023.4.28, 2023-04-28, 2023/4/28,
 * year-less 4月28日 (year carried), range ends 至28日, 2019年3月底, 2019年底, timestamps.
 */
export function findDates(text: string, opts?: { defaultYear?: number }): DateMention[] {
  const defaultYear = opts?.defaultYear;
  // The validity and comment checks of one check() scan the same normalized text: its dates are
  // computed once and kept until forgetDates() (check() calls it first).
  if (memo && memo.text === text && memo.defaultYear === defaultYear) return memo.dates.map((d) => ({ ...d }));
  const dates = computeDates(text, defaultYear);
  memo = { text, defaultYear, dates };
  return dates.map((d) => ({ ...d }));
}

function computeDates(text: string, defaultYear: number | undefined): DateMention[] {
  const out: DateMention[] = [];
  let lastFullYear: number | null = defaultYear ?? null;
  for (const { m, start, end, form } of rawMatches(text)) {
    let mention: DateMention | null = null;
    if (form === 1) {
      const year = num(m[1]);
      const month = num(m[2]);
      if (month === null) continue;
      const carried = year === null;
      const y = year ?? lastFullYear;
      if (m[4] !== undefined) {
        if (month < 1 || month > 12) continue;
        const day = daysInMonth(y ?? 2001, month);
        mention = { start, end, year: y, month, day, yearCarried: carried, periodEnd: true };
      } else {
        const day = num(m[3]);
        if (day === null || !isValidDate(y ?? 2000, month, day)) continue;
        mention = { start, end, year: y, month, day, yearCarried: carried };
      }
      if (carried && y !== null) {
        // A year-less range end (12月20日至1月19日) rolls over into the next year.
        const prev = out[out.length - 1];
        if (prev && prev.year !== null && isRangeGap(text, prev.end, start)) {
          if (compareDates(mention as YMD, prev as YMD) < 0) mention.year = prev.year + 1;
        }
      }
      if (!carried) lastFullYear = year;
    } else if (form === 2) {
      const year = Number(m[1]);
      const month = Number(m[3]);
      const day = Number(m[4]);
      if (!isValidDate(year, month, day)) continue;
      mention = { start, end, year, month, day, yearCarried: false };
      if (m[5] !== undefined) {
        mention.timestamp = true;
        // The span covers the date only; the time is irrelevant to day counts.
        mention.end = start + (m[1] as string).length + (m[3] as string).length + (m[4] as string).length + 2;
      }
      lastFullYear = year;
    } else {
      const year = num(m[1]);
      if (year === null) continue;
      mention = { start, end, year, month: 12, day: 31, yearCarried: false, periodEnd: true };
      lastFullYear = year;
    }
    out.push(mention);
    // 2023年3月6日至28日: the second half names only the day.
    DAY_ONLY_RE.lastIndex = mention.end;
    const dm = DAY_ONLY_RE.exec(text);
    if (dm) {
      const day = num(dm[2]);
      if (day !== null && day > mention.day && isValidDate(mention.year ?? 2000, mention.month, day)) {
        const s = dm.index + (dm[1] as string).length;
        out.push({ start: s, end: dm.index + dm[0].length, year: mention.year, month: mention.month, day, yearCarried: true });
      }
    }
  }
  return out;
}

function isRangeGap(text: string, from: number, to: number): boolean {
  if (to - from > 16) return false;
  return CONNECTOR_ONLY_RE.test(text.slice(from, to));
}

/** Pairs of consecutive dates joined by a range connector (至 / 到 / - / — / ～, 起至, 开始，至). */
export function findDateRanges(text: string, dates: readonly DateMention[] = findDates(text)): DateRange[] {
  const out: DateRange[] = [];
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i] as DateMention;
    const b = dates[i + 1] as DateMention;
    if (isRangeGap(text, a.end, b.start)) {
      out.push({ start: a.start, end: b.end, from: a, to: b });
      i++;
    }
  }
  return out;
}

// No leading lookbehind: it would stop the engine from skipping ahead to candidate digits.
const YEAR_RANGE_RE = /((?:19|20)[0-9]{2})[ \u3000]?年?[ \u3000]?(?:至|到|——|—|－|-|–|～|~)[ \u3000]?((?:19|20)[0-9]{2})[ \u3000]?年(?![ \u3000]?[0-9]{1,2}[ \u3000]?月)/g;

/** Year-only spans (2016年至2018年, 2025—2027年); expects ASCII digits (normalized text). */
export function findYearRanges(text: string): YearRange[] {
  const out: YearRange[] = [];
  YEAR_RANGE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR_RANGE_RE.exec(text)) !== null) {
    const p = text.charCodeAt(m.index - 1);
    if (p >= 0x30 && p <= 0x39) {
      YEAR_RANGE_RE.lastIndex = m.index + 1;
      continue;
    }
    const fromYear = Number(m[1]);
    const toYear = Number(m[2]);
    if (toYear < fromYear) continue;
    out.push({ start: m.index, end: m.index + m[0].length, fromYear, toYear });
  }
  return out;
}

const YEAR_RANGE_AT_RE = new RegExp(YEAR_RANGE_RE.source, 'y');
// Every character a year range can hold.
const YEAR_RANGE_CHAR_RE = /[0-9 \u3000年至到—－\-–～~]/;

/**
 * The first year range of findYearRanges(text) that starts in [from, to), without scanning the
 * whole text. A character before `from` that no range can hold means that no range runs across
 * `from`, so trying each position from there finds what the whole-text scan finds; otherwise
 * (rare) the whole text is scanned.
 */
export function firstYearRangeIn(text: string, from: number, to: number): YearRange | undefined {
  if (from > 0 && YEAR_RANGE_CHAR_RE.test(text[from - 1] as string)) return findYearRanges(text).find((r) => r.start >= from && r.start < to);
  for (let s = from; s < to; s++) {
    YEAR_RANGE_AT_RE.lastIndex = s;
    const m = YEAR_RANGE_AT_RE.exec(text);
    if (m === null) continue;
    // As in findYearRanges: a range inside a longer number is skipped, one that runs backwards is passed over.
    const p = text.charCodeAt(s - 1);
    if (p >= 0x30 && p <= 0x39) continue;
    const fromYear = Number(m[1]);
    const toYear = Number(m[2]);
    if (toYear >= fromYear) return { start: s, end: s + m[0].length, fromYear, toYear };
    s += m[0].length - 1;
  }
  return undefined;
}

/** Start of the line holding `pos`, looking back at most `limit` characters (keeps callers linear). */
export function lineStartWithin(text: string, pos: number, limit: number): number {
  const floor = Math.max(0, pos - limit);
  // Searched in a slice so the look-back stays bounded; a native search beats a character loop.
  const k = text.slice(floor, Math.max(floor, pos)).lastIndexOf('\n');
  return k < 0 ? floor : floor + k + 1;
}

/** End of the line holding `pos` (index of its newline), looking ahead at most `limit` characters. */
export function lineEndWithin(text: string, pos: number, limit: number): number {
  const from = Math.max(0, pos);
  const ceil = Math.min(text.length, pos + limit);
  const k = text.slice(from, Math.max(from, ceil)).indexOf('\n');
  return k < 0 ? ceil : from + k;
}

/** The date as a plain YMD, or null when its year is unknown. */
export function toYMD(d: DateMention): YMD | null {
  return d.year === null ? null : { year: d.year, month: d.month, day: d.day };
}

const ISSUE_LABEL = /(?:发布|印发|成文|发文|公布|签发|公告|发表|更新|公开|发稿)(?:日期|时间)[ \t\u00a0\u3000]*[:：]?[ \t\u00a0\u3000]*$/u;

/**
 * Dates that read as the document's own signature or publication date: a date alone on its line
 * (issuing organ before it allowed), a page time stamp, or a 发布日期/印发日期-style field.
 */
export function findIssueDates(text: string, dates: readonly DateMention[] = findDates(text)): DateMention[] {
  const out: DateMention[] = [];
  for (const d of dates) {
    if (d.year === null || d.yearCarried || d.periodEnd) continue;
    // Bounded windows keep this linear on pathological single-line input.
    const ls = lineStartWithin(text, d.start, 61);
    const le = lineEndWithin(text, d.end, 60);
    const before = text.slice(ls, d.start);
    const after = text.slice(d.end, le);
    const lineShortBefore = ls === 0 || text.charCodeAt(ls - 1) === 0x0a;
    const afterRest = after.replace(/^[ \t\u00a0\u3000]*(?:[0-2]?[0-9][:：][0-5][0-9](?:[:：][0-5][0-9])?)?/u, '');
    if (ISSUE_LABEL.test(before)) {
      out.push(d);
      continue;
    }
    const restAfterEmpty = /^[ \t\u00a0\u3000)）\]】]*$/u.test(afterRest);
    if (!restAfterEmpty && !d.timestamp) continue;
    if (d.timestamp && lineShortBefore && !/[，。；？！]/u.test(before)) {
      out.push(d);
      continue;
    }
    if (!restAfterEmpty || !lineShortBefore) continue;
    // An organ name (or nothing) may precede the date on its line, but no sentence.
    if (/[，。；？！：:]/u.test(before)) continue;
    out.push(d);
  }
  return out;
}
