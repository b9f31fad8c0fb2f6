import type { BuiltPack, ClauseRule, PackParameters, Rule } from './schema';
import { endAnchored, hitGroupLeads, leadingRun, maxMatchLength, requiredStrings, secondChars, startChars, withGapLookaheads } from './first-chars';
import { compileGuarded } from './regex-guard';

/** Pack-wide defaults; 000 §16 and legal-basis §9 (5 years, 3 for 暂行/试行, 30 days). */
export const DEFAULT_PARAMETERS: PackParameters = {
  validityMaxYears: 5,
  provisionalValidityMaxYears: 3,
  commentMinDays: 30,
  commentCounting: 'inclusive',
};

/** What the engine asks of a guard: does it match anywhere in a string (as RegExp.test). */
export interface GuardPattern {
  /** the pattern, as RegExp.source */
  readonly source: string;
  test(s: string): boolean;
}

// A search for a long alternation (the ~80 subject nouns of @private-subject, behind lookbehinds)
// costs the regex engine every alternative at every position. Where the characters a match can
// start with are known, trying only those positions (and 0) with a sticky copy gives the same
// answer for much less; a pattern anchored at the end with a bounded length needs only the last
// few of them, and a class test after a lazy gap spares the alternatives at most of its steps
// (withGapLookaheads). Short patterns are searched faster by the regex engine itself.
const FILTERED_MIN_LENGTH = 200;

/** The longest pattern the regex guard accepts (MAX_LENGTH of regex-guard.ts; test/packs/compile-lists.test.ts checks they agree). */
const GUARD_MAX_LENGTH = 3000;

/**
 * RegExp.test restricted to the positions where a match can start: position 0 and the positions
 * holding one of `starts`; for a pattern whose matches end at the end of the text (…$) and are at
 * most `window` code units long, only among the last `window` positions.
 */
class StartFilteredSearch implements GuardPattern {
  constructor(
    /** the pattern as written */
    readonly source: string,
    /** the pattern with the sticky flag */
    private readonly sticky: RegExp,
    /** bit set of the code units a match at a position > 0 starts with; null: none can */
    private readonly starts: Int32Array | null,
    /** the longest match of a pattern anchored at the end, else Infinity */
    private readonly window = Infinity,
  ) {}

  test(s: string): boolean {
    const re = this.sticky;
    const n = s.length;
    // a match that starts before n - window would be longer than any match can be
    let p = this.window < n ? n - this.window : 0;
    if (p === 0) {
      re.lastIndex = 0;
      if (re.test(s)) return true;
      p = 1;
    }
    const bits = this.starts;
    if (bits === null) return false;
    // no match starts at s.length: a match that consumes nothing has no start character
    for (; p < n; p++) {
      const c = s.charCodeAt(p);
      if (((bits[c >> 5]! >>> (c & 31)) & 1) === 0) continue;
      re.lastIndex = p;
      if (re.test(s)) return true;
    }
    return false;
  }
}

/** A guard list searched as several searches (see search() in compilePack): it matches where one of them does. */
class AnyOfSearch implements GuardPattern {
  constructor(
    readonly source: string,
    private readonly parts: readonly GuardPattern[],
  ) {}

  test(s: string): boolean {
    for (const part of this.parts) if (part.test(s)) return true;
    return false;
  }
}

/**
 * A search run only on texts that contain one of the strings some match of it must contain:
 * most texts a guard list of long alternations looks at contain none of them, and a scan for a
 * few strings costs far less than the search. Same answers as `search` itself.
 */
class RequiredStringsSearch implements GuardPattern {
  constructor(
    private readonly search: GuardPattern,
    /** bit set of the first code units of the strings */
    private readonly firsts: Int32Array,
    /** the strings by their first code unit */
    private readonly byFirst: ReadonlyMap<number, readonly string[]>,
  ) {}

  get source(): string {
    return this.search.source;
  }

  test(s: string): boolean {
    const bits = this.firsts;
    for (let p = 0, n = s.length; p < n; p++) {
      const c = s.charCodeAt(p);
      if (((bits[c >> 5]! >>> (c & 31)) & 1) === 0) continue;
      for (const w of this.byFirst.get(c)!) if (s.startsWith(w, p)) return this.search.test(s);
    }
    return false;
  }
}

/** The strings that a guard list requires (see RequiredStringsSearch), as a bit set of their first code units and by first code unit. */
interface RequiredTable {
  firsts: Int32Array;
  byFirst: Map<number, string[]>;
}

