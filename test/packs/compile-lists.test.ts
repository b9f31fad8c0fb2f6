// compilePack analyses a guard list (?:a)|(?:b)|… through its patterns, each once (regex guard,
// start characters): the outcome must be what the guard and startChars give for the whole list.
import { describe, expect, it } from 'vitest';
import { compilePack } from '../../lib/packs/compile';
import { check } from '../../lib/engine/index';
import { leadingRun, requiredStrings, startChars } from '../../lib/packs/first-chars';
import { loadBuiltinPacks, resolveChain } from '../../lib/packs/load';
import { compileGuarded, UnsafePatternError } from '../../lib/packs/regex-guard';
import type { BuiltPack } from '../../lib/packs/schema';

const packs = loadBuiltinPacks();
const national = packs.get('national')!;

/** national with one more rule whose `unless` is the guard set `g` */
function withGuardSet(g: string[], name = 'test-set'): BuiltPack[] {
  const base = national.rules.find((r) => r.id === 'penalty-fine')!;
  const rule = { ...base, id: 'test-rule', unless: [`@${name}`] } as BuiltPack['rules'][number];
  const local: BuiltPack = { format: 'fashen-pack/1', manifest: { ...national.manifest, id: 'test-local', extends: 'national', guards: { [name]: g }, disable: [] }, rules: [rule] };
  return [national, local];
}

const listOf = (g: string[]): string => g.map((s) => `(?:${s})`).join('|');

/** The error compileGuarded gives for `src`, or null. */
function guardError(src: string): string | null {
  try {
    compileGuarded(src);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function compileError(chain: BuiltPack[]): string | null {
  try {
    compilePack(chain);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(UnsafePatternError);
    return (e as Error).message;
  }
}

describe('guard lists', () => {
  it.each([
    // the guard's length limit applies to the whole list, not its patterns (3000 characters)
    [['甲'.repeat(995), '乙'.repeat(995)]],
    [['甲'.repeat(995), '乙'.repeat(996)]],
    [['甲'.repeat(995), '乙'.repeat(997)]],
    [['甲'.repeat(1500), '乙'.repeat(1500)]],
    [['甲'.repeat(1495), '乙'.repeat(1496)]],
    // one unsafe or invalid pattern makes the list fail as the guard says for the list
    [['单位', '(?:a+)+']],
    [['单位', '处(罚']],
    [['单位', '[^，]*']],
    [['(?<x>甲)', '(?<x>乙)']],
    [['(?:单位|个人){1,3}', '第\\d+条', '[（(]一[）)]']],
  ])('%#: compiles exactly when the list passes the guard, with its error', (g) => {
    expect(compileError(withGuardSet(g))).toBe(guardError(listOf(g)));
  });

  it('filters a long list by the start characters of the whole list', () => {
    const chain = resolveChain(packs.get('kunming-dongchuan')!, packs);
    const compiled = compilePack(chain);
    let filtered = 0;
    for (const r of compiled.clauseRules) {
      for (const g of r.guards) {
        // the search behind its required strings, if any
        const search = (g.pattern as unknown as { search?: unknown }).search ?? g.pattern;
        const starts = (search as { starts?: Int32Array | null }).starts;
        if (starts === undefined) continue;
        filtered++;
        const chars = startChars(g.pattern.source)!;
        const bits = new Int32Array(2048);
        for (const ch of chars) bits[ch.charCodeAt(0) >> 5]! |= 1 << (ch.charCodeAt(0) & 31);
        expect(starts === null ? chars.size : null).toBe(starts === null ? 0 : null);
        if (starts !== null) expect([...starts]).toEqual([...bits]);
      }
    }
    expect(filtered).toBeGreaterThan(0);
  });
});

describe('requiredStrings', () => {
  it.each([
    ['未经[^。]{0,9}阻止', ['未']],
    ['[^。]{0,80}?(?:缴纳|交纳)[^，]{0,9}(?:费|资金)', ['缴纳', '交纳']],
    ['(?:单位|个人)(?:不得)?', ['单位', '个人']],
    ['^(?:给予|予以)|^(?:设定|违反)', ['给予', '予以', '设定', '违反']],
    ['\\d+年内', ['年']],
    ['(?<hit>应当)?遵守', ['遵']],
    ['[^，]{0,4}$', null],
    ['(?:甲|)乙?', null],
    ['甲|[^乙]', null],
    ['\\u3000{2}', null],
  ])('%s', (src, strings) => {
    expect(requiredStrings(src)).toEqual(strings);
  });
});

describe('a guard list behind its required strings', () => {
  // every guard of every pack, on the sentences of the rule examples and their starts and ends
  // (what unlessBefore and unlessAfter look at): the same answer as the list's own search
  it('answers as the search it wraps', () => {
    const texts: string[] = [];
    for (const pack of packs.values())
      for (const rule of pack.rules)
        for (const e of [...rule.examples.flag, ...rule.examples.pass]) {
          const t = e.replace(/\[\[|\]\]/g, '');
          for (let i = 0; i <= t.length; i += 3) texts.push(t.slice(0, i), t.slice(i));
        }
    let wrapped = 0;
    for (const pack of packs.values()) {
      for (const r of compilePack(resolveChain(pack, packs)).clauseRules) {
        for (const g of r.guards) {
          const inner = (g.pattern as unknown as { search?: { test(s: string): boolean } }).search;
          if (!inner) continue;
          wrapped++;
          for (const t of texts) if (g.pattern.test(t) !== inner.test(t)) expect([g.pattern.source, t]).toBe(null);
        }
      }
    }
    expect(wrapped).toBeGreaterThan(0);
  });
});

describe('leadingRun', () => {
  it.each([
    ['\\d+年内不得', true],
    ['[0-9一二三]+个月内', true],
    ['\\d{1,}年', true],
    ['\\d{1,4}年', false], // a run of 5 digits: the last 4 may match where all 5 cannot
    ['(?<!第)\\d+年', false],
    ['^\\d+年', false],
    ['\\d*年', false],
    ['\\d+年|第', false],
    ['(?:年|月)+内', true],
    ['\\u3000+内', false],
    ['(?:处|给予)?\\d+日以下', true],
    ['(?:处|1)?\\d+日以下', false], // 1 may start the optional lead
    ['(?:处)?(?=[^，]{0,9}拘留)\\d+日', false],
  ])('%s', (src, leads) => {
    expect(leadingRun(src) !== null).toBe(leads);
  });

  it('a run-led rule still finds its match after a failed start in the same paragraph', () => {
    const chain = resolveChain(packs.get('kunming-dongchuan')!, packs);
    const rule = chain.flatMap((p) => p.rules).find((r) => r.check === 'clause' && r.match.some((m) => leadingRun(m) !== null));
    if (!rule) return;
    const compiled = compilePack(chain);
    for (const e of rule.examples.flag) {
      const t = e.replace(/\[\[|\]\]/g, '');
      // digits that fail first (12345年以后), then, in the next sentence, the example's own run
      const ids = (text: string) => check(text, compiled).findings.filter((f) => f.ruleId === rule.id).length;
      expect(ids(`12345年以后。${t}`)).toBe(ids(t));
    }
  });
});
