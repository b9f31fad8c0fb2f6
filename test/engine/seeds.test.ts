// The seeds are real local-government plans full of sentences like 规范性文件不得设定行政许可:
// none of them may yield an error-level licensing, penalty or compulsory finding (issue 2).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../lib/engine/index';
import { compilePack } from '../../lib/packs/compile';
import { loadBuiltinPacks, resolveChain } from '../../lib/packs/load';

const dir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const seeds = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')) : [];
const packs = loadBuiltinPacks();

describe.skipIf(seeds.length === 0)('seed documents', () => {
  it.each(seeds)('%s has no error-level licensing, penalty or compulsory finding under any pack', (file) => {
    const text = readFileSync(dir + file, 'utf8');
    for (const pack of packs.values()) {
      const report = check(text, compilePack(resolveChain(pack, packs)));
      const errors = report.findings.filter((f) => f.severity === 'error' && ['licensing', 'penalty', 'compulsory'].includes(f.category));
      expect(errors.map((f) => `${pack.manifest.id} ${f.ruleId} ${f.location} ${f.text}`)).toEqual([]);
    }
  });

  it('offsets of every finding point into the original text', () => {
    const text = readFileSync(dir + seeds[0]!, 'utf8');
    const report = check(text, compilePack(resolveChain(packs.get('national')!, packs)));
    for (const f of report.findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});
