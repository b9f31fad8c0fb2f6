// Offset-preserving normalization: rule patterns are written once, in Chinese punctuation with
// ASCII digits, and every match can still be painted on the user's original text.
import { CHINESE_DIGITS, parseChineseNumber } from './numerals';

/** Normalized text plus the map back to the original string. */
export interface Normalized {
  /** normalized text */
  text: string;
  /** toOrig[i] = index in the original string of normalized char i; length text.length + 1 (last = original length) */
  toOrig: Int32Array;
}

const HALF_TO_FULL_PUNCT: Readonly<Record<number, number>> = {
  0x2c: 0xff0c, // , → ，
  0x3b: 0xff1b, // ; → ；
  0x3a: 0xff1a, // : → ：
  0x28: 0xff08, // ( → （
  0x29: 0xff09, // ) → ）
  0x3f: 0xff1f, // ? → ？
  0x21: 0xff01, // ! → ！
};

const SPACE = 0x20;
const NEWLINE = 0x0a;

function isSpaceLike(c: number): boolean {
  return c === SPACE || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x0b || c === 0x0c;
}

/** Invisible characters that only break pattern matching (BOM, zero-width space/joiners). */
function isInvisible(c: number): boolean {
  return c === 0xfeff || c === 0x200b || c === 0x200c || c === 0x200d;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isFullWidthDigit(c: number): boolean {
  return c >= 0xff10 && c <= 0xff19;
}

/** CJK ideographs and CJK/full-width punctuation: spaces between two of these are layout noise. */
export function isCjkLike(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x2e80 && c <= 0x2fdf) ||
    (c >= 0x3001 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    (c >= 0x2010 && c <= 0x2027) ||
    c === 0x25cb
  );
}

