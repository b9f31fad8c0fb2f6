// npm run bench:import: the import pipeline on a signed 1,000-rule pack (issue 4 budget: ≤ 500 ms
// with every example of every rule re-run). The pack is national's clause rules cloned under new
// ids into a local pack, each clone with all its examples (see distinctClone); the database is fake-indexeddb with the
// built-ins installed, as in the unit tests. Exits 1 over budget.
import { normalize } from '../../lib/engine/normalize';
import { importPack } from '../../lib/packs/import';
import { compilePack } from '../../lib/packs/compile';
import { parseMarked, runRuleExamples } from '../../lib/packs/examples';
import type { BuiltPack, ClauseRule, Rule } from '../../lib/packs/schema';
import { builtins, national, seededDb, signedFile } from '../store/fixture';

const RULES = 1000;
const BUDGET_MS = 500;
const RUNS = Number(process.env.RUNS ?? 5);

// Each clone gets its own two-character keyword (rare CJK characters no rule uses) in front of its
// match patterns and in its examples, right where the original match starts: 1,000 distinct
// rules with national's real patterns and guards, each example matching its own rule only (a pack
// of plain copies would make every example match ~36 rules: a worst case no real pack has).
const POOL = [...Array(64)].map((_, i) => String.fromCharCode(0x9f00 + i));
const keyword = (k: number) => POOL[k % 64]! + POOL[Math.floor(k / 64) % 64]!;

/** Where (in the original text) one of the rule's patterns starts a match, on the normalized text as the engine sees it. */
function insertionPoint(rule: ClauseRule, text: string, span?: { start: number; end: number }): number | null {
  const norm = normalize(text);
  for (const src of rule.match) {
    const re = new RegExp(src, 'yd');
    for (let i = 0; i < norm.text.length; i++) {
      re.lastIndex = i;
      const m = re.exec(norm.text);
      if (!m) continue;
      if (!span) return norm.toOrig[i]!;
      const hit = m.indices?.groups?.hit ?? [m.index, m.index + m[0].length];
      if (norm.toOrig[hit[0]] === span.start && norm.toOrig[hit[1]] === span.end) return norm.toOrig[i]!;
    }
  }
  return null;
}

function distinctClone(rule: ClauseRule, k: number): ClauseRule | null {
  const w = keyword(k);
  const flag: string[] = [];
  for (const ex of rule.examples.flag) {
    const { text, start, end } = parseMarked(ex);
    const at = insertionPoint(rule, text, { start, end });
    if (at === null) return null;
    const t = text.slice(0, at) + w + text.slice(at);
    const s = start + w.length;
    flag.push(`${t.slice(0, s)}[[${t.slice(s, end + w.length)}]]${t.slice(end + w.length)}`);
  }
  const pass = rule.examples.pass.map((ex) => {
    const at = insertionPoint(rule, ex);
    return at === null ? ex : ex.slice(0, at) + w + ex.slice(at);
  });
  return { ...structuredClone(rule), id: `bench-${String(k).padStart(4, '0')}-${rule.id}`.slice(0, 64), match: rule.match.map((m) => (m.includes('(?<hit>') ? `${w}(?:${m})` : `${w}(?<hit>${m})`)), examples: { flag, pass } };
}

function bigPack(version: string): BuiltPack {
  const henan = builtins.get('henan-biyang')!;
  const manifest = { ...henan.manifest, id: 'bench-county', version };
  const clauses = national.rules.filter((r): r is ClauseRule => r.check === 'clause');
  const rules: Rule[] = [];
  for (let i = 0; rules.length < RULES && i < RULES * 4; i++) {
    const clone = distinctClone(clauses[i % clauses.length]!, i);
    if (!clone) continue;
    // keep only clones whose examples hold (a keyword can defeat an anchored requireBefore)
    const chain = [national, { format: 'fashen-pack/1' as const, manifest, rules: [clone] }];
    if (runRuleExamples(compilePack(chain), clone, 'bench-county').length === 0) rules.push(clone);
  }
  if (rules.length < RULES) throw new Error(`only ${rules.length} distinct clones hold their examples`);
  return { format: 'fashen-pack/1', manifest, rules };
}

const pack = bigPack('1.0.0');
const file = await signedFile(pack);
const examples = pack.rules.reduce((n, r) => n + r.examples.flag.length + r.examples.pass.length, 0);
const times: number[] = [];
const steps: Record<string, number[]> = {};
for (let i = 0; i < RUNS; i++) {
  const db = await seededDb();
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  await importPack(db, file, { timings });
  times.push(performance.now() - t0);
  for (const [k, v] of Object.entries(timings)) (steps[k] ??= []).push(v);
  db.close();
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
process.stdout.write(
  `import of a signed ${RULES}-rule pack (${(file.byteLength / 1024).toFixed(0)} KB, ${examples} examples re-run): ` +
    `median ${median.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms over ${RUNS} runs (budget ${BUDGET_MS} ms)\n` +
    `  steps (median ms): ${Object.entries(steps).map(([k, v]) => `${k} ${med(v).toFixed(0)}`).join(', ')}\n`,
);
process.exitCode = median <= BUDGET_MS ? 0 : 1;
