import type { BuiltPack, ClauseRule, PackParameters, Rule } from './schema';
import { hitGroupLeads, secondChars, startChars } from './first-chars';
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
// answer for much less; short patterns are searched faster by the regex engine itself.
const FILTERED_MIN_LENGTH = 200;

/** RegExp.test restricted to the positions where a match can start: position 0 and `starts`. */
class StartFilteredSearch implements GuardPattern {
  constructor(
    /** the pattern with the sticky flag */
    private readonly sticky: RegExp,
    /** bit set of the code units a match at a position > 0 starts with; null: none can */
    private readonly starts: Int32Array | null,
  ) {}

  get source(): string {
    return this.sticky.source;
  }

  test(s: string): boolean {
    const re = this.sticky;
    re.lastIndex = 0;
    if (re.test(s)) return true;
    const bits = this.starts;
    if (bits === null) return false;
    // no match starts at s.length: a match that consumes nothing has no start character
    for (let p = 1, n = s.length; p < n; p++) {
      const c = s.charCodeAt(p);
      if (((bits[c >> 5]! >>> (c & 31)) & 1) === 0) continue;
      re.lastIndex = p;
      if (re.test(s)) return true;
    }
    return false;
  }
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
export const BY_CODE_STRIDE = 5;

/** A layered, compiled pack chain (national + local), ready for check(). */
export interface CompiledPack {
  packs: { id: string; version: string }[];
  params: PackParameters;
  rules: Rule[];
  clauseRules: CompiledClauseRule[];
  /**
   * For each UTF-16 code unit a match can start with, the patterns that can start there,
   * flattened: byCode[c] = [the union of the masks below (all bits when a pattern takes any next
   * code unit), then in groups of BY_CODE_STRIDE: rule index, sticky pattern, set of possible next
   * code units or null, a 32-bit mask of those code units' low 5 bits (a cheap test before the
   * set's), null or the sticky pattern with indices when the span of its hit group cannot be told
   * without them, …]. A scan of the text's code units against this table finds every candidate in
   * one tight loop; the union mask rules out most positions before their entries are read.
   */
  byCode: (readonly CodeEntry[] | undefined)[];
  /** 1 where byCode has entries: a byte table is the cheapest test in the scan's inner loop */
  gate: Uint8Array;
  /** patterns whose first character cannot be bounded: run on their own over each paragraph */
  unbounded: [number, RegExp][];
}

function gateOf(byChar: Map<string, unknown>): Uint8Array {
  const gate = new Uint8Array(65536);
  for (const ch of byChar.keys()) gate[ch.charCodeAt(0)] = 1;
  return gate;
}


function flattenByCode(byChar: Map<string, [number, RegExp, Set<number> | null, number, RegExp | null][]>): (readonly CodeEntry[] | undefined)[] {
  // filled, so the array stays a packed-elements array (a 65536-slot holey array becomes a slow
  // dictionary on V8); the scan reads it once per character of the text
  const table: (CodeEntry[] | undefined)[] = new Array(65536).fill(undefined);
  for (const [ch, entries] of byChar) {
    let union = 0;
    for (const [, , follow, mask] of entries) union |= follow === null ? -1 : mask;
    table[ch.charCodeAt(0)] = [union, ...entries.flat()];
  }
  return table;
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
  const safe = new Set<string>();
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
  const search = (source: string): GuardPattern => {
    let g = searches.get(source);
    if (g) return g;
    const re = guarded(source, '');
    const chars = source.length >= FILTERED_MIN_LENGTH ? startChars(source) : null;
    if (!chars) g = re;
    else {
      let bits: Int32Array | null = null;
      for (const ch of chars) {
        bits ??= new Int32Array(2048);
        const c = ch.charCodeAt(0);
        bits[c >> 5] = bits[c >> 5]! | (1 << (c & 31));
      }
      g = new StartFilteredSearch(guarded(source, 'y'), bits);
    }
    searches.set(source, g);
    costs.set(g, chars && chars.size === 0 ? source.length / 8 : source.length);
    return g;
  };
  // one regex per list keeps each guard cheap and lets a guard set be shared
  const listOf = (ruleId: string, refs: string[]): GuardPattern | null => {
    const sources = expand(ruleId, refs);
    return sources.length ? search(sources.map((s) => `(?:${s})`).join('|')) : null;
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
  const byChar = new Map<string, [number, RegExp, Set<number> | null, number, RegExp | null][]>();
  const unbounded: [number, RegExp][] = [];
  for (const rule of active) {
    if (rule.check !== 'clause') continue;
    const match = rule.match.map((src) => guarded(src, 'yd'));
    const index = clauseRules.length;
    rule.match.forEach((src, k) => {
      const chars = secondChars(src);
      if (!chars) unbounded.push([index, guarded(src, 'gd')]);
      else {
        const sticky = guarded(src, 'y');
        // the indices of a match are only needed for the span of a hit group that does not lead it
        const withIndices = src.includes('(?<hit>') && !hitGroupLeads(src) ? match[k]! : null;
        for (const [ch, next] of chars) {
          const follow = next ? new Set([...next].map((c) => c.charCodeAt(0))) : null;
          let mask = 0;
          for (const c of follow ?? []) mask |= 1 << (c & 31);
          const list = byChar.get(ch);
          if (list) list.push([index, sticky, follow, mask, withIndices]);
          else byChar.set(ch, [[index, sticky, follow, mask, withIndices]]);
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
    byCode: flattenByCode(byChar),
    gate: gateOf(byChar),
    unbounded,
  };
}
