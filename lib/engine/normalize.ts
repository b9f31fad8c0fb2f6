// Offset-preserving normalization: rule patterns are written once, in Chinese punctuation with
// ASCII digits, and every match can still be painted on the user's original text.
import { CHINESE_DIGITS, isDigitByDigit, parseNumeralCodes } from './numerals';

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
/** What the character pass does with a code unit when no space run is pending: see STEP. */
const KEEP = 0;
const KEEP_NUMERAL = 1;
const KEEP_SURROGATE = 2;
const CHANGE = 3;
/**
 * KEEP for the code units copied as they are (nearly all of a text), KEEP_NUMERAL for Chinese
 * numeral characters (copied, but they may start a numeral run), KEEP_SURROGATE for surrogates
 * (copied, but they rule out TextDecoder), CHANGE for spaces, invisible characters, ASCII
 * punctuation, CR and full-width letters and digits.
 */
const STEP = new Uint8Array(65536);

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
    const changes = ((CLS[c] as number) & (F_SPACE | F_INVISIBLE | F_HALF_PUNCT)) !== 0 || c === 0x0d || MAPPED[c] !== c;
    STEP[c] = changes ? CHANGE : (CLS[c] as number) & F_NUMERAL ? KEEP_NUMERAL : c >= 0xd800 && c <= 0xdfff ? KEEP_SURROGATE : KEEP;
  }
})();

function isAsciiDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

// ---- character pass --------------------------------------------------------------------------

/**
 * The character pass's output, kept as pieces rather than a string: slices of the original
 * between the changes, and the changed characters. Nearly every character is in a slice, so the
 * pass costs a table lookup per character and work per change; the numeral pass reads the pieces
 * through at(), and the text is joined once, after both passes. (A regex character class would
 * not find the changes faster: V8 scans a class of this size no faster than this loop.)
 */
class CharText {
  /**
   * Dense mode, for text that changes every few characters (a space between every two, as from
   * some PDFs): there, cutting pieces costs more than writing each code unit and its original
   * offset into `codes` and `map`, which is what this mode does instead of keeping pieces.
   */
  dense = false;
  codes: Uint16Array = new Uint16Array(0);
  map: Int32Array = new Int32Array(0);
  /**
   * Piece j starts at normalized index start[j]: a slice of the original from orig[j] when
   * code[j] < 0, else the one character code[j], which stands for original[orig[j]]. The last
   * piece is an empty end mark: start = length, orig = original length.
   */
  start: Int32Array = new Int32Array(64);
  orig: Int32Array = new Int32Array(64);
  code: Int32Array = new Int32Array(64);
  count = 0;
  /** normalized length so far */
  length = 0;
  /** original[copied, …) is not written yet */
  copied = 0;
  /** last code unit written (-1 before any), or LAST_IN_ORIGINAL: original[lastAt] */
  lastCode = -1;
  lastAt = 0;
  /** normalized indices where a run of Chinese numerals starts */
  runStarts: Int32Array = new Int32Array(64);
  runCount = 0;
  hasSurrogates = false;
  /** the piece of the last seek(): normalized [curStart, curEnd) reads original at + curShift, or is curCode */
  private cursor = 0;
  private curStart = 0;
  private curEnd = 0;
  private curShift = 0;
  private curCode = -1;
  original = '';

  /** Empties the pass for `original`; the arrays are kept, their contents are not. */
  reset(original: string, dense = false): this {
    this.original = original;
    this.dense = dense;
    if (dense) {
      const cap = original.length + 1;
      if (cap > KEEP_LIMIT) {
        this.codes = new Uint16Array(cap);
        this.map = new Int32Array(cap);
      } else if (this.codes.length < cap) {
        this.codes = new Uint16Array(Math.min(KEEP_LIMIT, Math.max(cap, this.codes.length * 2)));
        this.map = new Int32Array(this.codes.length);
      }
    }
    this.count = 0;
    this.length = 0;
    this.copied = 0;
    this.lastCode = -1;
    this.runCount = 0;
    this.hasSurrogates = false;
    this.cursor = 0;
    this.curStart = this.curEnd = 0;
    return this;
  }