function mapChar(c: number): number {
  if (isFullWidthDigit(c) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return c - 0xfee0;
  return c;
}

// ---- numeral context -------------------------------------------------------------------------

const NUMERAL_CODES = new Set<number>();
for (const ch of [...Object.keys(CHINESE_DIGITS), '十', '百', '千', '万', '亿', '廿', '卅']) NUMERAL_CODES.add(ch.charCodeAt(0));
const BIG_UNIT_CODES = new Set<number>(['千', '万', '亿'].map((c) => c.charCodeAt(0)));
const cc = (s: string): number => s.charCodeAt(0);

const SINGLE_UNITS = new Set<number>([...'年月日天元倍条款项章节次人名家岁时周%％'].map(cc));
// 个 only counts as a unit before a duration word: "三个代表" and "两个规定" are names, not quantities.
const AFTER_GE = ['工作日', '自然日', '季度', '星期', '小时', '半月', '百分点', '月', '年', '周'];
// A bare 一 is usually the article or part of a word (一律, 统一, 一次性); convert it only before
// durations, and never after characters that form words with it.
const BARE_YI_UNITS = new Set<number>([...'年月日天周倍岁元'].map(cc));
const BARE_YI_WORD_PREFIX = new Set<number>([...'统唯同单划专逐归合整均之某任纯齐如万其'].map(cc));
const LONE_BIG = new Set<number>([...'百千万亿'].map(cc));

function startsWithAt(a: Uint16Array, len: number, at: number, word: string): boolean {
  if (at + word.length > len) return false;
  for (let i = 0; i < word.length; i++) if (a[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

function isNumeralOrDigit(c: number | undefined): boolean {
  return c !== undefined && (NUMERAL_CODES.has(c) || isAsciiDigit(c));
}

/** Returns true when the chars at `at` form a unit word that makes the preceding numeral numeric. */
function unitFollows(a: Uint16Array, len: number, at: number, bareYi: boolean): boolean {
  if (at >= len) return false;
  const c = a[at] as number;
  if (c === cc('个')) {
    for (const w of AFTER_GE) if (startsWithAt(a, len, at + 1, w)) return true;
    return false;
  }
  if (c === cc('至')) return isNumeralOrDigit(a[at + 1]);
  if (startsWithAt(a, len, at, '小时')) return true;
  if (bareYi) {
    if (c === cc('元')) return a[at + 1] !== cc('化');
    return BARE_YI_UNITS.has(c);
  }
  if (startsWithAt(a, len, at, '分之') || startsWithAt(a, len, at, '以上') || startsWithAt(a, len, at, '以下')) return true;
  if ((c === cc('余') || c === cc('多')) && at + 1 < len && SINGLE_UNITS.has(a[at + 1] as number)) return true;
  if (c === cc('元')) return a[at + 1] !== cc('化');
  return SINGLE_UNITS.has(c);
}

function runString(a: Uint16Array, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) out += String.fromCharCode(a[i] as number);
  return out;
}

function isDigitStyle(run: string): boolean {
  for (const ch of run) if (!(ch in CHINESE_DIGITS) || ch === '两') return false;
  return true;
}

// ---- main ------------------------------------------------------------------------------------

class Builder {
  codes: Uint16Array;
  map: Int32Array;
  len = 0;
  constructor(cap: number) {
    this.codes = new Uint16Array(Math.max(16, cap));
    this.map = new Int32Array(Math.max(16, cap) + 1);
  }
  push(code: number, orig: number): void {
    if (this.len >= this.codes.length) {
      const codes = new Uint16Array(this.codes.length * 2);
      codes.set(this.codes);
      const map = new Int32Array(this.codes.length * 2 + 1);
      map.set(this.map);
      this.codes = codes;
      this.map = map;
    }
    this.codes[this.len] = code;
    this.map[this.len] = orig;
    this.len++;
  }
  /** Emits `digits` for the source span [s, e), spreading offsets monotonically over it. */
  pushSpread(digits: string, s: number, e: number, srcMap: Int32Array): void {
    const n = digits.length;
    const width = e - s;
    for (let k = 0; k < n; k++) {
      const src = s + Math.floor((k * width) / n);
      this.push(digits.charCodeAt(k), srcMap[src] as number);
    }
  }
}

function toString(codes: Uint16Array, len: number): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < len; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

/** Character-level pass: width, punctuation, spaces and line ends. */
function normalizeChars(original: string): Builder {
  const n = original.length;
  const b = new Builder(n);
  let spaceStart = -1;
  for (let i = 0; i < n; i++) {
    let c = original.charCodeAt(i);
    if (isInvisible(c)) continue;
    if (isSpaceLike(c)) {
      if (spaceStart < 0) spaceStart = i;
      continue;
    }
    let origIndex = i;
    if (c === 0x0d) {
      c = NEWLINE;
      if (original.charCodeAt(i + 1) === NEWLINE) i++;
    }
    c = mapChar(c);
    const prev = b.len > 0 ? (b.codes[b.len - 1] as number) : -1;
    if (c in HALF_TO_FULL_PUNCT) {
      const next = mapChar(original.charCodeAt(i + 1));
      const keep =
        // 17:00 and 10,000 stay ASCII: they are numbers, not prose punctuation.
        spaceStart < 0 &&
        isAsciiDigit(prev) &&
        isAsciiDigit(next) &&
        (c === 0x3a || (c === 0x2c && isThousandsGroup(original, i + 1)));
      if (!keep) c = HALF_TO_FULL_PUNCT[c] as number;
    }
    if (spaceStart >= 0) {
      // "行 政 许 可": stray spaces inside Chinese text come from layout, not meaning.
      if (!(prev >= 0 && isCjkLike(prev) && isCjkLike(c))) b.push(SPACE, spaceStart);
      spaceStart = -1;
    }
    b.push(c, origIndex);
  }
  if (spaceStart >= 0) b.push(SPACE, spaceStart);
  b.map[b.len] = n;
  return b;
}

function isThousandsGroup(s: string, at: number): boolean {
  for (let k = 0; k < 3; k++) if (!isAsciiDigit(mapChar(s.charCodeAt(at + k)))) return false;
  return !isAsciiDigit(mapChar(s.charCodeAt(at + 3)));
}

/** Numeral pass: Chinese numerals in a numeric context become ASCII digits. */
function normalizeNumerals(src: Builder, origLength: number): Builder {
  const a = src.codes;
  const len = src.len;
  const m = src.map;
  const out = new Builder(len);
  const DI = cc('第');
  let i = 0;
  while (i < len) {
    const c = a[i] as number;
    const startsNumeral = NUMERAL_CODES.has(c) && !(i > 0 && NUMERAL_CODES.has(a[i - 1] as number));
    const startsArabicMixed = isAsciiDigit(c) && !(i > 0 && (isAsciiDigit(a[i - 1] as number) || a[i - 1] === 0x2e));
    if (!startsNumeral && !startsArabicMixed) {
      out.push(c, m[i] as number);
      i++;
      continue;
    }
    let r = i;
    if (startsArabicMixed) {
      while (r < len && (isAsciiDigit(a[r] as number) || (a[r] === 0x2e && isAsciiDigit(a[r + 1] as number)))) r++;
      // 3万 / 1.5万元: only a following 千/万/亿 makes an Arabic number worth rewriting.
      if (!(r < len && BIG_UNIT_CODES.has(a[r] as number))) {
        for (let k = i; k < r; k++) out.push(a[k] as number, m[k] as number);
        i = r;
        continue;
      }
    }
    while (r < len && NUMERAL_CODES.has(a[r] as number)) r++;
    const run = runString(a, i, r);
    const replaced = convertRun(a, len, i, r, run, out, m, DI);
    if (replaced > 0) {
      i = replaced;
      continue;
    }
    for (let k = i; k < r; k++) out.push(a[k] as number, m[k] as number);
    i = r;
  }
  out.map[out.len] = origLength;
  return out;
}

/** Emits the converted run and returns the index after it, or 0 when the run stays as written. */
function convertRun(
  a: Uint16Array,
  len: number,
  s: number,
  e: number,
  run: string,
  out: Builder,
  m: Int32Array,
  DI: number,
): number {
  const prev = s > 0 ? (a[s - 1] as number) : -1;
  const ordinal = prev === DI;
  const afterFraction = s >= 2 && a[s - 2] === cc('分') && a[s - 1] === cc('之');

  // 百分之三十 → 30%
  if (run === '百' && startsWithAt(a, len, e, '分之')) {
    let r2 = e + 2;
    while (r2 < len && (NUMERAL_CODES.has(a[r2] as number) || isAsciiDigit(a[r2] as number) || (a[r2] === 0x2e && isAsciiDigit(a[r2 + 1] as number)))) r2++;
    if (r2 > e + 2) {
      const v = parseChineseNumber(runString(a, e + 2, r2));
      if (v !== null) {
        out.pushSpread(`${formatNumber(v)}%`, s, r2, m);
        return r2;
      }
    }
    return 0;
  }

  const bareYi = run === '一' && !ordinal;
  if (bareYi && BARE_YI_WORD_PREFIX.has(prev)) return 0;
  if (!ordinal && !afterFraction) {
    if (!unitFollows(a, len, e, bareYi)) return 0;
    if (run.length === 1 && (LONE_BIG.has(run.charCodeAt(0)) || run === '〇' || run === '○')) return 0;
    // 二次供水 / 二次污染 are terms; counts of times use 两次.
    if (run === '二' && a[e] === cc('次')) return 0;
  }
  // 三五年 / 七八个 are approximations, not 35 / 78.
  const digitStyle = isDigitStyle(run);
  if (digitStyle && run.length === 2 && !/[〇○零]/.test(run)) return 0;
  const value = parseChineseNumber(run);
  if (value === null) return 0;
  if (digitStyle && run.length > 1) {
    for (let k = s; k < e; k++) out.push(0x30 + (CHINESE_DIGITS[String.fromCharCode(a[k] as number)] ?? 0), m[k] as number);
  } else {
    out.pushSpread(formatNumber(value), s, e, m);
  }
  return e;
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
}

/**
 * Offset-preserving normalization (full-width alphanumerics, ASCII punctuation → Chinese, spaces,
 * line ends, Chinese numerals in numeric contexts → digits); linear time.
 */
export function normalize(original: string): Normalized {
  const chars = normalizeChars(original);
  const nums = normalizeNumerals(chars, original.length);
  return { text: toString(nums.codes, nums.len), toOrig: nums.map.slice(0, nums.len + 1) };
}

/**
 * Maps a normalized span [s, e) to the original span; with `original`, whitespace that
 * normalization removed at the span's end is not included.
 */
export function toOriginalSpan(norm: Normalized, s: number, e: number, original?: string): { start: number; end: number } {
  const len = norm.text.length;
  const cs = Math.max(0, Math.min(s, len));
  const ce = Math.max(cs, Math.min(e, len));
  const start = norm.toOrig[cs] as number;
  let end = norm.toOrig[ce] as number;
  if (original !== undefined && ce > cs) {
    const floor = (norm.toOrig[ce - 1] as number) + 1;
    while (end > floor && isTrimmable(original.charCodeAt(end - 1))) end--;
  }
  return { start, end };
}

function isTrimmable(c: number): boolean {
  return isSpaceLike(c) || isInvisible(c) || c === 0x0d || c === NEWLINE;
}
