// The document checks skip a pattern in texts without one of its cue words (search.ts): a cue
// that a match could lack would silently hide a validity or comment-period statement. Check every
// cue against every match over real text, and the cued searches against plain ones.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CUED_PATTERNS as COMMENT_PATTERNS } from '../../lib/engine/checks/comment-period';
import { CUED_PATTERNS as VALIDITY_PATTERNS } from '../../lib/engine/checks/validity';
import { normalize } from '../../lib/engine/normalize';
import { loadBuiltinPacks } from '../../lib/packs/load';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const texts: string[] = [
  '本办法自2020年1月1日起施行，有效期至2024年12月31日。',
  '本办法有效期5年，试行期为2年。本细则自发布之日起试行。',
  '本通知执行至2027年12月31日止，2025年12月31日前有效，自印发之日起3年内有效，长期有效。',
  '本公告截止到2026年6月30日。实施期限：二〇二四年至二〇二六年。现将有关情况公示如下。特此公示。',
];
if (existsSync(`${shared}seeds`)) for (const f of readdirSync(`${shared}seeds`)) texts.push(readFileSync(`${shared}seeds/${f}`, 'utf8'));
if (existsSync(`${shared}corpus/dev`))
  for (const f of readdirSync(`${shared}corpus/dev`))
    for (const line of readFileSync(`${shared}corpus/dev/${f}`, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
for (const p of loadBuiltinPacks().values()) for (const r of p.rules) texts.push(...r.examples.flag, ...r.examples.pass);
const normalized = texts.map((t) => normalize(t).text);

describe('cued searches of the document checks', () => {
  const patterns = [...VALIDITY_PATTERNS, ...COMMENT_PATTERNS];

  it.each(patterns.map((p) => [p.re.source.slice(0, 40), p] as const))('%s: every match holds a cue word', (_, p) => {
    let matches = 0;
    for (const t of normalized)
      for (const m of t.matchAll(new RegExp(p.re.source, 'g'))) {
        matches++;
        expect(
          p.words.some((w) => m[0].includes(w)),
          `${p.re.source}: ${m[0]}`,
        ).toBe(true);
      }
    expect(matches).toBeGreaterThan(0);
  });

  it('cued searches find what plain ones find', () => {
    for (const p of patterns) {
      for (const t of normalized) {
        if (p.re.global) {
          const plain: number[] = [];
          p.re.lastIndex = 0;
          for (let m = p.re.exec(t); m; m = p.re.exec(t)) plain.push(m.index, m[0].length);
          expect(p.matches(t).flatMap((m) => [m.index, m[0].length])).toEqual(plain);
        } else {
          expect(p.test(t)).toBe(p.re.test(t));
        }
      }
    }
  });
});
