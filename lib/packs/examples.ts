import { check } from '../engine/index';
import { compilePack, type CompiledPack } from './compile';
import type { BuiltPack, Rule } from './schema';

/** One example of one rule that did not behave as the rule file says. */
export interface ExampleFailure {
  pack: string;
  ruleId: string;
  kind: 'flag' | 'pass';
  example: string;
  reason: string;
}

/** Split a marked flag example into its text and the span between [[ and ]]. */
export function parseMarked(example: string): { text: string; start: number; end: number } {
  const start = example.indexOf('[[');
  const close = example.indexOf(']]', start);
  if (start < 0 || close < 0) throw new Error(`flag example lacks a [[…]] span: ${example}`);
  const text = example.slice(0, start) + example.slice(start + 2, close) + example.slice(close + 2);
  return { text, start, end: close - 2 };
}

/** Run one rule's examples against a compiled chain (the pack that holds the rule, on top of its bases). */
export function runRuleExamples(compiled: CompiledPack, rule: Rule, packId: string): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  // a clause rule's findings do not depend on the document checks: skip them for speed
  const opts = rule.check === 'clause' ? { documentChecks: false, onlyRule: rule.id } : {};
  for (const example of rule.examples.flag) {
    const { text, start, end } = parseMarked(example);
    const own = check(text, compiled, opts).findings.filter((f) => f.ruleId === rule.id);
    if (own.length !== 1) {
      failures.push({ pack: packId, ruleId: rule.id, kind: 'flag', example, reason: `expected exactly 1 finding, got ${own.length}${own.map((f) => ` [${f.text}]`).join('')}` });
    } else if (own[0]!.start !== start || own[0]!.end !== end) {
      failures.push({ pack: packId, ruleId: rule.id, kind: 'flag', example, reason: `span [${own[0]!.text}] (${own[0]!.start}-${own[0]!.end}) != marked [${text.slice(start, end)}] (${start}-${end})` });
    }
  }
  for (const example of rule.examples.pass) {
    const own = check(example, compiled, opts).findings.filter((f) => f.ruleId === rule.id);
    if (own.length) failures.push({ pack: packId, ruleId: rule.id, kind: 'pass', example, reason: `expected no finding, got${own.map((f) => ` [${f.text}]`).join('')}` });
  }
  return failures;
}

/** Run every example of every rule of the last pack in the chain; returns the failures. */
export function runPackExamples(chain: BuiltPack[], compiled: CompiledPack = compilePack(chain)): ExampleFailure[] {
  const pack = chain[chain.length - 1]!;
  return pack.rules.filter((r) => r.enabled).flatMap((rule) => runRuleExamples(compiled, rule, pack.manifest.id));
}
