import type { BuiltPack, ClauseRule, PackParameters, Rule } from './schema';
import { secondChars } from './first-chars';
import { compileGuarded } from './regex-guard';

/** Pack-wide defaults; 000 §16 and legal-basis §9 (5 years, 3 for 暂行/试行, 30 days). */
export const DEFAULT_PARAMETERS: PackParameters = {
  validityMaxYears: 5,
  provisionalValidityMaxYears: 3,
  commentMinDays: 30,
  commentCounting: 'inclusive',
};

/** A clause rule with its regexes compiled once. */
export interface CompiledClauseRule {
  rule: ClauseRule;
  /** sticky versions of the match patterns, tried at candidate positions */
  match: RegExp[];
  requires: RegExp[];
  unless: RegExp[];
  unlessParagraph: RegExp[];
  unlessClause: RegExp[];
  requireLeadIn: RegExp[];
  unlessLeadIn: RegExp[];
  unlessBefore: RegExp[];
  requireBefore: RegExp[];
  unlessAfter: RegExp[];
}

/** One slot of a flattened byCode entry list. */
export type CodeEntry = number | RegExp | Set<number> | null;

/** A layered, compiled pack chain (national + local), ready for check(). */
export interface CompiledPack {
  packs: { id: string; version: string }[];
  params: PackParameters;
  rules: Rule[];
  clauseRules: CompiledClauseRule[];
  /**
   * For each UTF-16 code unit a match can start with, the patterns that can start there,
   * flattened: byCode[c] = [rule index, sticky pattern, set of possible next code units or null,
   * a 32-bit mask of those code units' low 5 bits (a cheap test before the set's), …].
   * A scan of the text's code units against this table finds every candidate in one tight loop.
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

function flattenByCode(byChar: Map<string, [number, RegExp, Set<number> | null, number][]>): (readonly CodeEntry[] | undefined)[] {
  // filled, so the array stays a packed-elements array (a 65536-slot holey array becomes a slow
  // dictionary on V8); the scan reads it once per character of the text
  const table: (CodeEntry[] | undefined)[] = new Array(65536).fill(undefined);
  for (const [ch, entries] of byChar) table[ch.charCodeAt(0)] = entries.flat();
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
  const guarded = (source: string, flags: string): RegExp => {
    const key = `${flags}/${source}`;
    let re = memo.get(key);
    if (!re) memo.set(key, (re = compileGuarded(source, flags)));
    return re;
  };
  const expand = (ruleId: string, refs: string[]): string[] =>
    refs.flatMap((ref) => {
      if (!ref.startsWith('@')) return [ref];
      const set = guardSets.get(ref.slice(1));
      if (!set) throw new PackCompileError(`规则 ${ruleId} 引用了不存在的条件组 ${ref}`, `rule ${ruleId} refers to unknown guard set ${ref}`);
      return set;
    });
  const compileList = (ruleId: string, refs: string[], flags = ''): RegExp[] => {
    // one regex per list keeps each guard cheap and lets a guard set be shared
    const sources = expand(ruleId, refs);
    return sources.length ? [guarded(sources.map((s) => `(?:${s})`).join('|'), flags)] : [];
  };

  // For `requires`-style lists every entry must hold; a guard set counts as one entry that holds
  // when any of its patterns matches.
  const compileEach = (ruleId: string, refs: string[]): RegExp[] => refs.map((ref) => compileList(ruleId, [ref])[0]!);

  const active = [...rules.values()].filter((r) => r.enabled);
  const clauseRules: CompiledClauseRule[] = [];
  const byChar = new Map<string, [number, RegExp, Set<number> | null, number][]>();
  const unbounded: [number, RegExp][] = [];
  for (const rule of active) {
    if (rule.check !== 'clause') continue;
    const match = rule.match.map((src) => guarded(src, 'yd'));
    const index = clauseRules.length;
    rule.match.forEach((src, k) => {
      const chars = secondChars(src);
      if (!chars) unbounded.push([index, guarded(src, 'gd')]);
      else
        for (const [ch, next] of chars) {
          const follow = next ? new Set([...next].map((c) => c.charCodeAt(0))) : null;
          let mask = 0;
          for (const c of follow ?? []) mask |= 1 << (c & 31);
          const list = byChar.get(ch);
          if (list) list.push([index, match[k]!, follow, mask]);
          else byChar.set(ch, [[index, match[k]!, follow, mask]]);
        }
    });
    clauseRules.push({
      rule,
      match,
      requires: compileEach(rule.id, rule.requires),
      unless: compileList(rule.id, rule.unless),
      unlessParagraph: compileList(rule.id, rule.unlessParagraph),
      unlessClause: compileList(rule.id, rule.unlessClause),
      requireLeadIn: compileEach(rule.id, rule.requireLeadIn),
      unlessLeadIn: compileList(rule.id, rule.unlessLeadIn),
      unlessBefore: compileList(rule.id, rule.unlessBefore),
      requireBefore: compileEach(rule.id, rule.requireBefore),
      unlessAfter: compileList(rule.id, rule.unlessAfter),
    });
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