  private push(start: number, orig: number, code: number): void {
    const c = this.count;
    if (c === this.start.length) {
      this.start = grow(this.start);
      this.orig = grow(this.orig);
      this.code = grow(this.code);
    }
    this.start[c] = start;
    this.orig[c] = orig;
    this.code[c] = code;
    this.count = c + 1;
  }

  /** The code unit the output ends with once original[0, at) is written. */
  prevBefore(at: number): number {
    if (at > this.copied) return this.original.charCodeAt(at - 1);
    // read only when asked for: most cuts are never looked back at
    if (this.lastCode === LAST_IN_ORIGINAL) this.lastCode = this.original.charCodeAt(this.lastAt);
    return this.lastCode;
  }

  /**
   * original[from, to) becomes `code` (mapped to `from`), or nothing when code < 0. The caller
   * leaves out the replacements that change nothing: they need no cut in the pieces.
   */
  replace(from: number, to: number, code: number): void {
    const copied = this.copied;
    if (from > copied) {
      this.keep(copied, from);
      this.lastCode = LAST_IN_ORIGINAL;
      this.lastAt = from - 1;
    }
    if (code >= 0) {
      if (this.dense) {
        this.codes[this.length] = code;
        this.map[this.length] = from;
      } else {
        this.push(this.length, from, code);
      }
      this.length++;
      this.lastCode = code;
    }
    this.copied = to;
  }

  /** Writes original[from, to) as it is. */
  private keep(from: number, to: number): void {
    if (this.dense) {
      const { codes, map, original } = this;
      for (let x = from, k = this.length; x < to; x++, k++) {
        codes[k] = original.charCodeAt(x);
        map[k] = x;
      }
    } else {
      this.push(this.length, from, -1);
    }
    this.length += to - from;
  }

  /** Notes the numeral original[at], kept as it is: a run starts where the output has no numeral before it. */
  numeral(at: number): void {
    if (isNumeral(this.prevBefore(at))) return;
    if (this.runCount === this.runStarts.length) this.runStarts = grow(this.runStarts);
    this.runStarts[this.runCount++] = this.length + (at - this.copied);
  }

  finish(): void {
    const n = this.original.length;
    if (n > this.copied) this.keep(this.copied, n);
    if (this.dense) this.map[this.length] = n;
    else this.push(this.length, n, -1);
  }

  /** The piece holding normalized index i (0 ≤ i ≤ length); lookups are local, mostly in order. */
  seek(i: number): number {
    const start = this.start;
    let j = this.cursor;
    while ((start[j] as number) > i) j--;
    while (j + 1 < this.count && (start[j + 1] as number) <= i) j++;
    this.cursor = j;
    this.curStart = start[j] as number;
    this.curEnd = j + 1 < this.count ? (start[j + 1] as number) : this.curStart;
    this.curShift = (this.orig[j] as number) - this.curStart;
    this.curCode = this.code[j] as number;
    return j;
  }

  /** Normalized code unit i; NaN outside the text, as charCodeAt. */
  at(i: number): number {
    if (this.dense) return i >= 0 && i < this.length ? (this.codes[i] as number) : NaN;
    if (!(i >= this.curStart && i < this.curEnd)) {
      if (!(i >= 0 && i < this.length)) return NaN;
      this.seek(i);
    }
    return this.curCode >= 0 ? this.curCode : this.original.charCodeAt(i + this.curShift);
  }

