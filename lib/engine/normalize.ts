// Offset-preserving normalization: rule patterns are written once, in Chinese punctuation with
// ASCII digits, and every match can still be painted on the user's original text.
import { CHINESE_DIGITS, isDigitByDigit, parseNumeralCodes } from './numerals';

/** Normalized text plus the map back to the original string. */
export interface Normalized {
  /** normalized text */
  text: string;
  /** toOrig[i] = index in the original string of normalized char i; length text.length + 1 (last = original length) */
  toOrig: Int32Array;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;

// Per-code-unit class flags and mapped code units, built once: one table lookup per character
// keeps the pass at a few ms per million characters.
const F_SPACE = 1;
const F_CJK = 2;
const F_NUMERAL = 4;
const F_DIGIT = 8;
const F_HALF_PUNCT = 16;
const F_INVISIBLE = 32;
const CLS = new Uint8Array(65536);
const MAPPED = new Uint16Array(65536);
/** 1 for the code units that are copied as they are (most of a text): the char pass's fast path */
const PLAIN = new Uint8Array(65536);

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

const cc = (s: string): number => s.charCodeAt(0);

(function buildTables(): void {
  for (let c = 0; c < 65536; c++) {
    MAPPED[c] = c;
    if (isCjkLike(c)) CLS[c] = (CLS[c] as number) | F_CJK;
  }
  for (const c of [0x20, 0x09, 0x3000, 0xa0, 0x2002, 0x2003, 0x0b, 0x0c]) {
    CLS[c] = F_SPACE;
    MAPPED[c] = SPACE;
  }
  for (const c of [0xfeff, 0x200b, 0x200c, 0x200d]) CLS[c] = F_INVISIBLE;
  for (let c = 0xff10; c <= 0xff19; c++) MAPPED[c] = c - 0xfee0;
  for (let c = 0xff21; c <= 0xff3a; c++) MAPPED[c] = c - 0xfee0;
  for (let c = 0xff41; c <= 0xff5a; c++) MAPPED[c] = c - 0xfee0;
  for (let c = 0x30; c <= 0x39; c++) CLS[c] = (CLS[c] as number) | F_DIGIT;
  for (const [half, full] of [
    [',', '，'],
    [';', '；'],
    [':', '：'],
    ['(', '（'],
    [')', '）'],
    ['?', '？'],
    ['!', '！'],
  ] as const) {
    CLS[cc(half)] = F_HALF_PUNCT;
    MAPPED[cc(half)] = cc(full);
  }
  for (const ch of [...Object.keys(CHINESE_DIGITS), '十', '百', '千', '万', '亿', '廿', '卅']) {
    CLS[cc(ch)] = (CLS[cc(ch)] as number) | F_NUMERAL;
  }
  for (let c = 0; c < 65536; c++) {
    const slow = ((CLS[c] as number) & (F_SPACE | F_INVISIBLE | F_HALF_PUNCT | F_NUMERAL)) !== 0 || c === 0x0d || (c >= 0xd800 && c <= 0xdfff) || MAPPED[c] !== c;
    PLAIN[c] = slow ? 0 : 1;
  }
})();

function isAsciiDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

// ---- numeral context -------------------------------------------------------------------------

const BIG_UNIT_CODES = new Set<number>(['千', '万', '亿'].map(cc));
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

function isNumeral(c: number | undefined): boolean {
  return c !== undefined && ((CLS[c] as number) & F_NUMERAL) !== 0;
}

function isNumeralOrDigit(c: number | undefined): boolean {
  return c !== undefined && ((CLS[c] as number) & (F_NUMERAL | F_DIGIT)) !== 0;
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

// ---- main ------------------------------------------------------------------------------------

class Builder {
  codes: Uint16Array;
  map: Int32Array;
  len = 0;
  constructor(cap: number) {
    this.codes = new Uint16Array(Math.max(16, cap));
    this.map = new Int32Array(Math.max(16, cap) + 1);
  }
  /** Empties the builder and makes room for `cap` code units (contents are not kept). */
  reset(cap: number): this {
    this.len = 0;
    if (this.codes.length < cap) {
      this.codes = new Uint16Array(cap);
      this.map = new Int32Array(cap + 1);
    }
    return this;
  }
  ensure(extra: number): void {
    if (this.len + extra < this.codes.length) return;
    const cap = Math.max(this.codes.length * 2, this.len + extra + 16);
    const codes = new Uint16Array(cap);
    codes.set(this.codes.subarray(0, this.len));
    const map = new Int32Array(cap + 1);
    map.set(this.map.subarray(0, this.len));
    this.codes = codes;
    this.map = map;
  }
  push(code: number, orig: number): void {
    this.ensure(1);
    this.codes[this.len] = code;
    this.map[this.len] = orig;
    this.len++;
  }
  /** Emits `digits` for the source span [s, e), spreading offsets monotonically over it. */
  pushSpread(digits: string, s: number, e: number, srcMap: Int32Array): void {
    const n = digits.length;
    const width = e - s;
    this.ensure(n);
    for (let k = 0; k < n; k++) {
      const src = s + Math.floor((k * width) / n);
      this.codes[this.len] = digits.charCodeAt(k);
      this.map[this.len] = srcMap[src] as number;
      this.len++;
    }
  }
}

// TextDecoder (Node, browsers, workers) builds a 1M-character string several times faster than
// String.fromCharCode; it would replace lone surrogates, so it is used only when there are none.
const utf16Decoder: { decode(input: Uint16Array): string } | null =
  typeof TextDecoder === 'undefined' ? null : new TextDecoder('utf-16le');

function toString(codes: Uint16Array, len: number, hasSurrogates: boolean): string {
  if (utf16Decoder && !hasSurrogates) return utf16Decoder.decode(codes.subarray(0, len));
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < len; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

interface CharPass {
  b: Builder;
  /** normalized indices where a run of Chinese numerals starts */
  runStarts: Int32Array;
  runCount: number;
  hasSurrogates: boolean;
}

// Fresh typed arrays of a few hundred KB cost more to allocate (zeroed pages) than to fill: the
// buffers of the two passes are kept between calls and reused, for texts of up to KEEP_LIMIT
// code units (6 bytes a code unit and pass: 12 MB at most, for a text of a million characters).
const KEEP_LIMIT = 1 << 20;
const charBuffers = new Builder(0);
const numeralBuffers = new Builder(0);

function buffers(kept: Builder, cap: number): Builder {
  return cap <= KEEP_LIMIT ? kept.reset(cap) : new Builder(cap);
}

/** Character-level pass: width, punctuation, spaces and line ends (never longer than the input). */
function normalizeChars(original: string): CharPass {
  const n = original.length;
  const b = buffers(charBuffers, n + 1);
  const codes = b.codes;
  const map = b.map;
  let runStarts = new Int32Array(64);
  let runCount = 0;
  let hasSurrogates = false;
  let k = 0;
  let spaceStart = -1;
  for (let i = 0; i < n; i++) {
    let c = original.charCodeAt(i);
    if (PLAIN[c] === 1 && spaceStart < 0) {
      codes[k] = c;
      map[k] = i;
      k++;
      continue;
    }
    const f = CLS[c] as number;
    // a numeral run starts where the previous output character is no numeral
    const prevNumeral = k > 0 && ((CLS[codes[k - 1] as number] as number) & F_NUMERAL) !== 0;
    if ((f & (F_SPACE | F_INVISIBLE | F_HALF_PUNCT)) === 0 && spaceStart < 0 && c !== 0x0d) {
      // Numerals, full-width letters and digits, surrogates: only the width mapping.
      if (f & F_NUMERAL) {
        if (!prevNumeral) {
          if (runCount === runStarts.length) {
            const grown = new Int32Array(runStarts.length * 2);
            grown.set(runStarts);
            runStarts = grown;
          }
          runStarts[runCount++] = k;
        }
      } else if (c >= 0xd800 && c <= 0xdfff) {
        hasSurrogates = true;
      }
      codes[k] = MAPPED[c] as number;
      map[k] = i;
      k++;
      continue;
    }
    if (f & F_SPACE) {
      if (spaceStart < 0) spaceStart = i;
      continue;
    }
    if (f & F_INVISIBLE) continue;
    if (c >= 0xd800 && c <= 0xdfff) hasSurrogates = true;
    const origIndex = i;
    if (c === 0x0d) {
      c = NEWLINE;
      if (original.charCodeAt(i + 1) === NEWLINE) i++;
    } else {
      c = MAPPED[c] as number;
    }
    const prev = k > 0 ? (codes[k - 1] as number) : -1;
    if (f & F_HALF_PUNCT) {
      const raw = original.charCodeAt(i);
      // 17:00 and 10,000 stay ASCII: they are numbers, not prose punctuation.
      const keep =
        spaceStart < 0 &&
        isAsciiDigit(prev) &&
        isAsciiDigit(MAPPED[original.charCodeAt(i + 1)]) &&
        (raw === 0x3a || (raw === 0x2c && isThousandsGroup(original, i + 1)));
      if (keep) c = raw;
    }
    let afterNumeral = prevNumeral;
    if (spaceStart >= 0) {
      // "行 政 许 可": stray spaces inside Chinese text come from layout, not meaning.
      if (!(prev >= 0 && (CLS[prev] as number) & F_CJK && (CLS[c] as number) & F_CJK)) {
        codes[k] = SPACE;
        map[k] = spaceStart;
        k++;
        afterNumeral = false;
      }
      spaceStart = -1;
    }
    const isNum = ((CLS[c] as number) & F_NUMERAL) !== 0;
    if (isNum && !afterNumeral) {
      if (runCount === runStarts.length) {
        const grown = new Int32Array(runStarts.length * 2);
        grown.set(runStarts);
        runStarts = grown;
      }
      runStarts[runCount++] = k;
    }
    codes[k] = c;
    map[k] = origIndex;
    k++;
  }
  return finishChars(b, k, n, spaceStart, runStarts, runCount, hasSurrogates);
}

// Kept out of the loop's function: V8 optimizes the long loop on the stack (OSR), and code after
// such a loop that has never run in the interpreter deoptimizes the function on every call.
function finishChars(b: Builder, k: number, n: number, spaceStart: number, runStarts: Int32Array, runCount: number, hasSurrogates: boolean): CharPass {
  if (spaceStart >= 0) {
    b.codes[k] = SPACE;
    b.map[k] = spaceStart;
    k++;
  }
  b.map[k] = n;
  b.len = k;
  return { b, runStarts, runCount, hasSurrogates };
}

function isThousandsGroup(s: string, at: number): boolean {
  for (let k = 0; k < 3; k++) if (!isAsciiDigit(MAPPED[s.charCodeAt(at + k)])) return false;
  return !isAsciiDigit(MAPPED[s.charCodeAt(at + 3)]);
}

/** Numeral pass: Chinese numerals in a numeric context become ASCII digits; only run starts are visited. */
function normalizeNumerals(pass: CharPass, origLength: number): Builder {
  const src = pass.b;
  const a = src.codes;
  const len = src.len;
  const m = src.map;
  if (pass.runCount === 0) return src;
  const out = buffers(numeralBuffers, len + 64);
  let copied = 0;
  const copyTo = (end: number): void => {
    const n = end - copied;
    if (n <= 0) return;
    out.ensure(n);
    const oc = out.codes;
    const om = out.map;
    let o = out.len;
    if (n < 256) {
      // Short stretches between numerals: a plain loop beats allocating subarray views.
      for (let k = copied; k < end; k++, o++) {
        oc[o] = a[k] as number;
        om[o] = m[k] as number;
      }
    } else {
      oc.set(a.subarray(copied, end), o);
      om.set(m.subarray(copied, end), o);
      o += n;
    }
    out.len = o;
    copied = end;
  };
  for (let r = 0; r < pass.runCount; r++) {
    let s = pass.runStarts[r] as number;
    if (s < copied) continue;
    let e = s;
    while (e < len && isNumeral(a[e])) e++;
    // 3万 / 1.5万元: Arabic digits right before 千/万/亿 belong to the same number.
    if (s > copied && BIG_UNIT_CODES.has(a[s] as number) && isAsciiDigit(a[s - 1])) {
      let d = s;
      while (d > copied && (isAsciiDigit(a[d - 1]) || (a[d - 1] === 0x2e && isAsciiDigit(a[d - 2])))) d--;
      // Stop short of text already emitted (or a leading dot): then the run stays as written.
      if (!(d > 0 && (isAsciiDigit(a[d - 1]) || a[d - 1] === 0x2e))) s = d;
    }
    copyTo(s);
    const next = convertRun(a, len, s, e, out, m);
    if (next > 0) {
      copied = next;
    } else {
      copyTo(e);
    }
  }
  copyTo(len);
  out.ensure(1);
  out.map[out.len] = origLength;
  return out;
}

const C_YI = cc('一');
const C_ER = cc('二');
const C_DI = cc('第');
const C_FEN = cc('分');
const C_ZHI = cc('之');
const C_BAI = cc('百');
const C_CI = cc('次');
const ZERO_CODES = new Set<number>([...'〇○零'].map(cc));
const DIGIT_OF = new Int8Array(65536);
for (const [ch, v] of Object.entries(CHINESE_DIGITS)) DIGIT_OF[cc(ch)] = v;

/** Emits the converted run [s, e) and returns the index after it, or 0 when it stays as written. */
function convertRun(a: Uint16Array, len: number, s: number, e: number, out: Builder, m: Int32Array): number {
  const prev = s > 0 ? (a[s - 1] as number) : -1;
  const single = e - s === 1;
  const first = a[s] as number;

  // 百分之三十 → 30%
  if (single && first === C_BAI && a[e] === C_FEN && a[e + 1] === C_ZHI) {
    let r2 = e + 2;
    while (r2 < len && (isNumeralOrDigit(a[r2]) || (a[r2] === 0x2e && isAsciiDigit(a[r2 + 1])))) r2++;
    if (r2 > e + 2) {
      const v = parseNumeralCodes(a, e + 2, r2);
      if (v !== null) {
        out.pushSpread(`${formatNumber(v)}%`, s, r2, m);
        return r2;
      }
    }
    return 0;
  }

  // Context first (cheap, on the code units): most numeral characters in prose are words.
  const ordinal = prev === C_DI;
  const afterFraction = s >= 2 && a[s - 2] === C_FEN && prev === C_ZHI;
  const bareYi = single && first === C_YI && !ordinal;
  if (bareYi && BARE_YI_WORD_PREFIX.has(prev)) return 0;
  if (!ordinal && !afterFraction) {
    if (!unitFollows(a, len, e, bareYi)) return 0;
    if (single && (LONE_BIG.has(first) || ZERO_CODES.has(first))) return 0;
    // 二次供水 / 二次污染 are terms; counts of times use 两次.
    if (single && first === C_ER && a[e] === C_CI) return 0;
  }
  // 三五年 / 七八个 are approximations, not 35 / 78.
  const digitStyle = isDigitByDigit(a, s, e);
  if (digitStyle && e - s === 2 && !ZERO_CODES.has(a[s] as number) && !ZERO_CODES.has(a[s + 1] as number)) return 0;
  const value = parseNumeralCodes(a, s, e);
  if (value === null) return 0;
  if (digitStyle && e - s > 1) {
    out.ensure(e - s);
    for (let k = s; k < e; k++) out.push(0x30 + (DIGIT_OF[a[k] as number] as number), m[k] as number);
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
  const n = normalizeTransient(original);
  return { text: n.text, toOrig: n.toOrig.slice() };
}

/**
 * normalize(), with `toOrig` a view of buffers that the next call reuses: for a caller that is
 * done with the result before it normalizes again (check()), it saves allocating the map.
 */
export function normalizeTransient(original: string): Normalized {
  const chars = normalizeChars(original);
  const nums = normalizeNumerals(chars, original.length);
  return { text: toString(nums.codes, nums.len, chars.hasSurrogates), toOrig: nums.map.subarray(0, nums.len + 1) };
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
  return ((CLS[c] as number) & (F_SPACE | F_INVISIBLE)) !== 0 || c === 0x0d || c === NEWLINE;
}