/** The table of the strings one of which each of `sources` requires, or null when some requires none. */
function requiredTable(sources: string[]): RequiredTable | null {
  const firsts = new Int32Array(2048);
  const byFirst = new Map<number, string[]>();
  for (const src of sources) {
    let strings = requiredMemo.get(src);
    if (strings === undefined) requiredMemo.set(src, (strings = requiredStrings(src)));
    if (strings === null) return null;
    for (const w of strings) {
      const c = w.charCodeAt(0);
      firsts[c >> 5] = firsts[c >> 5]! | (1 << (c & 31));
      const list = byFirst.get(c);
      if (!list) byFirst.set(c, [w]);
      else if (!list.includes(w)) list.push(w);
    }
  }
  return { firsts, byFirst };
}

/**
 * `search` of the list `source` of `sources` behind a test for the strings one of which each
 * source requires (the list matches only where one of them does), or `search` itself when some
 * source requires none.
 */
function withRequiredStrings(search: GuardPattern, source: string, sources: string[]): GuardPattern {
  let table = requiredTables.get(source);
  if (table === undefined) requiredTables.set(source, (table = requiredTable(sources)));
  return table ? new RequiredStringsSearch(search, table.firsts, table.byFirst) : search;
}

/** The text around a match that a guard looks at. */
export type GuardSubject = 'sentence' | 'paragraph' | 'clause' | 'leadIn' | 'before' | 'after';

/** One condition of a clause rule: `pattern` must (`required`) or must not match `subject`. */
export interface GuardStep {
  subject: GuardSubject;
  pattern: GuardPattern;
  required: boolean;
}

/** A clause rule with its regexes compiled once. */
export interface CompiledClauseRule {
  rule: ClauseRule;
  /** the match patterns, sticky and with indices (for the span of a hit group) */
  match: RegExp[];
  /**
   * requires, unless, unlessParagraph… as independent conditions, cheapest first: the order
   * changes nothing but how soon a match that fails one of them is dropped
   */
  guards: GuardStep[];
}

/** One slot of a flattened byCode entry list. */
export type CodeEntry = number | RegExp | Set<number> | null;

/** Slots per pattern in a byCode entry list. */
export const BY_CODE_STRIDE = 6;

/** A layered, compiled pack chain (national + local), ready for check(). */
export interface CompiledPack {
  packs: { id: string; version: string }[];
  params: PackParameters;
  rules: Rule[];
  clauseRules: CompiledClauseRule[];
  /**
   * For each UTF-16 code unit a match can start with (its slot, see `gate`), the patterns that can
   * start there, flattened: [the union of the masks below (all bits when a pattern takes any next
   * code unit), then in groups of BY_CODE_STRIDE: rule index, sticky pattern, set of possible next
   * code units or null, a 32-bit mask of those code units' low 5 bits (a cheap test before the
   * set's), null or the sticky pattern with indices when the span of its hit group cannot be told
   * without them, the pattern's slot in the scanner's record of failures inside runs or -1 when
   * it does not lead with a run (see `runs`), …]. A scan of the text's code units against this
   * table finds every candidate in one tight loop; the union mask rules out most positions before
   * their entries are read.
   * Slot 0 is an empty list that no code unit maps to.
   */
  byCode: readonly (readonly CodeEntry[])[];
  /**
   * For each UTF-16 code unit, its slot in byCode, 0 when no pattern starts with it: a typed
   * array is the cheapest test in the scan's inner loop, and only a few hundred code units need a
   * list (a 65536-slot array of lists costs a millisecond to fill on every compile)
   */
  gate: Uint16Array;
  /**
   * How many patterns lead with an unbounded run of single characters (\d+年内…, leadingRun):
   * where one fails inside a run, it fails at the rest of the run, which the scan skips
   */
  runs: number;
  /** patterns whose first character cannot be bounded: run on their own over each paragraph */
  unbounded: [number, RegExp][];
}

type ByCharEntry = [number, RegExp, Set<number> | null, number, RegExp | null, number];