  /** Original index of normalized index i (0 ≤ i ≤ length). */
  origAt(i: number): number {
    if (this.dense) return this.map[i] as number;
    const j = this.seek(i);
    return (this.orig[j] as number) + i - (this.start[j] as number);
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

// The pieces' arrays are kept between calls: check() normalizes every text it is given.
const charPass = new CharText();

const LAST_IN_ORIGINAL = -2;

// Kept between calls for texts of up to KEEP_LIMIT code units: a fresh buffer of a few hundred KB
// costs more to allocate (zeroed pages) than to fill.
const KEEP_LIMIT = 1 << 20;

/** Above one change per DENSE_CHANGES characters, the character pass runs in dense mode. */
const DENSE_CHANGES = 8;
const SAMPLE = 512;

/**
 * Whether changes are dense in the text, judged on four samples of SAMPLE code units. Texts
 * shorter than 16 samples are not sampled (it would cost a good part of the pass) and run in
 * sparse mode, where assemble() still copes with dense ones.
 */
function looksDense(s: string): boolean {
  const n = s.length;
  if (n < 16 * SAMPLE) return false;
  let changes = 0;
  for (let w = 0; w < 4; w++) {
    const from = Math.floor((w * (n - SAMPLE)) / 3);
    for (let i = from; i < from + SAMPLE; i++) if (STEP[s.charCodeAt(i)] === CHANGE) changes++;
  }
  return changes * DENSE_CHANGES > 4 * SAMPLE;
}

/**
 * The first index from `i` on whose code unit is not simply kept (`n` if none): the hot loop, a
 * table lookup per character. (Its own function: inlined into normalizeChars' loop it runs slower.)
 */
function skipKept(s: string, i: number, n: number): number {
  while (i < n && STEP[s.charCodeAt(i)] === KEEP) i++;
  return i;
}

/** Character-level pass: width, punctuation, spaces and line ends (never longer than the input). */
function normalizeChars(original: string, dense: boolean): CharText {
  const w = charPass.reset(original, dense);
  const n = original.length;
  let spaceStart = -1;
  let spaceFirst = 0;
  let i = 0;
  while (i < n) {
    if (spaceStart < 0) {
      i = skipKept(original, i, n);
      if (i === n) break;
    }
    let c = original.charCodeAt(i);
    if (spaceStart < 0 && STEP[c] !== CHANGE) {
      if (STEP[c] === KEEP_NUMERAL) w.numeral(i);
      else w.hasSurrogates = true;
      i++;
      continue;
    }
    const raw = c;
    const f = CLS[c] as number;
    if ((f & (F_SPACE | F_INVISIBLE | F_HALF_PUNCT)) === 0 && spaceStart < 0 && c !== 0x0d) {
      // Full-width letters and digits: only the width mapping.
      w.replace(i, i + 1, MAPPED[c] as number);
      i++;
      continue;
    }
    if (f & F_SPACE) {
      if (spaceStart < 0) {
        // Shortcut for the most common space run, one space between two kept CJK characters
        // ("行 政 许 可" from a PDF): dropped, with the same outcome as the general path below.
        const d = original.charCodeAt(i + 1);
        if (STEP[d] !== CHANGE && (CLS[d] as number) & F_CJK) {
          const prev = w.prevBefore(i);
          if (prev >= 0 && (CLS[prev] as number) & F_CJK) {
            w.replace(i, i + 1, -1);
            i++;
            continue;
          }
        }
        spaceStart = i;
        spaceFirst = c;
      }
      i++;
      continue;
    }
    if (f & F_INVISIBLE) {
      if (spaceStart < 0) w.replace(i, i + 1, -1);
      i++;
      continue;
    }
    if (STEP[c] === KEEP_SURROGATE) w.hasSurrogates = true;
    let next = i + 1;
    if (c === 0x0d) {
      c = NEWLINE;
      if (original.charCodeAt(i + 1) === NEWLINE) next = i + 2;
    } else {
      c = MAPPED[c] as number;
    }
    const prev = w.prevBefore(spaceStart >= 0 ? spaceStart : i);
    if (f & F_HALF_PUNCT) {
      // 17:00 and 10,000 stay ASCII: they are numbers, not prose punctuation.
      const keep =
        spaceStart < 0 &&
        isAsciiDigit(prev) &&
        isAsciiDigit(MAPPED[original.charCodeAt(i + 1)]) &&
        (raw === 0x3a || (raw === 0x2c && isThousandsGroup(original, i + 1)));
      if (keep) c = raw;
    }
    if (spaceStart >= 0) {
      // "行 政 许 可": stray spaces inside Chinese text come from layout, not meaning.
      const cjkBoth = prev >= 0 && (CLS[prev] as number) & F_CJK && (CLS[c] as number) & F_CJK;
      if (cjkBoth) w.replace(spaceStart, i, -1);
      else if (!(i === spaceStart + 1 && spaceFirst === SPACE)) w.replace(spaceStart, i, SPACE);
      spaceStart = -1;
    }
    if (f & F_NUMERAL) w.numeral(i);
    if (!(next === i + 1 && c === raw)) w.replace(i, next, c);
    i = next;
  }
  if (spaceStart >= 0 && !(n === spaceStart + 1 && spaceFirst === SPACE)) w.replace(spaceStart, n, SPACE);
  w.finish();
  return w;
}

function isThousandsGroup(s: string, at: number): boolean {
  for (let k = 0; k < 3; k++) if (!isAsciiDigit(MAPPED[s.charCodeAt(at + k)])) return false;
  return !isAsciiDigit(MAPPED[s.charCodeAt(at + 3)]);
}

// ---- numeral context -------------------------------------------------------------------------

/** A membership table of code units: one typed-array read where a Set lookup costs a hash. */
function codeSet(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (const ch of chars) table[cc(ch)] = 1;
  return table;
}

/** -1 and NaN (no character) are in no set. */
function inSet(table: Uint8Array, c: number): boolean {
  return table[c] === 1;
}

const BIG_UNIT_CODES = codeSet('千万亿');
const SINGLE_UNITS = codeSet('年月日天元倍条款项章节次人名家岁时周%％');
// 个 only counts as a unit before a duration word: "三个代表" and "两个规定" are names, not quantities.
const AFTER_GE = ['工作日', '自然日', '季度', '星期', '小时', '半月', '百分点', '月', '年', '周'];
// A bare 一 is usually the article or part of a word (一律, 统一, 一次性); convert it only before
// durations, and never after characters that form words with it.
const BARE_YI_UNITS = codeSet('年月日天周倍岁元');
const BARE_YI_WORD_PREFIX = codeSet('统唯同单划专逐归合整均之某任纯齐如万其');
const LONE_BIG = codeSet('百千万亿');
/** the characters a unit word of unitFollows() can start with: most numerals are followed by none */
const UNIT_LEAD = codeSet('年月日天元倍条款项章节次人名家岁时周%％个至小分以余多');

function startsWithAt(t: CharText, len: number, at: number, word: string): boolean {
  if (at + word.length > len) return false;
  for (let i = 0; i < word.length; i++) if (t.at(at + i) !== word.charCodeAt(i)) return false;
  return true;
}

function isNumeral(c: number | undefined): boolean {
  return c !== undefined && ((CLS[c] as number) & F_NUMERAL) !== 0;
}

function isNumeralOrDigit(c: number | undefined): boolean {
  return c !== undefined && ((CLS[c] as number) & (F_NUMERAL | F_DIGIT)) !== 0;
}

/** Returns true when the chars at `at` form a unit word that makes the preceding numeral numeric. */
function unitFollows(t: CharText, len: number, at: number, bareYi: boolean): boolean {
  if (at >= len) return false;
  const c = t.at(at);
  if (!inSet(UNIT_LEAD, c)) return false;
  if (c === cc('个')) {
    for (const w of AFTER_GE) if (startsWithAt(t, len, at + 1, w)) return true;
    return false;
  }
  if (c === cc('至')) return isNumeralOrDigit(t.at(at + 1));
  if (startsWithAt(t, len, at, '小时')) return true;
  if (bareYi) {
    if (c === cc('元')) return t.at(at + 1) !== cc('化');
    return inSet(BARE_YI_UNITS, c);
  }
  if (startsWithAt(t, len, at, '分之') || startsWithAt(t, len, at, '以上') || startsWithAt(t, len, at, '以下')) return true;
  if ((c === cc('余') || c === cc('多')) && at + 1 < len && inSet(SINGLE_UNITS, t.at(at + 1))) return true;
  if (c === cc('元')) return t.at(at + 1) !== cc('化');
  return inSet(SINGLE_UNITS, c);
}

// ---- numeral pass ----------------------------------------------------------------------------

/**
 * The numeral runs converted to digits: span [start[r], end[r]) of the character pass's text
 * becomes digits[r], at out[r] in the normalized text.
 */
interface Conversions {
  start: number[];
  end: number[];
  digits: string[];
  out: number[];
}

/** Numeral pass: Chinese numerals in a numeric context become ASCII digits; only run starts are visited. */
function normalizeNumerals(t: CharText): Conversions {
  const conv: Conversions = { start: [], end: [], digits: [], out: [] };
  const len = t.length;
  let copied = 0;
  let shift = 0;
  for (let r = 0; r < t.runCount; r++) {
    let s = t.runStarts[r] as number;
    if (s < copied) continue;
    let e = s + 1;
    while (e < len && isNumeral(t.at(e))) e++;
    // 3万 / 1.5万元: Arabic digits right before 千/万/亿 belong to the same number.
    if (s > copied && inSet(BIG_UNIT_CODES, t.at(s)) && isAsciiDigit(t.at(s - 1))) {
      let d = s;
      while (d > copied && (isAsciiDigit(t.at(d - 1)) || (t.at(d - 1) === 0x2e && isAsciiDigit(t.at(d - 2))))) d--;
      // Stop short of text already emitted (or a leading dot): then the run stays as written.
      if (!(d > 0 && (isAsciiDigit(t.at(d - 1)) || t.at(d - 1) === 0x2e))) s = d;
    }
    const next = convertRun(t, len, s, e);
    if (next > 0) {
      conv.start.push(s);
      conv.end.push(next);
      conv.digits.push(converted);
      conv.out.push(s + shift);
      shift += converted.length - (next - s);
      copied = next;
    } else {
      copied = e;
    }
  }
  return conv;
}

const C_YI = cc('一');
const C_ER = cc('二');
const C_DI = cc('第');
const C_FEN = cc('分');
const C_ZHI = cc('之');
const C_BAI = cc('百');
const C_CI = cc('次');
const ZERO_CODES = codeSet('〇○零');
const DIGIT_OF = new Int8Array(65536);
for (const [ch, v] of Object.entries(CHINESE_DIGITS)) DIGIT_OF[cc(ch)] = v;

/** digits of the last run convertRun() converted */
let converted = '';
let runCodes = new Uint16Array(64);

/** t[s, e) as code units at the start of a reused buffer, for the numeral parser. */
function codesOf(t: CharText, s: number, e: number): Uint16Array {
  if (e - s > runCodes.length) runCodes = new Uint16Array(Math.max(e - s, runCodes.length * 2));
  for (let k = s; k < e; k++) runCodes[k - s] = t.at(k);
  return runCodes;
}

/** Converts the run t[s, e) into `converted` and returns the index after it, or 0 when it stays as written. */
function convertRun(t: CharText, len: number, s: number, e: number): number {
  const prev = s > 0 ? t.at(s - 1) : -1;
  const single = e - s === 1;
  const first = t.at(s);

  // 百分之三十 → 30%
  if (single && first === C_BAI && t.at(e) === C_FEN && t.at(e + 1) === C_ZHI) {
    let r2 = e + 2;
    while (r2 < len && (isNumeralOrDigit(t.at(r2)) || (t.at(r2) === 0x2e && isAsciiDigit(t.at(r2 + 1))))) r2++;
    if (r2 > e + 2) {
      const v = parseNumeralCodes(codesOf(t, e + 2, r2), 0, r2 - e - 2);
      if (v !== null) {
        converted = `${formatNumber(v)}%`;
        return r2;
      }
    }
    return 0;
  }

  // Context first (cheap, on the code units): most numeral characters in prose are words.
  const ordinal = prev === C_DI;
  const afterFraction = s >= 2 && t.at(s - 2) === C_FEN && prev === C_ZHI;
  const bareYi = single && first === C_YI && !ordinal;
  if (bareYi && inSet(BARE_YI_WORD_PREFIX, prev)) return 0;
  if (!ordinal && !afterFraction) {
    if (!unitFollows(t, len, e, bareYi)) return 0;
    if (single && (inSet(LONE_BIG, first) || inSet(ZERO_CODES, first))) return 0;
    // 二次供水 / 二次污染 are terms; counts of times use 两次.
    if (single && first === C_ER && t.at(e) === C_CI) return 0;
  }
  const n = e - s;
  const codes = codesOf(t, s, e);
  // 三五年 / 七八个 are approximations, not 35 / 78.
  const digitStyle = isDigitByDigit(codes, 0, n);
  if (digitStyle && n === 2 && !inSet(ZERO_CODES, codes[0] as number) && !inSet(ZERO_CODES, codes[1] as number)) return 0;
  const value = parseNumeralCodes(codes, 0, n);
  if (value === null) return 0;
  if (digitStyle && n > 1) {
    let digits = '';
    for (let k = 0; k < n; k++) digits += String.fromCharCode(0x30 + (DIGIT_OF[codes[k] as number] as number));
    converted = digits;
  } else {
    converted = formatNumber(value);
  }
  return e;
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
}

// ---- text ------------------------------------------------------------------------------------

/** The normalized text: the character pass's pieces with the converted numerals in place. */
function assemble(t: CharText, conv: Conversions, outLength: number): string {
  const original = t.original;
  const convCount = conv.start.length;
  // nothing changed: the original string itself
  if (convCount === 0 && t.count <= 2 && t.length === original.length) return original;
  // Joining costs per piece as well as per character: text cut every few characters that
  // looksDense() did not catch is written code by code into a buffer and decoded instead.
  const codes = t.count * DENSE_PIECES > t.length ? denseBuffer(outLength) : null;
  let written = 0;
  if (codes !== null) {
    let k = 0;
    for (let r = 0; r < convCount; r++) {
      k = copyCodes(t, written, conv.start[r] as number, codes, k);
      const digits = conv.digits[r] as string;
      for (let q = 0; q < digits.length; q++) codes[k++] = digits.charCodeAt(q);
      written = conv.end[r] as number;
    }
    k = copyCodes(t, written, t.length, codes, k);
    return decode(codes, k, t.hasSurrogates);
  }
  const parts: string[] = [];
  for (let r = 0; r <= convCount; r++) {
    const s = r < convCount ? (conv.start[r] as number) : t.length;
    // t[written, s) as it is
    for (let a = written, j = t.seek(a); a < s; j++) {
      const end = Math.min(s, t.start[j + 1] as number);
      const code = t.code[j] as number;
      if (code >= 0) parts.push(charString(code));
      else {
        const orig = (t.orig[j] as number) + a - (t.start[j] as number);
        parts.push(original.slice(orig, orig + end - a));
      }
      a = end;
    }
    if (r < convCount) {
      parts.push(conv.digits[r] as string);
      written = conv.end[r] as number;
    }
  }
  return parts.join('');
}

/**
 * Dense mode's text and map: the character pass's codes and map with the converted numerals in
 * place. The map is a view of buffers that the next call reuses.
 */
function assembleDense(t: CharText, conv: Conversions, outLength: number): { text: string; map: Int32Array } {
  const convCount = conv.start.length;
  if (convCount === 0) return { text: decode(t.codes, t.length, t.hasSurrogates), map: t.map.subarray(0, t.length + 1) };
  const codes = denseBuffer(outLength);
  if (keptMap.length < codes.length) keptMap = new Int32Array(codes.length);
  const map = outLength + 1 > KEEP_LIMIT ? new Int32Array(outLength + 1) : keptMap;
  let k = 0;
  let written = 0;
  for (let r = 0; r <= convCount; r++) {
    const s = r < convCount ? (conv.start[r] as number) : t.length;
    codes.set(t.codes.subarray(written, s), k);
    map.set(t.map.subarray(written, s), k);
    k += s - written;
    if (r === convCount) break;
    const digits = conv.digits[r] as string;
    const e = conv.end[r] as number;
    // the digits spread over the numeral they replace, offsets non-decreasing
    for (let q = 0; q < digits.length; q++) {
      codes[k + q] = digits.charCodeAt(q);
      map[k + q] = t.map[s + Math.floor((q * (e - s)) / digits.length)] as number;
    }
    k += digits.length;
    written = e;
  }
  map[k] = t.original.length;
  return { text: decode(codes, k, t.hasSurrogates), map: map.subarray(0, k + 1) };
}

/** Writes t[a, b) into codes from index k on; returns the index after it. */
function copyCodes(t: CharText, a: number, b: number, codes: Uint16Array, k: number): number {
  const original = t.original;
  for (let j = t.seek(a); a < b; j++) {
    const end = Math.min(b, t.start[j + 1] as number);
    const code = t.code[j] as number;
    if (code >= 0) codes[k++] = code;
    else for (let x = (t.orig[j] as number) + a - (t.start[j] as number); a < end; a++) codes[k++] = original.charCodeAt(x++);
    a = end;
  }
  return k;
}

/** Above one piece per DENSE_PIECES characters, assemble() writes codes rather than joining slices. */
const DENSE_PIECES = 10;

let keptCodes = new Uint16Array(0);

let keptMap = new Int32Array(0);

function denseBuffer(length: number): Uint16Array {
  if (length > KEEP_LIMIT) return new Uint16Array(length);
  if (keptCodes.length <= length) keptCodes = new Uint16Array(Math.min(KEEP_LIMIT, Math.max(length + 1, keptCodes.length * 2)));
  return keptCodes;
}

// TextDecoder (Node, browsers, workers) builds a long string several times faster than
// String.fromCharCode; it would replace lone surrogates, so it is used only when there are none.
const utf16Decoder: { decode(input: Uint16Array): string } | null =
  typeof TextDecoder === 'undefined' ? null : new TextDecoder('utf-16le');

function decode(codes: Uint16Array, len: number, hasSurrogates: boolean): string {
  if (utf16Decoder && !hasSurrogates) return utf16Decoder.decode(codes.subarray(0, len));
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < len; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

// One-character strings of the characters the character pass writes, made once: a half-width
// comma becomes the same "，" string each time, not a new one.
const REPLACED = new Uint8Array(65536);
const REPLACED_STRINGS: string[] = [''];
for (const code of [SPACE, NEWLINE, 0x2c, 0x3a, ...Array.from(MAPPED).filter((_, c) => STEP[c] === CHANGE)]) {
  if (REPLACED[code] !== 0) continue;
  REPLACED[code] = REPLACED_STRINGS.length;
  REPLACED_STRINGS.push(String.fromCharCode(code));
}

function charString(code: number): string {
  const k = REPLACED[code] as number;
  return k !== 0 ? (REPLACED_STRINGS[k] as string) : String.fromCharCode(code);
}

// ---- offset map ------------------------------------------------------------------------------

/** Normalized text plus the map back to the original string. */
export interface Normalized {
  /** normalized text */
  text: string;
  /** toOrig[i] = index in the original string of normalized char i; length text.length + 1 (last = original length) */
  toOrig: Int32Array;
}

/** Index of the last entry of sorted `a` (first `count` entries) that is ≤ x, or -1. */
function lastAtMost(a: ArrayLike<number>, count: number, x: number): number {
  let lo = -1;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((a[mid] as number) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * normalizeTransient()'s result, with the offset map in the form the passes left it: for most
 * texts the character pass's pieces (normalized start → original start) and the converted
 * numerals, built at no cost per character; for dense text, dense mode's per-character map.
 * origAt() and normAt() read it; `toOrig` is still there, built on first use, for code that wants
 * the full array.
 */
export class SparseNormalized implements Normalized {
  /** piece and conversion of the last origAt(): offsets are mostly looked up in order */
  private piece = 0;
  private conv = -1;

  constructor(
    readonly text: string,
    /** piece j of the character pass's text starts at pieceStart[j] and maps to original pieceOrig[j] on */
    private readonly pieceStart: Int32Array,
    private readonly pieceOrig: Int32Array,
    private readonly conversions: Conversions,
    /** the full map, when dense mode wrote one (in buffers that the next call reuses) or toOrig was asked for */
    private full: Int32Array | null = null,
    /** whether `full` lives in reused buffers */
    readonly reused = full !== null,
  ) {}

  /** toOrig[i]: the original index of normalized char i (0 ≤ i ≤ text.length). */
  origAt(i: number): number {
    if (this.full !== null) return this.full[i] as number;
    const { start, end, digits, out } = this.conversions;
    if (out.length === 0) return this.charOrigAt(i);
    let r = this.conv;
    if (!((r < 0 || (out[r] as number) <= i) && (r + 1 === out.length || i < (out[r + 1] as number)))) {
      r = lastAtMost(out, out.length, i);
      this.conv = r;
    }
    if (r < 0) return this.charOrigAt(i);
    const q = i - (out[r] as number);
    const n = (digits[r] as string).length;
    const s = start[r] as number;
    const e = end[r] as number;
    // the digits spread over the numeral they replace, offsets non-decreasing
    return q < n ? this.charOrigAt(s + Math.floor((q * (e - s)) / n)) : this.charOrigAt(e + q - n);
  }

  /** The original index of index i of the character pass's text. */
  private charOrigAt(i: number): number {
    const start = this.pieceStart;
    let j = this.piece;
    if (!((start[j] as number) <= i && (j + 1 === start.length || i < (start[j + 1] as number)))) {
      j = Math.max(0, lastAtMost(start, start.length, i));
      this.piece = j;
    }
    return (this.pieceOrig[j] as number) + i - (start[j] as number);
  }

  /** The normalized offset of an original offset: the first i with toOrig[i] ≥ orig (text.length if none). */
  normAt(orig: number): number {
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.origAt(mid) < orig) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The full map (built on first use; in dense mode, a view of buffers that the next call reuses). */
  get toOrig(): Int32Array {
    if (this.full === null) {
      const map = new Int32Array(this.text.length + 1);
      for (let i = 0; i < map.length; i++) map[i] = this.origAt(i);
      this.full = map;
    }
    return this.full;
  }
}

// ---- entry points ----------------------------------------------------------------------------

/** normalizeTransient(), with the character pass's mode forced (tests compare the two modes). */
export function normalizeInMode(original: string, dense: boolean): SparseNormalized {
  const chars = normalizeChars(original, dense);
  const conv = normalizeNumerals(chars);
  let length = chars.length;
  for (let r = 0; r < conv.start.length; r++) length += (conv.digits[r] as string).length - ((conv.end[r] as number) - (conv.start[r] as number));
  let norm: SparseNormalized;
  if (chars.dense) {
    const { text, map } = assembleDense(chars, conv, length);
    norm = new SparseNormalized(text, NO_PIECES, NO_PIECES, NO_CONVERSIONS, map);
  } else {
    const text = assemble(chars, conv, length);
    // the pieces' arrays are reused by the next call: the map keeps a copy (end mark included)
    norm = new SparseNormalized(text, chars.start.slice(0, chars.count), chars.orig.slice(0, chars.count), conv);
  }
  chars.reset('');
  return norm;
}

const NO_PIECES = new Int32Array(0);
const NO_CONVERSIONS: Conversions = { start: [], end: [], digits: [], out: [] };

/**
 * Offset-preserving normalization (full-width alphanumerics, ASCII punctuation → Chinese, spaces,
 * line ends, Chinese numerals in numeric contexts → digits); linear time.
 */
export function normalize(original: string): Normalized {
  const n = normalizeTransient(original);
  return { text: n.text, toOrig: n.reused ? n.toOrig.slice() : n.toOrig };
}

/**
 * normalize() for a caller that is done with the result before it normalizes again (check()):
 * the offset map is read with origAt() and normAt(), and is left in the form the passes built,
 * sparse for most texts (no per-character array), or in buffers that the next call reuses.
 */
export function normalizeTransient(original: string): SparseNormalized {
  return normalizeInMode(original, looksDense(original));
}

/**
 * Maps a normalized span [s, e) to the original span; with `original`, whitespace that
 * normalization removed at the span's end is not included.
 */
export function toOriginalSpan(norm: Normalized, s: number, e: number, original?: string): { start: number; end: number } {
  const at = norm instanceof SparseNormalized ? (i: number): number => norm.origAt(i) : (i: number): number => norm.toOrig[i] as number;
  const len = norm.text.length;
  const cs = Math.max(0, Math.min(s, len));
  const ce = Math.max(cs, Math.min(e, len));
  const start = at(cs);
  let end = at(ce);
  if (original !== undefined && ce > cs) {
    const floor = at(ce - 1) + 1;
    while (end > floor && isTrimmable(original.charCodeAt(end - 1))) end--;
  }
  return { start, end };
}

function isTrimmable(c: number): boolean {
  return ((CLS[c] as number) & (F_SPACE | F_INVISIBLE)) !== 0 || c === 0x0d || c === NEWLINE;
}
