// Whole-text searches of the document checks, narrowed to the neighbourhood of cue words. A regex
// without a literal prefix (有效期|执行期|…, \d+日) makes the engine attempt a match at every
// position of a 100k text; one indexOf of a word that every match contains, then the regex tried
// only at the few starts near each occurrence, finds the same matches at a fraction of the cost.
// Each cue is checked against its pattern by test/engine/search.test.ts.

let cache: { text: string; byWord: Map<string, number[]> } | null = null;

/**
 * Start of every occurrence of `word` in `text`, in order. The validity and comment checks of one
 * check() search the same normalized text for some of the same words, so its lists are kept until
 * forgetOccurrences() (check() calls it first: a text checked again, unchanged, is searched again).
 */
export function occurrences(text: string, word: string): readonly number[] {
  if (cache === null || cache.text !== text) cache = { text, byWord: new Map() };
  let list = cache.byWord.get(word);
  if (list === undefined) {
    list = [];
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) list.push(i);
    cache.byWord.set(word, list);
  }
  return list;
}

/** Drops the kept lists (see occurrences). */
export function forgetOccurrences(): void {
  cache = null;
}

/** Positions of every occurrence of one of `words`, ascending. */
export function cuePositions(text: string, words: readonly string[]): ArrayLike<number> {
  if (words.length === 1) return occurrences(text, words[0] as string);
  const lists = words.map((w) => occurrences(text, w));
  const all = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let k = 0;
  for (const l of lists) for (const i of l) all[k++] = i;
  return all.sort();
}

/**
 * The matches that a loop of global exec over the whole text finds, limited to those starting
 * `from`…`to` positions after one of the ascending `anchors` (negative: before it). A sticky `re`
 * is tried at each such position in order, skipping the positions a match already covers: exact
 * when no match starting elsewhere reaches into them. `startsAt`, when given, rules out positions
 * cheaply (a match can only start where it holds); `limit` stops after that many matches.
 */
export function matchesNear(
  re: RegExp,
  text: string,
  anchors: ArrayLike<number>,
  from: number,
  to: number,
  startsAt?: (code: number) => boolean,
  limit = Infinity,
): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const last = text.length - 1;
  // Positions before `pos` are tried already or covered by a match.
  let pos = 0;
  for (let k = 0; k < anchors.length; k++) {
    const q = anchors[k] as number;
    const end = Math.min(last, q + to);
    for (let s = Math.max(pos, q + from); s <= end; s++) {
      if (startsAt !== undefined && !startsAt(text.charCodeAt(s))) continue;
      re.lastIndex = s;
      const m = re.exec(text);
      if (m === null) continue;
      out.push(m);
      if (out.length >= limit) return out;
      pos = s + Math.max(1, m[0].length);
      s = pos - 1;
    }
    if (pos <= end) pos = end + 1;
  }
  return out;
}

/** The pattern as a sticky regex: tried at one position at a time. */
export function sticky(re: RegExp): RegExp {
  return new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);
}

/**
 * A pattern with its cue: words one of which every match contains. With `at`, a cue word starts
 * between at[0] and at[1] characters after the start of every match, and the pattern is tried
 * only there; without it, the whole text is searched when it holds a cue word.
 */
export class CuedPattern {
  private readonly near: RegExp | null;

  constructor(
    readonly re: RegExp,
    readonly words: readonly string[],
    readonly at?: readonly [min: number, max: number],
  ) {
    this.near = at ? sticky(re) : null;
  }

  private cued(text: string): boolean {
    for (const w of this.words) if (text.includes(w)) return true;
    return false;
  }

  private search(text: string, limit: number): RegExpExecArray[] {
    const [min, max] = this.at as readonly [number, number];
    // Every match starts near a cue, so none can reach into the positions tried from elsewhere.
    return matchesNear(this.near as RegExp, text, cuePositions(text, this.words), -max, -min, undefined, limit);
  }

  /** The matches that a loop of re.exec over `text` (a global `re`) finds, in order. */
  matches(text: string): RegExpExecArray[] {
    if (this.near) return this.search(text, Infinity);
    const out: RegExpExecArray[] = [];
    if (!this.cued(text)) return out;
    const re = this.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
    return out;
  }

  /** re.test(text) for a `re` without the g or y flag. */
  test(text: string): boolean {
    if (this.near) return this.search(text, 1).length > 0;
    return this.cued(text) && this.re.test(text);
  }
}