/** The byCode lists and the gate pointing into them, from the entries for each first character. */
function flattenByCode(byChar: Map<string, ByCharEntry[]>): { byCode: CodeEntry[][]; gate: Uint16Array } {
  // a slot for each of the 65536 code units and the empty slot 0 would need one more bit
  if (byChar.size > 65535) throw new PackCompileError('规则包的模式过多', 'too many patterns in the pack');
  const byCode: CodeEntry[][] = [[]];
  const gate = new Uint16Array(65536);
  for (const [ch, entries] of byChar) {
    let union = 0;
    for (const [, , follow, mask] of entries) union |= follow === null ? -1 : mask;
    gate[ch.charCodeAt(0)] = byCode.length;
    byCode.push([union, ...entries.flat()]);
  }
  return { byCode, gate };
}

// What compilePack learns about a pattern depends on its source alone, so a pack compiled again
// in the same page (a pack updated, another layering) reuses it; the analyses' results are only
// read. Sources that passed the regex guard, with any flags:
const passedGuard = new Set<string>();
/** startChars of the patterns of guard lists */
const startCharsMemo = new Map<string, Set<string> | null>();
/** maxMatchLength of the patterns of guard lists anchored at the end, else Infinity */
const windowMemo = new Map<string, number>();
/** requiredStrings of the patterns of guard lists */
const requiredMemo = new Map<string, string[] | null>();
/** requiredTable of guard lists (the tables are only read) */
const requiredTables = new Map<string, RequiredTable | null>();

/** What the scan needs to know of a match pattern (see CompiledPack.byCode). */
interface MatchAnalysis {
  /** secondChars */
  chars: Map<string, Set<string> | null> | null;
  /** the span of a hit group cannot be told without the match's indices */
  needsIndices: boolean;
  /** leadingRun */
  run: Set<string> | null;
}
const matchMemo = new Map<string, MatchAnalysis>();

/** The analysis of the match pattern `src`, done once per source. */
function analyseMatch(src: string): MatchAnalysis {
  let a = matchMemo.get(src);
  if (!a) {
    const chars = secondChars(src);
    a = { chars, needsIndices: chars !== null && src.includes('(?<hit>') && !hitGroupLeads(src), run: chars && leadingRun(src) };
    matchMemo.set(src, a);
  }
  return a;
}

/** A pack chain that cannot be layered or compiled; message in both languages. */
export class PackCompileError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'PackCompileError';
  }
}

/**
 * Layer a chain of built packs (base first: [national, local]) and compile every pattern once.
 * A later pack overrides parameters and guard sets it names, replaces rules with the same id,
 * adds new rules and disables rules listed in its manifest's `disable`.
 */
