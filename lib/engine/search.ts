// Whole-text searches of the document checks that skip a text without their cue words. Several
// patterns look for words that most documents lack (长期有效, 试行期, 公示): one indexOf of a word
// that every match contains is cheaper than a regex scan of the whole text. Each cue is checked
// against its pattern by test/engine/search.test.ts.

/** A pattern with its cue: words one of which every match of the pattern contains. */
export class CuedPattern {
  constructor(
    readonly re: RegExp,
    readonly words: readonly string[],
  ) {}

  private cued(text: string): boolean {
    for (const w of this.words) if (text.includes(w)) return true;
    return false;
  }

  /** The matches that a loop of re.exec over `text` (a global `re`) finds, in order. */
  matches(text: string): RegExpExecArray[] {
    const out: RegExpExecArray[] = [];
    if (!this.cued(text)) return out;
    const re = this.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
    return out;
  }

  /** re.test(text) for a `re` without the g or y flag. */
  test(text: string): boolean {
    return this.cued(text) && this.re.test(text);
  }
}
