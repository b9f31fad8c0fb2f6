// The first/second-character tables let the engine skip positions without running patterns; if
// they were ever too narrow a finding would silently disappear. Check them against every match
// of every pattern of every pack over real text (seeds, dev corpus, the rules' own examples).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../lib/engine/normalize';
import { parseMarked } from '../../lib/packs/examples';
import { firstChars, secondChars } from '../../lib/packs/first-chars';
import { loadBuiltinPacks } from '../../lib/packs/load';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const texts: string[] = [];
if (existsSync(`${shared}seeds`)) for (const f of readdirSync(`${shared}seeds`)) texts.push(readFileSync(`${shared}seeds/${f}`, 'utf8'));
if (existsSync(`${shared}corpus/dev`))
  for (const f of readdirSync(`${shared}corpus/dev`)) for (const line of readFileSync(`${shared}corpus/dev/${f}`, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
const packs = [...loadBuiltinPacks().values()];
for (const p of packs) for (const r of p.rules) texts.push(...r.examples.flag.map((e) => parseMarked(e).text), ...r.examples.pass);
const normalized = texts.map((t) => normalize(t).text).join('\n');

describe('first and second character tables', () => {
  it.each([
    ['处(?:以)?罚款', '处', '以罚'],
    ['(?:予以|给予)?警告', '予给警', '以予告'],
    ['(?<![加不])处(?!理)[^，]{0,9}罚款', '处', null],
    ['\\d+年内', '0123456789', null],
    ['加处罚款|滞纳金', '加滞', '处纳'],
  ])('%s', (src, first, second) => {
    expect([...firstChars(src)!].sort().join('')).toBe([...first].sort().join(''));
    const seconds = secondChars(src)!;
    const all = [...seconds.values()];
    if (second === null) expect(all.some((s) => s === null)).toBe(true);
    else expect(all.flatMap((s) => [...(s ?? [])]).sort().join('')).toBe([...second].sort().join(''));
  });

  it('never excludes a real match of any pattern of any pack', () => {
    let matches = 0;
    for (const pack of packs)
      for (const rule of pack.rules) {
        if (rule.check !== 'clause') continue;
        for (const src of rule.match) {
          const table = secondChars(src);
          if (!table) continue; // run unfiltered by the engine
          const re = new RegExp(src, 'g');
          for (const m of normalized.matchAll(re)) {
            if (m[0].length === 0) continue;
            matches++;
            const follow = table.get(m[0][0]!);
            expect(follow, `${rule.id}: ${m[0]} starts with an unlisted character`).toBeDefined();
            if (follow && m[0].length > 1) expect(follow.has(m[0][1]!), `${rule.id}: ${m[0]}`).toBe(true);
          }
        }
      }
    expect(matches).toBeGreaterThan(500);
  });
});
