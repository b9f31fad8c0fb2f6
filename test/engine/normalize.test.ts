import { describe, expect, test } from 'vitest';
import { normalize, normalizeInMode, toOriginalSpan } from '../../lib/engine/normalize';

describe('normalize: text', () => {
  test.each([
    // width and punctuation
    ['Ａｂ１２３', 'Ab123'],
    ['施行,有效期5年;见(附件)?是!', '施行，有效期5年；见（附件）？是！'],
    ['截止时间:17:00', '截止时间：17:00'],
    ['罚款10,000元,或者', '罚款10,000元，或者'],
    ['2023.4.28 与 2023-04-28 与 2023/4/28', '2023.4.28 与 2023-04-28 与 2023/4/28'],
    // spaces
    ['行 政 许 可', '行政许可'],
    ['第十八条\u00a0本办法', '第18条本办法'],
    ['第五十二条\u3000本办法', '第52条本办法'],
    ['本办法自印发之日起施行, 有效期5年', '本办法自印发之日起施行，有效期5年'],
    ['a \t\u2003 b', 'a b'],
    ['2023 年 4 月', '2023 年 4 月'],
    ['一\r\n二\r三', '一\n二\n三'],
    ['\ufeff本办法', '本办法'],
    // numerals in a numeric context
    ['第十二条', '第12条'],
    ['一百二十元', '120元'],
    ['二〇二三年四月二十八日', '2023年4月28日'],
    ['二○二三年十二月三十一日', '2023年12月31日'],
    ['一个月', '1个月'],
    ['五个工作日', '5个工作日'],
    ['五至十倍', '5至10倍'],
    ['两万元', '20000元'],
    ['罚款3万元', '罚款30000元'],
    ['有效期为五年', '有效期为5年'],
    ['十七时前', '17时前'],
    ['二十四小时', '24小时'],
    ['三十日以上', '30日以上'],
    ['百分之三', '3%'],
    ['三分之二以上', '3分之2以上'],
    ['一至三年', '1至3年'],
    ['第二次', '第2次'],
    ['十余年', '10余年'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  test.each([
    '一律',
    '统一',
    '进一步',
    '之一的',
    '十三五',
    '一是',
    '统一日期',
    '一次性',
    '二次供水',
    '“三个代表”',
    '两个规定',
    '周一至周五',
    '千家万户',
    '一元化',
    '三五年',
    '十分重要',
    '一时',
    '万一',
  ])('%j stays as written', (input) => {
    expect(normalize(input).text).toBe(input);
  });
});

describe('normalize: offsets', () => {
  test('toOrig has one entry per character plus the original length', () => {
    const original = '第十二条 本办法自二〇二三年四月二十八日起施行,有效期五年。';
    const n = normalize(original);
    expect(n.toOrig.length).toBe(n.text.length + 1);
    expect(n.toOrig[n.text.length]).toBe(original.length);
    for (let i = 1; i < n.toOrig.length; i++) expect(n.toOrig[i]).toBeGreaterThanOrEqual(n.toOrig[i - 1] as number);
  });

  test('a converted span maps back to the whole original numeral', () => {
    const original = '有效期为二十八年。';
    const n = normalize(original);
    const s = n.text.indexOf('28');
    const span = toOriginalSpan(n, s, s + 2, original);
    expect(original.slice(span.start, span.end)).toBe('二十八');
  });

  test('a span ending before removed spaces does not swallow them', () => {
    const original = '行 政 许 可 证';
    const n = normalize(original);
    const span = toOriginalSpan(n, 0, 4, original);
    expect(original.slice(span.start, span.end)).toBe('行 政 许 可');
  });

  // Characters that normalization keeps must map back to themselves, wherever a span starts or ends.
  test('random spans of unchanged characters map back to the same characters', () => {
    const pieces = [
      '第十二条 本办法自二〇二三年四月二十八日起施行,有效期五年。',
      '行 政 许 可\r\n',
      'Ａｂ１２３ (试行)?',
      '一律统一进一步之一的十三五一是，',
      '罚款3万元;两万元，五至十倍。\u3000\u00a0',
      '2020-11-09 16:37 请于11月16日前反馈。',
    ];
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let original = '';
    for (let i = 0; i < 200; i++) original += pieces[rand(pieces.length)];
    const n = normalize(original);
    let checked = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const s = rand(n.text.length);
      const e = s + 1 + rand(Math.min(30, n.text.length - s));
      for (let k = s; k < e; k++) {
        const o = n.toOrig[k] as number;
        const ch = n.text[k] as string;
        if (original[o] === ch) checked++;
        // Digits of a rewritten number map somewhere inside the numeral they replace (3万 → 30000).
        else if (/[0-9%]/.test(ch) && /[0-9〇○零一二三四五六七八九十百千万两廿卅０-９分之]/.test(original[o] as string)) checked++;
        else if (ch === ' ' && /\s/.test(original[o] as string)) checked++;
        else if (ch === '\n' && original[o] === '\r') checked++;
        else if (original[o]?.normalize('NFKC') === ch.normalize('NFKC')) checked++;
        else throw new Error(`char ${k} ${JSON.stringify(ch)} maps to ${JSON.stringify(original[o])}`);
      }
      const span = toOriginalSpan(n, s, e, original);
      expect(span.start).toBeLessThanOrEqual(span.end);
      expect(span.end).toBeLessThanOrEqual(original.length);
    }
    expect(checked).toBeGreaterThan(1000);
  });

  test('linear time: 1M characters normalize quickly', () => {
    const text = '第十二条 本办法自二〇二三年四月二十八日起施行，有效期五年。行 政 许 可,一律统一。'.repeat(25000);
    const t0 = performance.now();
    const n = normalize(text);
    const ms = performance.now() - t0;
    expect(n.text.length).toBeGreaterThan(500000);
    // Generous bound: catches quadratic behaviour, not a tuned budget (CI machines vary).
    expect(ms).toBeLessThan(2000);
  });
});

// normalizeTransient() keeps the map sparse (pieces of the original plus converted numerals) for
// most texts and writes it per character for text that changes every few characters: both forms
// must give normalize()'s text and map, and origAt/normAt must read them like the full array.
describe('normalize: sparse and dense offset maps', () => {
  const alphabet = [
    '一', '二', '两', '三', '十', '百', '千', '万', '廿', '〇', '○', '零', '年', '月', '日', '个', '工作日', '至',
    '分之', '百分之', '第', '元', '化', '次', '以上', '余', '统', '小时', '.', '0', '5', '９', '３', 'Ａ', 'ｚ',
    ' ', '  ', '\t', '\u3000', '\u00a0', '\u2002', '\ufeff', '\u200b', '\r\n', '\r', '\n', ',', ';', ':', '(',
    ')', '?', '!', '，', '：', '行', '政', 'a', '😀', '\ud800', '\udc00', '1,000', '17:00', '3万', '1.5万', '“',
  ];
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const randomText = (pieces: number): string => {
    let s = '';
    for (let i = 0; i < pieces; i++) s += alphabet[rand(alphabet.length)];
    return s;
  };
  /** the first i with toOrig[i] ≥ orig: what normAt() computes without the array */
  const lowerBound = (toOrig: Int32Array, orig: number): number => {
    let i = 0;
    while (i < toOrig.length - 1 && (toOrig[i] as number) < orig) i++;
    return i;
  };

  test('both modes give normalize() text and map, read back by origAt, normAt and toOriginalSpan', () => {
    const wrong: string[] = [];
    for (let trial = 0; trial < 400; trial++) {
      const original = randomText(rand(60));
      const full = normalize(original);
      const map = full.toOrig;
      if (map.length !== full.text.length + 1 || map[full.text.length] !== original.length) wrong.push(`${original}: map length or end`);
      for (let i = 1; i < map.length; i++) if ((map[i] as number) < (map[i - 1] as number)) wrong.push(`${original}: map decreases at ${i}`);
      for (const dense of [false, true]) {
        const n = normalizeInMode(original, dense);
        const at = `${JSON.stringify(original)} (${dense ? 'dense' : 'sparse'})`;
        if (n.text !== full.text) wrong.push(`${at}: text ${JSON.stringify(n.text)}`);
        // in order, then in random order (the lookups keep a cursor)
        for (let i = 0; i <= n.text.length; i++) if (n.origAt(i) !== map[i]) wrong.push(`${at}: origAt(${i})`);
        for (let k = 0; k < 20; k++) {
          const i = rand(n.text.length + 1);
          if (n.origAt(i) !== map[i]) wrong.push(`${at}: origAt(${i}) out of order`);
        }
        for (let o = 0; o <= original.length + 1; o++) if (n.normAt(o) !== lowerBound(map, o)) wrong.push(`${at}: normAt(${o})`);
        for (let k = 0; k < 10; k++) {
          const s = rand(n.text.length + 1);
          const e = s + rand(n.text.length + 2 - s);
          const a = toOriginalSpan(n, s, e, original);
          const b = toOriginalSpan(full, s, e, original);
          if (a.start !== b.start || a.end !== b.end) wrong.push(`${at}: span ${s}-${e}`);
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  test('long texts: both modes agree, whichever one the text calls for', () => {
    const sparse = '第十二条 本办法自二〇二三年四月二十八日起施行,有效期五年。罚款3万元;两万元，五至十倍。\r\n'.repeat(1000);
    const spaced = sparse.replace(/([\u4e00-\u9fff])(?=[\u4e00-\u9fff])/g, '$1 ');
    for (const original of [sparse, spaced, sparse + spaced + sparse]) {
      const full = normalize(original);
      for (const dense of [false, true]) {
        const n = normalizeInMode(original, dense);
        expect(n.text).toBe(full.text);
        let differ = 0;
        for (let i = 0; i <= n.text.length; i++) if (n.origAt(i) !== full.toOrig[i]) differ++;
        expect(differ).toBe(0);
      }
    }
  });

  test('a result does not depend on the texts normalized before', () => {
    const fresh = normalize('三元').text;
    normalize('三元化三元化');
    expect(normalize('三元').text).toBe(fresh);
    expect(fresh).toBe('3元');
  });

  test('normalize() returns its own map, not a buffer the next call reuses', () => {
    const a = normalize('行 政 许 可 证 书'.repeat(50));
    const copy = a.toOrig.slice();
    normalize('其 他 文 本 '.repeat(80));
    expect(a.toOrig).toEqual(copy);
  });
});
