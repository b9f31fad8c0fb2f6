// Document structure over the normalized text: 章/节/条/款/项 for articled documents, the
// heading numbering (一、 （一） 1.) for plans and notices, and sentence boundaries.
// Runs in one pass over the lines; locating an offset is a binary search.

const CN_DIGITS = '零一二三四五六七八九';

/** 12 → 十二, 105 → 一百零五, 1010 → 一千零一十: how article and item numbers are written (0–9999). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10_000) return String(n);
  if (n === 0) return CN_DIGITS[0]!;
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] ?? '';
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += CN_DIGITS[0];
    zero = false;
    // 十二, not 一十二, at the head of a number
    out += (d === 1 && unit === '十' && out === '' ? '' : CN_DIGITS[d]) + unit;
  });
  return out;
}

/** Sentence spans and locations of a normalized text. */
export interface Structure {
  /** sentence i spans [sentStart[i], sentEnd[i]) in the normalized text (delimiter included) */
  sentStart: Int32Array;
  sentEnd: Int32Array;
  /** the sentence index containing offset */
  sentenceAt(offset: number): number;
  /** the location label (第十二条第二款, 三、（二）…) of an offset */
  locate(offset: number): string;
}

const NUM = '(\\d+|[零〇一二三四五六七八九十百千两]+)';
const RE_CHAPTER = new RegExp(`^\\s*第${NUM}章`);
const RE_SECTION = new RegExp(`^\\s*第${NUM}节`);
const RE_ARTICLE = new RegExp(`^\\s*第${NUM}条`);
const RE_ITEM = /^\s*[（(]([一二三四五六七八九十]+|\d+)[）)]/;
const RE_HEADING = /^\s*([一二三四五六七八九十]+)、/;
const RE_NUMBERED = /^\s*(\d+)[.．、]/;
const SENTENCE_END = /[。！？；\n]/g;

function numberLabel(raw: string): string {
  return /^\d+$/.test(raw) ? toChineseNumeral(Number(raw)) : raw;
}

/** What a line's first non-space character allows: 第 (章/节/条), an opening bracket (（一）), a
 * Chinese numeral (一、), an ASCII digit (1.), or none of the heading patterns. */
const K_DI = 1;
const K_PAREN = 2;
const K_CN = 3;
const K_DIGIT = 4;
const HEAD_KIND = new Uint8Array(65536);
HEAD_KIND['第'.charCodeAt(0)] = K_DI;
HEAD_KIND['（'.charCodeAt(0)] = K_PAREN;
HEAD_KIND['('.charCodeAt(0)] = K_PAREN;
for (const ch of '一二三四五六七八九十') HEAD_KIND[ch.charCodeAt(0)] = K_CN;
for (let c = 0x30; c <= 0x39; c++) HEAD_KIND[c] = K_DIGIT;

/** Exactly the characters of regex \s and String.prototype.trim (WhiteSpace and LineTerminator). */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Sentence spans [start, end) of the text: split at 。！？；and line ends, blank ones dropped. */
function sentenceSpans(text: string): { sentStart: Int32Array; sentEnd: Int32Array } {
  const starts: number[] = [];
  const ends: number[] = [];
  let s = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const e = m.index + 1;
    if (text.slice(s, e).trim()) {
      starts.push(s);
      ends.push(e);
    }
    s = e;
  }
  if (s < text.length && text.slice(s).trim()) {
    starts.push(s);
    ends.push(text.length);
  }
  return { sentStart: Int32Array.from(starts), sentEnd: Int32Array.from(ends) };
}

/** Build the structure of a normalized text (the output of normalize()). */
export function buildStructure(text: string): Structure {
  // line i starts at lineStarts[i] and sits at locations[i] (blank lines are left out)
  const lineStarts: number[] = [];
  const locations: string[] = [];
  let chapter = '';
  let section = '';
  let article = '';
  let clause = 0;
  let item = '';
  let heading = '';
  let sub = '';
  let numbered = '';
  // the label is rebuilt only after a line changed one of its parts: most lines of a plan do not
  let location = '';
  let changed = true;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    // The first non-space character decides which heading patterns can match at all (each is
    // anchored at ^\s*), so most lines are classified without slicing them or running a regex.
    let f = pos;
    while (f < nl && isSpace(text.charCodeAt(f))) f++;
    if (f < nl) {
      const first = text.charCodeAt(f);
      const kind = HEAD_KIND[first]!;
      const line = kind === 0 ? '' : text.slice(pos, nl);
      let m: RegExpExecArray | null;
      if (kind === K_DI && (m = RE_CHAPTER.exec(line))) {
        chapter = `第${numberLabel(m[1]!)}章`;
        section = article = item = '';
        clause = 0;
        changed = true;
      } else if (kind === K_DI && (m = RE_SECTION.exec(line))) {
        section = `第${numberLabel(m[1]!)}节`;
        article = item = '';
        clause = 0;
        changed = true;
      } else if (kind === K_DI && (m = RE_ARTICLE.exec(line))) {
        article = `第${numberLabel(m[1]!)}条`;
        clause = 1;
        item = '';
        changed = true;
      } else if (kind === K_PAREN && (m = RE_ITEM.exec(line))) {
        item = `（${m[1]}）`;
        if (!article) numbered = '';
        sub = article ? sub : item;
        changed = true;
      } else if (kind === K_CN && (m = RE_HEADING.exec(line))) {
        heading = `${m[1]}、`;
        sub = numbered = item = '';
        if (article) {
          // a plan-style heading ends the articled part (annexes, 附件)
          article = '';
          clause = 0;
        }
        changed = true;
      } else if (kind === K_DIGIT && !article && (m = RE_NUMBERED.exec(line))) {
        numbered = `${m[1]}.`;
        changed = true;
      } else if (article) {
        if (item) item = '';
        clause++;
        changed = true;
      }
      if (changed) {
        if (article) {
          location = article + (clause > 1 ? `第${toChineseNumeral(clause)}款` : '') + (item ? `第${item}项` : '');
          if (clause === 1 && !item) location = article;
        } else {
          location = heading + sub + numbered || chapter + section;
        }
        changed = false;
      }
      lineStarts.push(pos);
      locations.push(location);
    }
    pos = nl + 1;
  }

  const lastLE = (arr: ArrayLike<number>, x: number): number => {
    let lo = 0;
    let hi = arr.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (arr[mid]! <= x) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  };

  // Sentence spans are computed on first use: check() only needs locations.
  let sentences: { sentStart: Int32Array; sentEnd: Int32Array } | null = null;
  const spans = () => (sentences ??= sentenceSpans(text));
  return {
    get sentStart() {
      return spans().sentStart;
    },
    get sentEnd() {
      return spans().sentEnd;
    },
    sentenceAt: (offset) => Math.max(0, lastLE(spans().sentStart, offset)),
    locate: (offset) => {
      const i = lastLE(lineStarts, offset);
      return i < 0 ? '' : locations[i]!;
    },
  };
}
