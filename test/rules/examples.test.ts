// The one generic test of every rule of every pack (LanguageTool's PatternRuleTest, STYLE.md):
// a flag example yields exactly one finding of its rule whose span equals the [[marked]] span;
// a pass example yields none of that rule.
import { describe, expect, it } from 'vitest';
import { compilePack } from '../../lib/packs/compile';
import { parseMarked, runRuleExamples } from '../../lib/packs/examples';
import { loadBuiltinPacks, resolveChain } from '../../lib/packs/load';

const packs = loadBuiltinPacks();

describe.each([...packs.values()].map((p) => [p.manifest.id, p] as const))('pack %s', (_id, pack) => {
  const compiled = compilePack(resolveChain(pack, packs));
  it.each(pack.rules.map((r) => [r.id, r] as const))('rule %s: every example behaves as marked', (_rid, rule) => {
    expect(runRuleExamples(compiled, rule, pack.manifest.id)).toEqual([]);
  });
});

describe('parseMarked', () => {
  it('returns the text without markers and the marked span', () => {
    expect(parseMarked('甲[[乙丙]]丁')).toEqual({ text: '甲乙丙丁', start: 1, end: 3 });
  });
});
