// One finding per span and category: two rules of one category that mark the same words would
// show the reviewer two underlines and two cards saying the same thing (check() keeps the most
// severe, then the first rule id). Nothing else may be lost: every span a rule finds on its own is
// still reported under its category.
import { describe, expect, it } from 'vitest';
import { check } from '../../lib/engine/index';
import { compilePack } from '../../lib/packs/compile';
import { parseMarked } from '../../lib/packs/examples';
import { loadBuiltinPacks, resolveChain } from '../../lib/packs/load';
import { realTexts } from '../real-texts';

const packs = loadBuiltinPacks();
const national = compilePack(resolveChain(packs.get('national')!, packs));
const texts = realTexts().map((t) => (t.includes('[[') ? parseMarked(t).text : t));

/** category@start-end of each finding of each clause rule checked alone */
function spansRuleByRule(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of national.clauseRules) {
    for (const f of check(text, national, { onlyRule: r.rule.id, documentChecks: false }).findings) {
      const key = `${f.category}@${f.start}-${f.end}`;
      out.set(key, [...(out.get(key) ?? []), f.ruleId]);
    }
  }
  return out;
}

describe('findings of one span and category are merged', () => {
  it('a sentence two rules of one category mark on the same words gives one finding there', () => {
    // the rule examples hold such sentences (an owner's consent duty is both a consent duty and a duty)
    const shared = texts.flatMap((text) => [...spansRuleByRule(text)].filter(([, rules]) => rules.length > 1).map(([key, rules]) => ({ text, key, rules })));
    expect(shared.length).toBeGreaterThan(0);
    for (const { text, key, rules } of shared) {
      const merged = check(text, national, { documentChecks: false }).findings.filter((f) => `${f.category}@${f.start}-${f.end}` === key);
      expect(merged).toHaveLength(1);
      expect(rules).toContain(merged[0]!.ruleId);
    }
  });

  it('the most severe finding of a span stays', () => {
    for (const text of texts) {
      const byKey = new Map<string, Set<string>>();
      for (const r of national.clauseRules)
        for (const f of check(text, national, { onlyRule: r.rule.id, documentChecks: false }).findings) {
          const key = `${f.category}@${f.start}-${f.end}`;
          byKey.set(key, (byKey.get(key) ?? new Set()).add(f.severity));
        }
      for (const f of check(text, national, { documentChecks: false }).findings) {
        const severities = byKey.get(`${f.category}@${f.start}-${f.end}`)!;
        if (severities.has('error')) expect(f.severity).toBe('error');
        else if (severities.has('warning')) expect(f.severity).not.toBe('info');
      }
    }
  });

  it('on real text, no span is lost and none is reported twice in a category', () => {
    for (const text of texts) {
      const alone = [...spansRuleByRule(text).keys()].sort();
      const together = check(text, national).findings.filter((f) => f.category !== 'validity' && f.category !== 'comment-period');
      const keys = together.map((f) => `${f.category}@${f.start}-${f.end}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect([...keys].sort()).toEqual(alone);
    }
  });
});
