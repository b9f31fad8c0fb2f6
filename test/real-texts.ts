// Real text for tests that compare a fast search with the plain one it replaces: the seed
// documents, the dev corpus and every rule example (read from ../shared when it is there).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBuiltinPacks } from '../lib/packs/load';

const shared = fileURLToPath(new URL('../../shared/', import.meta.url));

/** `extra` (the test's own edge cases) followed by the seeds, the dev corpus's texts and the rule examples. */
export function realTexts(extra: readonly string[] = []): string[] {
  const texts = [...extra];
  if (existsSync(`${shared}seeds`)) for (const f of readdirSync(`${shared}seeds`)) texts.push(readFileSync(`${shared}seeds/${f}`, 'utf8'));
  if (existsSync(`${shared}corpus/dev`))
    for (const f of readdirSync(`${shared}corpus/dev`))
      for (const line of readFileSync(`${shared}corpus/dev/${f}`, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  for (const p of loadBuiltinPacks().values()) for (const r of p.rules) texts.push(...r.examples.flag, ...r.examples.pass);
  return texts;
}
