// npm run bench: engine speed on normative text built from the seeds, against the budget of
// issue 2 (100k characters checked in ≤ 5 ms once packs are compiled; linear growth).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check, createChecker } from '../../lib/engine/index';
import { compilePack } from '../../lib/packs/compile';
import { parseMarked } from '../../lib/packs/examples';
import { loadBuiltinPacks, resolveChain } from '../../lib/packs/load';

const seedDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const packs = loadBuiltinPacks();
const chain = resolveChain(packs.get('kunming-dongchuan')!, packs);

// The seeds plus, every few paragraphs, a clause that must be flagged, so the guards do real work.
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(seedDir + f, 'utf8'));
const flags = chain.flatMap((p) => p.rules.flatMap((r) => r.examples.flag.map((e) => parseMarked(e).text)));
const paragraphs = seeds.join('\n').split('\n');
const mixed: string[] = [];
paragraphs.forEach((p, i) => {
  mixed.push(p);
  if (i % 8 === 0) mixed.push(flags[i % flags.length]!);
});
// A draft reaches check() as one flat string: the editor's text is one join of its paragraphs
// (lib/editors/text-model.ts), a file is decoded in one piece. So is the bench text: the
// paragraphs, repeated, joined once. (A slice of a longer concatenation would be a sliced string,
// each charCodeAt of which goes through its parent: slower to read than any draft fashen sees.)
const textOf = (n: number): string => {
  const parts: string[] = [];
  let length = -1; // k parts joined take k - 1 line breaks
  for (let i = 0; length < n; i++) {
    const p = mixed[i % mixed.length]!;
    parts.push(p);
    length += p.length + 1;
  }
  const last = parts.pop()!;
  parts.push(last.slice(0, last.length - (length - n)));
  return parts.join('\n');
};
for (const n of [10_000, 100_000]) if (textOf(n).length !== n) throw new Error(`bench text of ${n} characters has ${textOf(n).length}`);

const time = (fn: () => void, runs: number): { median: number; min: number } => {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    fn();
    t.push(performance.now() - a);
  }
  t.sort((x, y) => x - y);
  return { median: t[Math.floor(t.length / 2)]!, min: t[0]! };
};

const compileTime = time(() => compilePack(chain), 20);
const compiled = compilePack(chain);
for (let i = 0; i < 5; i++) check(textOf(100_000), compiled); // warm up the JIT

// Reference point from the issue: one pass of a single regex of 32 trigger words over 1M
// characters, about 8 ms on the machine the budget was set on.
const triggers = ['许可', '批准', '审批', '核准', '备案', '登记', '注册', '年检', '认证', '认定', '罚款', '没收', '吊销', '暂扣', '警告', '通报批评', '拘留', '责令停产停业', '查封', '扣押', '冻结', '强制', '滞纳金', '代履行', '收取', '缴纳', '保证金', '押金', '应当', '必须', '不得', '禁止'];
const one = new RegExp(triggers.join('|'), 'g');
const big = textOf(1_000_000);
const reference = (): number => {
  one.lastIndex = 0;
  let n = 0;
  while (one.exec(big)) n++;
  return n;
};
const ISSUE_REFERENCE_MS = 8;

const rows: { size: number; median: number; min: number; findings: number }[] = [];
for (const size of [10_000, 1_000_000]) {
  const text = textOf(size);
  const t = time(() => check(text, compiled), size >= 1_000_000 ? 7 : 25);
  rows.push({ size, ...t, findings: check(text, compiled).findings.length });
}
// The 100k check and the reference alternate, so both see the same state of a shared machine
// (on these 2-core VMs the same code runs up to twice as slow from one minute to the next).
const text100k = textOf(100_000);
const checks: number[] = [];
const refs: number[] = [];
for (let i = 0; i < 25; i++) {
  let a = performance.now();
  check(text100k, compiled);
  checks.push(performance.now() - a);
  if (i % 3 === 0) {
    a = performance.now();
    reference();
    refs.push(performance.now() - a);
  }
}
const median = (t: number[]): number => [...t].sort((x, y) => x - y)[Math.floor(t.length / 2)]!;
rows.splice(1, 0, { size: 100_000, median: median(checks), min: Math.min(...checks), findings: check(text100k, compiled).findings.length });
const ref = { median: median(refs) };

// While a drafter types, the extension re-checks with a paragraph cache (createChecker, as
// lib/annotate/live-check.ts): only the edited paragraph is scanned again, normalization and the
// document checks run on the whole text. One character typed at a different place each time.
const live = createChecker(compiled);
live.check(text100k);
const edits: number[] = [];
let draft = text100k;
for (let i = 0; i < 40; i++) {
  const at = (i * 7919) % draft.length;
  // read again from the editor as one join, like the content script's text model
  draft = [draft.slice(0, at), '的', draft.slice(at)].join('');
  const a = performance.now();
  live.check(draft);
  if (i >= 10) edits.push(performance.now() - a);
}

console.log(`packs: ${compiled.packs.map((p) => `${p.id}@${p.version}`).join(' + ')}, ${compiled.clauseRules.length} clause rules`);
console.log(`pack compile: median ${compileTime.median.toFixed(2)} ms`);
for (const r of rows) console.log(`check ${String(r.size).padStart(9)} chars: median ${r.median.toFixed(2)} ms (min ${r.min.toFixed(2)}), ${r.findings} findings, ${((r.median / r.size) * 1e6).toFixed(1)} ns/char`);
console.log(`re-check of 100k chars after a one-character edit (paragraph cache): median ${median(edits).toFixed(2)} ms`);
console.log(`reference: one regex of 32 trigger words over 1M chars: median ${ref.median.toFixed(2)} ms (the issue measured about ${ISSUE_REFERENCE_MS} ms)`);

const at100k = rows.find((r) => r.size === 100_000)!;
const at1m = rows.find((r) => r.size === 1_000_000)!;
// the fastest runs: the intrinsic cost, least disturbed by the other tenants of a shared VM
const growth = at1m.min / at100k.min;
const linearOk = growth <= 14; // 10× the text: allow GC noise, refuse super-linear behaviour
// The issue set the budget on a machine where the reference took about 8 ms; it gives that figure
// "for scale". The same budget on this machine is 5 ms × (reference here / 8 ms): the check may
// take at most 5/8 of the time of the reference measured alongside it. Both verdicts are printed.
const scaled = (at100k.median * ISSUE_REFERENCE_MS) / ref.median;
const absoluteOk = at100k.median <= 5;
const scaledOk = scaled <= 5;
console.log(`budget 100k ≤ 5 ms, absolute on this machine: ${absoluteOk ? 'PASS' : 'FAIL'} (${at100k.median.toFixed(2)} ms; this machine runs the reference ×${(ref.median / ISSUE_REFERENCE_MS).toFixed(2)} the issue's time)`);
console.log(`budget 100k ≤ 5 ms at the issue's machine speed: ${scaledOk ? 'PASS' : 'FAIL'} (${scaled.toFixed(2)} ms; check/reference ${(at100k.median / ref.median).toFixed(3)}, budget ${(5 / ISSUE_REFERENCE_MS).toFixed(3)})`);
console.log(`1M/100k growth (fastest runs) ×${growth.toFixed(1)}: ${linearOk ? 'PASS' : 'FAIL'}`);
// exit status: the machine-independent verdicts (the absolute one depends on which VM runs the bench)
process.exitCode = scaledOk && linearOk ? 0 : 1;
