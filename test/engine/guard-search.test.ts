// Long guard lists are searched only at position 0 and where a match can start (compile.ts,
// StartFilteredSearch); a start character the analysis missed would silently change which
// clauses are flagged. Compare those searches with plain RegExp.test on the texts guards see:
// sentences, the words before and after a position, over real text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../lib/engine/normalize';
import { parseMarked } from '../../lib/packs/examples';
import { compilePack, type GuardPattern } from '../../lib/packs/compile';
import { loadBuiltinPacks, resolveChain } from '../../lib/packs/load';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const packs = loadBuiltinPacks();
const texts: string[] = ['', '的，', '。', '；', '第3条 单位和个人不得', '（一）经营者应当'];
if (existsSync(`${shared}corpus/dev`))
  for (const f of readdirSync(`${shared}corpus/dev`))
    for (const line of readFileSync(`${shared}corpus/dev/${f}`, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
for (const p of packs.values()) for (const r of p.rules) texts.push(...r.examples.flag.map((e) => parseMarked(e).text), ...r.examples.pass);
if (existsSync(`${shared}seeds`)) for (const f of readdirSync(`${shared}seeds`).slice(0, 3)) texts.push(readFileSync(`${shared}seeds/${f}`, 'utf8').slice(0, 10_000));

// the strings guards are tested on: sentences, and what precedes and follows a position in them
const subjects = new Set<string>(texts.slice(0, 6));
for (const t of texts)
  for (const sentence of normalize(t).text.split(/(?<=[。！？\n])/)) {
    subjects.add(sentence);
    for (let k = 1; k < sentence.length; k += 3) {
      subjects.add(sentence.slice(0, k));
      subjects.add(sentence.slice(k));
    }
  }

describe('start-filtered guard searches', () => {
  const filtered = new Map<string, GuardPattern>();
  for (const id of packs.keys())
    for (const r of compilePack(resolveChain(packs.get(id)!, packs)).clauseRules) for (const g of r.guards) if (!(g.pattern instanceof RegExp)) filtered.set(g.pattern.source, g.pattern);

  it('cover the long guard lists', () => {
    expect(filtered.size).toBeGreaterThan(3);
  });

  it('answer as RegExp.test does', () => {
    let matched = 0;
    for (const [source, g] of filtered) {
      const plain = new RegExp(source);
      for (const s of subjects) {
        const want = plain.test(s);
        if (want) matched++;
        if (g.test(s) !== want) expect.fail(`${source.slice(0, 60)}… on ${JSON.stringify(s)}: expected ${want}`);
      }
    }
    expect(matched).toBeGreaterThan(1000);
  });
});
