// Chinese numeral parsing shared by normalization, dates and the document checks.

/** Value of each Chinese digit character; ○ (U+25CB) is the common typewriter stand-in for 〇. */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  '〇': 0,
  '○': 0,
  '零': 0,
  '一': 1,
  '二': 2,
  '两': 2,
  '三': 3,
  '四': 4,
  '五': 5,
  '六': 6,
  '七': 7,
  '八': 8,
  '九': 9,
};

// Code-unit tables so normalization can parse numerals without building strings.
// DIGIT: 0–9 for Chinese digits, ASCII and full-width digits; -1 otherwise.
const DIGIT = new Int8Array(65536).fill(-1);
// UNIT: 10/100/1000 for 十百千, 20/30 for 廿卅 (tens with a built-in multiplier), 1e4/1e8 for 万亿.
const UNIT = new Float64Array(65536);
const KIND_CHINESE_DIGIT = 1;
const KIND_ARABIC = 2;
const KIND = new Uint8Array(65536);
const LIANG = '两'.charCodeAt(0);

for (const [ch, v] of Object.entries(CHINESE_DIGITS)) {
  DIGIT[ch.charCodeAt(0)] = v;
  KIND[ch.charCodeAt(0)] = KIND_CHINESE_DIGIT;
}
for (let d = 0; d <= 9; d++) {
  DIGIT[0x30 + d] = d;
  DIGIT[0xff10 + d] = d;
  KIND[0x30 + d] = KIND_ARABIC;
  KIND[0xff10 + d] = KIND_ARABIC;
}
for (const [ch, v] of [
  ['十', 10],
  ['百', 100],
  ['千', 1000],
  ['廿', 20],
  ['卅', 30],
  ['万', 1e4],
  ['亿', 1e8],
] as const) {
  UNIT[ch.charCodeAt(0)] = v;
}

/** True when `ch` can appear inside a Chinese numeral (digit or unit). */
export function isChineseNumeralChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && (KIND[c] === KIND_CHINESE_DIGIT || UNIT[c] !== 0);
}

/** True when [start, end) holds only Chinese digits (二〇二三), the digit-by-digit year style. */
export function isDigitByDigit(codes: ArrayLike<number>, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = codes[i] as number;
    if (KIND[c] !== KIND_CHINESE_DIGIT || c === LIANG) return false;
  }
  return end > start;
}

/** parseChineseNumber over code units [start, end) of an array or string's char codes. */
export function parseNumeralCodes(codes: ArrayLike<number>, start: number, end: number): number | null {
  if (end <= start) return null;

  // Pure Arabic digits (ASCII or full-width), optional decimal part.
  let arabic = true;
  for (let i = start; i < end; i++) {
    const c = codes[i] as number;
    if (KIND[c] !== KIND_ARABIC && !(c === 0x2e && i > start && i < end - 1)) {
      arabic = false;
      break;
    }
  }
  if (arabic) return arabicValue(codes, start, end);

  if (isDigitByDigit(codes, start, end)) {
    let v = 0;
    for (let i = start; i < end; i++) v = v * 10 + (DIGIT[codes[i] as number] as number);
    return v;
  }

  let total = 0;
  let section = 0;
  let num = -1; // -1: no pending digit
  // Units inside a section must descend (百 then 十), otherwise the string is not one number.
  let lastSmall = Infinity;
  let lastUnitScale = 0;
  let prevWasUnit = false;
  let zeroSeen = false;
  let i = start;
  while (i < end) {
    const c = codes[i] as number;
    const kind = KIND[c] as number;
    if (kind === KIND_ARABIC) {
      if (num >= 0) return null;
      let j = i;
      while (j < end && (KIND[codes[j] as number] === KIND_ARABIC || (codes[j] === 0x2e && j + 1 < end && KIND[codes[j + 1] as number] === KIND_ARABIC))) j++;
      num = arabicValue(codes, i, j);
      prevWasUnit = false;
      i = j;
      continue;
    }
    if (kind === KIND_CHINESE_DIGIT) {
      const d = DIGIT[c] as number;
      if (d === 0) {
        if (num >= 0) return null;
        zeroSeen = true;
        prevWasUnit = false;
      } else {
        if (num >= 0) return null;
        num = d;
      }
      i++;
      continue;
    }
    const unit = UNIT[c] as number;
    if (unit === 0) return null;
    if (unit === 20 || unit === 30) {
      if (num >= 0 || 10 >= lastSmall) return null;
      section += unit;
      lastSmall = 10;
      lastUnitScale = 10;
    } else if (unit < 1e4) {
      if (unit >= lastSmall) return null;
      section += (num >= 0 ? num : 1) * unit;
      num = -1;
      lastSmall = unit;
      lastUnitScale = unit;
    } else {
      let value = section + (num >= 0 ? num : 0);
      if (value === 0) value = 1;
      if (unit === 1e8) total = (total + value) * unit;
      else total += value * unit;
      section = 0;
      num = -1;
      lastSmall = Infinity;
      lastUnitScale = unit;
    }
    zeroSeen = false;
    prevWasUnit = true;
    i++;
  }
  if (num >= 0) {
    // 一万五 / 两千三 / 一百二: a bare digit right after a unit counts in the next lower unit.
    if (prevWasUnit && !zeroSeen && lastUnitScale >= 100) section += (num * lastUnitScale) / 10;
    else section += num;
  }
  return total + section;
}

function arabicValue(codes: ArrayLike<number>, start: number, end: number): number {
  let v = 0;
  let scale = 0;
  for (let i = start; i < end; i++) {
    const c = codes[i] as number;
    if (c === 0x2e) {
      scale = 1;
      continue;
    }
    const d = DIGIT[c] as number;
    if (scale === 0) v = v * 10 + d;
    else {
      scale /= 10;
      v += d * scale;
    }
  }
  // Round away binary noise of the decimal accumulation (1.5 stays 1.5).
  return Math.round(v * 1e9) / 1e9;
}

/**
 * Parses a Chinese, Arabic (ASCII or full-width) or mixed numeral: 三十 → 30, 一百二十 → 120,
 * 两万 → 20000, 廿三 → 23, 二〇二三 → 2023, 3万 → 30000, 一万五 → 15000; null when not a number.
 */
export function parseChineseNumber(s: string): number | null {
  const codes = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return parseNumeralCodes(codes, 0, s.length);
}
