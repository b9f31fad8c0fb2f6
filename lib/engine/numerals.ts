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

const SMALL_UNITS: Readonly<Record<string, number>> = { '十': 10, '百': 100, '千': 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { '万': 1e4, '亿': 1e8 };
/** 廿/卅 are contractions of 二十/三十 and behave like a 十 with a built-in multiplier. */
const TENS_CONTRACTIONS: Readonly<Record<string, number>> = { '廿': 20, '卅': 30 };

/** True when `ch` can appear inside a Chinese numeral (digit or unit). */
export function isChineseNumeralChar(ch: string): boolean {
  return ch in CHINESE_DIGITS || ch in SMALL_UNITS || ch in BIG_UNITS || ch in TENS_CONTRACTIONS;
}

function asciiDigitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/**
 * Parses a Chinese, Arabic (ASCII or full-width) or mixed numeral: 三十 → 30, 一百二十 → 120,
 * 两万 → 20000, 廿三 → 23, 二〇二三 → 2023, 3万 → 30000, 一万五 → 15000; null when not a number.
 */
export function parseChineseNumber(s: string): number | null {
  if (s.length === 0) return null;

  // Pure digit strings (ASCII or full-width, optional decimal part).
  let allArabic = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (asciiDigitValue(c) < 0 && !(c === 0x2e && i > 0 && i < s.length - 1)) {
      allArabic = false;
      break;
    }
  }
  if (allArabic) {
    let ascii = '';
    for (let i = 0; i < s.length; i++) {
      const v = asciiDigitValue(s.charCodeAt(i));
      ascii += v >= 0 ? String(v) : '.';
    }
    const n = Number(ascii);
    return Number.isFinite(n) ? n : null;
  }

  // Digit-by-digit style (二〇二三): only digits, no units; 两 is never used this way.
  let digitStyle = true;
  for (const ch of s) {
    if (!(ch in CHINESE_DIGITS) || ch === '两') {
      digitStyle = false;
      break;
    }
  }
  if (digitStyle) {
    if (s.length === 1) return CHINESE_DIGITS[s] ?? null;
    let v = 0;
    for (const ch of s) v = v * 10 + (CHINESE_DIGITS[ch] ?? 0);
    return v;
  }

  let total = 0;
  let section = 0;
  let num: number | null = null;
  // Units inside a section must descend (百 then 十), otherwise the string is not one number.
  let lastSmall = Infinity;
  let lastUnitScale = 0;
  let prevWasUnit = false;
  let zeroSeen = false;
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    const code = s.charCodeAt(i);
    if (asciiDigitValue(code) >= 0) {
      if (num !== null) return null;
      let j = i;
      let str = '';
      while (j < s.length) {
        const c = s.charCodeAt(j);
        const v = asciiDigitValue(c);
        if (v >= 0) str += String(v);
        else if (c === 0x2e && j + 1 < s.length && asciiDigitValue(s.charCodeAt(j + 1)) >= 0) str += '.';
        else break;
        j++;
      }
      num = Number(str);
      prevWasUnit = false;
      i = j;
      continue;
    }
    if (ch in CHINESE_DIGITS) {
      const d = CHINESE_DIGITS[ch] as number;
      if (d === 0 && ch !== '两') {
        if (num !== null) return null;
        zeroSeen = true;
        prevWasUnit = false;
        i++;
        continue;
      }
      if (num !== null) return null;
      num = d;
      i++;
      continue;
    }
    if (ch in SMALL_UNITS) {
      const scale = SMALL_UNITS[ch] as number;
      if (scale >= lastSmall) return null;
      section += (num ?? 1) * scale;
      num = null;
      lastSmall = scale;
      lastUnitScale = scale;
      zeroSeen = false;
      prevWasUnit = true;
      i++;
      continue;
    }
    if (ch in TENS_CONTRACTIONS) {
      if (num !== null || 10 >= lastSmall) return null;
      section += TENS_CONTRACTIONS[ch] as number;
      lastSmall = 10;
      lastUnitScale = 10;
      zeroSeen = false;
      prevWasUnit = true;
      i++;
      continue;
    }
    if (ch in BIG_UNITS) {
      const big = BIG_UNITS[ch] as number;
      let value = section + (num ?? 0);
      if (value === 0) value = 1;
      if (big === 1e8) total = (total + value) * big;
      else total += value * big;
      section = 0;
      num = null;
      lastSmall = Infinity;
      lastUnitScale = big;
      zeroSeen = false;
      prevWasUnit = true;
      i++;
      continue;
    }
    return null;
  }
  if (num !== null) {
    // 一万五 / 两千三 / 一百二: a bare digit right after a unit counts in the next lower unit.
    if (prevWasUnit && !zeroSeen && lastUnitScale >= 100) section += (num * lastUnitScale) / 10;
    else section += num;
  }
  return total + section;
}
