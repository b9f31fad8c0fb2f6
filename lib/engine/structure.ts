// Document structure over the normalized text: 章/节/条/款/项 for articled documents, the
// heading numbering (一、 （一） 1.) for plans and notices, and sentence boundaries.
// Runs in one pass over the lines; locating an offset is a binary search.

const CN_DIGITS = '零一二三四五六七八九';

/** 12 → 十二, 105 → 一百零五: how article numbers are written in Chinese documents. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    const head = CN_DIGITS[Math.floor(n / 100)] + '百';
    if (rest === 0) return head;
    if (rest < 10) return head + '零' + CN_DIGITS[rest];
    return head + (rest < 20 ? '一' + toChineseNumeral(rest) : toChineseNumeral(rest));
  }
  return String(n);
}

/** One line of the document with the structural position it sits in. */
interface LineInfo {
  start: number;
  location: string;
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

/** Build the structure of a normalized text (the output of normalize()). */
export function buildStructure(text: string): Structure {
  const lines: LineInfo[] = [];
  let chapter = '';
  let section = '';
  let article = '';
  let clause = 0;
  let item = '';
  let heading = '';
  let sub = '';
  let numbered = '';
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    if (line.trim()) {
      let m: RegExpExecArray | null;
      if ((m = RE_CHAPTER.exec(line))) {
        chapter = `第${numberLabel(m[1]!)}章`;
        section = article = item = '';
        clause = 0;
      } else if ((m = RE_SECTION.exec(line))) {
        section = `第${numberLabel(m[1]!)}节`;
        article = item = '';
        clause = 0;
      } else if ((m = RE_ARTICLE.exec(line))) {
        article = `第${numberLabel(m[1]!)}条`;
        clause = 1;
        item = '';
      } else if ((m = RE_ITEM.exec(line))) {
        item = `（${m[1]}）`;
        if (!article) numbered = '';
        sub = article ? sub : item;
      } else if ((m = RE_HEADING.exec(line))) {
        heading = `${m[1]}、`;
        sub = numbered = item = '';
        if (article) {
          // a plan-style heading ends the articled part (annexes, 附件)
          article = '';
          clause = 0;
        }
      } else if (!article && (m = RE_NUMBERED.exec(line))) {
        numbered = `${m[1]}.`;
      } else if (article) {
        if (item) item = '';
        clause++;
      }
      let location: string;
      if (article) {
        location = article + (clause > 1 ? `第${toChineseNumeral(clause)}款` : '') + (item ? `第${item}项` : '');
        if (clause === 1 && !item) location = article;
      } else {
        location = [heading, sub, numbered].filter(Boolean).join('') || chapter + section;
      }
      lines.push({ start: pos, location: location || '' });
    }
    pos = nl + 1;
  }

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
  const sentStart = Int32Array.from(starts);
  const sentEnd = Int32Array.from(ends);
  const lineStarts = Int32Array.from(lines.map((l) => l.start));

  const lastLE = (arr: Int32Array, x: number): number => {
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

  return {
    sentStart,
    sentEnd,
    sentenceAt: (offset) => Math.max(0, lastLE(sentStart, offset)),
    locate: (offset) => {
      const i = lastLE(lineStarts, offset);
      return i < 0 ? '' : lines[i]!.location;
    },
  };
}