export function compilePack(chain: BuiltPack[]): CompiledPack {
  if (chain.length === 0) throw new PackCompileError('未提供规则包', 'no pack given');
  for (let i = 1; i < chain.length; i++) {
    const ext = chain[i]!.manifest.extends;
    if (ext && ext !== chain[i - 1]!.manifest.id) {
      throw new PackCompileError(
        `规则包 ${chain[i]!.manifest.id} 继承 ${ext}，但其前一层是 ${chain[i - 1]!.manifest.id}`,
        `pack ${chain[i]!.manifest.id} extends ${ext} but is layered on ${chain[i - 1]!.manifest.id}`,
      );
    }
  }
  const params: PackParameters = { ...DEFAULT_PARAMETERS };
  const guardSets = new Map<string, string[]>();
  const rules = new Map<string, Rule>();
  for (const pack of chain) {
    const p = pack.manifest.parameters;
    if (p.validityMaxYears !== undefined) params.validityMaxYears = p.validityMaxYears;
    if (p.provisionalValidityMaxYears !== undefined) params.provisionalValidityMaxYears = p.provisionalValidityMaxYears;
    if (p.commentMinDays !== undefined) params.commentMinDays = p.commentMinDays;
    if (p.commentCounting !== undefined) params.commentCounting = p.commentCounting;
    if (p.filingDays !== undefined) params.filingDays = p.filingDays;
    for (const [name, list] of Object.entries(pack.manifest.guards)) guardSets.set(name, list);
    for (const id of pack.manifest.disable) rules.delete(id);
    for (const rule of pack.rules) rules.set(rule.id, rule);
  }

  // Rules share guard sets and often patterns: check and compile each distinct source once.
  // The regexes are only used through test()/exec() with lastIndex set first, so sharing is safe.
  const memo = new Map<string, RegExp>();
  const safe = passedGuard;
  const guarded = (source: string, flags: string): RegExp => {
    const key = `${flags}/${source}`;
    let re = memo.get(key);
    if (!re) {
      // a source that passed the guard with some flags passes it with any
      re = safe.has(source) ? new RegExp(source, flags) : compileGuarded(source, flags);
      safe.add(source);
      memo.set(key, re);
    }
    return re;
  };
  const expand = (ruleId: string, refs: string[]): string[] =>
    refs.flatMap((ref) => {
      if (!ref.startsWith('@')) return [ref];
      const set = guardSets.get(ref.slice(1));
      if (!set) throw new PackCompileError(`规则 ${ruleId} 引用了不存在的条件组 ${ref}`, `rule ${ruleId} refers to unknown guard set ${ref}`);
      return set;
    });
  const searches = new Map<string, GuardPattern>();
  /** rough cost of a search: long alternations cost more, patterns anchored at ^ try one position */
  const costs = new Map<GuardPattern, number>();
  // The guard lists of many rules repeat the same guard sets, and a list (?:a)|(?:b)|… is long:
  // what the lists need to know follows from their patterns, each analysed once. The regex
  // guard's walk sees the same groups and quantifiers inside each (?:…) as in the pattern alone
  // and the wrappers add none, so a list passes the guard when each of its patterns does and the
  // list is not too long; and a match of the list starts where a match of one of its patterns does.
  const starts = startCharsMemo;
  const startsOf = (sources: string[]): Set<string> | null => {
    const out = new Set<string>();
    for (const src of sources) {
      let chars = starts.get(src);
      if (chars === undefined) starts.set(src, (chars = startChars(src)));
      if (chars === null) return null;
      for (const c of chars) out.add(c);
    }
    return out;
  };
  const passes = (src: string): boolean => {
    if (safe.has(src)) return true;
    try {
      compileGuarded(src);
    } catch {
      return false;
    }
    safe.add(src);
    return true;
  };
  /** the list's regex with `flags`, compiled as guarded() would, its patterns checked one by one */
  const guardedList = (sources: string[], list: string, flags: string): RegExp => {
    if (!safe.has(list) && list.length <= GUARD_MAX_LENGTH && sources.every(passes)) {
      // patterns that compile alone may still clash in one regex (a group name used twice)
      try {
        const re = new RegExp(list, flags);
        safe.add(list);
        memo.set(`${flags}/${list}`, re);
        return re;
      } catch {
        // guarded() below reports it as the guard does
      }
    }
    return guarded(list, flags);
  };
  const bitsOf = (chars: Set<string>): Int32Array | null => {
    let bits: Int32Array | null = null;
    for (const ch of chars) {
      bits ??= new Int32Array(2048);
      const c = ch.charCodeAt(0);
      bits[c >> 5] = bits[c >> 5]! | (1 << (c & 31));
    }
    return bits;
  };
  const windowOf = (src: string): number => {
    let w = windowMemo.get(src);
    if (w === undefined) windowMemo.set(src, (w = endAnchored(src) ? maxMatchLength(src) : Infinity));
    return w;
  };
  /** a list searched as one regex from position 0 and its start characters (plain when short or they are unknown) */
  const wholeSearch = (sources: string[], source: string): GuardPattern => {
    const re = guardedList(sources, source, '');
    const chars = source.length >= FILTERED_MIN_LENGTH ? startsOf(sources) : null;
    return chars ? new StartFilteredSearch(source, fastSticky(source), bitsOf(chars)) : re;
  };
  /**
   * The list's sticky regex, with first-character lookaheads after its lazy gaps
   * (withGapLookaheads). Only for lists whose whole list search() already put through the guard:
   * its patterns each passed, and a part of a list that compiles compiles too.
   */
  const fastSticky = (source: string): RegExp => new RegExp(withGapLookaheads(source), 'y');
  const search = (sources: string[]): GuardPattern => {
    const source = sources.map((s) => `(?:${s})`).join('|');
    let g = searches.get(source);
    if (g) return g;
    // the whole list goes through the guard (and fails with its message) whatever searches it
    const re = guardedList(sources, source, '');
    const long = source.length >= FILTERED_MIN_LENGTH;
    const chars = long ? startsOf(sources) : null;
    // Patterns anchored at the end with a bounded length (the subject nouns right before a
    // match, …[^，。；]{0,4}$) can only match among the last few positions: each is searched
    // alone, there. The others are searched together, as one regex.
    const ending = long ? sources.filter((src) => windowOf(src) < Infinity && (startsOf([src])?.size ?? 0) > 0) : [];
    if (ending.length === 0) g = long ? wholeSearch(sources, source) : re;
    else {
      const rest = sources.filter((src) => !ending.includes(src));
      const parts: GuardPattern[] = [];
      if (rest.length) {
        const restSource = rest.map((s) => `(?:${s})`).join('|');
        parts.push(wholeSearch(rest, restSource));
      }
      for (const src of ending) parts.push(new StartFilteredSearch(src, fastSticky(src), bitsOf(startsOf([src])!), windowOf(src)));
      g = parts.length === 1 ? parts[0]! : new AnyOfSearch(source, parts);
    }
    const cost = chars && chars.size === 0 ? source.length / 8 : source.length;
    if (long) g = withRequiredStrings(g, source, sources);
    searches.set(source, g);
    costs.set(g, cost);
    return g;
  };

  // one regex per list keeps each guard cheap and lets a guard set be shared
  const lists = new Map<string, GuardPattern | null>();
  const listOf = (ruleId: string, refs: string[]): GuardPattern | null => {
    const key = JSON.stringify(refs);
    let g = lists.get(key);
    if (g === undefined) {
      const sources = expand(ruleId, refs);
      lists.set(key, (g = sources.length ? search(sources) : null));
    }
    return g;
  };
  // texts to search differ in length: a paragraph is longer than the words before a match
  const SUBJECT_COST: Record<GuardSubject, number> = { leadIn: 0.5, before: 1, after: 1, clause: 1, sentence: 1.5, paragraph: 3 };
  const guardsOf = (rule: ClauseRule): GuardStep[] => {
    const steps: GuardStep[] = [];
    // For `requires`-style lists every entry must hold; a guard set counts as one entry that
    // holds when any of its patterns matches.
    const each = (subject: GuardSubject, refs: string[]): void => {
      for (const ref of refs) steps.push({ subject, pattern: listOf(rule.id, [ref])!, required: true });
    };
    const none = (subject: GuardSubject, refs: string[]): void => {
      const pattern = listOf(rule.id, refs);
      if (pattern) steps.push({ subject, pattern, required: false });
    };
    each('sentence', rule.requires);
    none('sentence', rule.unless);
    none('paragraph', rule.unlessParagraph);
    none('clause', rule.unlessClause);
    each('leadIn', rule.requireLeadIn);
    none('leadIn', rule.unlessLeadIn);
    none('before', rule.unlessBefore);
    each('before', rule.requireBefore);
    none('after', rule.unlessAfter);
    const cost = (g: GuardStep): number => costs.get(g.pattern)! * SUBJECT_COST[g.subject];
    // a stable sort: equal costs keep the order above
    return steps.sort((a, b) => cost(a) - cost(b));
  };

  const active = [...rules.values()].filter((r) => r.enabled);
  const clauseRules: CompiledClauseRule[] = [];
  const byChar = new Map<string, ByCharEntry[]>();
  const unbounded: [number, RegExp][] = [];
  let runs = 0;
  for (const rule of active) {
    if (rule.check !== 'clause') continue;
    const match = rule.match.map((src) => guarded(src, 'yd'));
    const index = clauseRules.length;
    rule.match.forEach((src, k) => {
      const { chars, needsIndices, run: runChars } = analyseMatch(src);
      if (!chars) unbounded.push([index, guarded(src, 'gd')]);
      else {
        const sticky = guarded(src, 'y');
        // the indices of a match are only needed for the span of a hit group that does not lead it
        const withIndices = needsIndices ? match[k]! : null;
        // the pattern's failures are recorded and skipped only where it starts on its run
        const run = runChars ? runs++ : -1;
        for (const [ch, next] of chars) {
          const follow = next ? new Set([...next].map((c) => c.charCodeAt(0))) : null;
          let mask = 0;
          for (const c of follow ?? []) mask |= 1 << (c & 31);
          const list = byChar.get(ch);
          const entry: ByCharEntry = [index, sticky, follow, mask, withIndices, runChars?.has(ch) ? run : -1];
          if (list) list.push(entry);
          else byChar.set(ch, [entry]);
        }
      }
    });
    clauseRules.push({ rule, match, guards: guardsOf(rule) });
  }
  return {
    packs: chain.map((p) => ({ id: p.manifest.id, version: p.manifest.version })),
    params,
    rules: active,
    clauseRules,
    ...flattenByCode(byChar),
    runs,
    unbounded,
  };
}
