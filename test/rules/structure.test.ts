// The structure of the rule packs themselves: ids, files, examples and citations.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../../lib/packs/compile';
import { loadBuiltinPacks, resolveChain, rulesRoot } from '../../lib/packs/load';

const root = rulesRoot();
const packs = loadBuiltinPacks();
const dirs = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('rule packs', () => {
  it('has the national pack and one pack per seed jurisdiction', () => {
    expect([...packs.keys()].sort()).toEqual(['guangdong-qingyuan', 'henan-biyang', 'honghe-mile', 'kunming-dongchuan', 'national']);
  });

  it.each(dirs)('%s: folder name is the pack id and every local pack extends national', (dir) => {
    const pack = packs.get(dir);
    expect(pack, `folder ${dir} holds no valid pack`).toBeDefined();
    if (dir !== 'national') expect(pack!.manifest.extends).toBe('national');
  });

  it.each(dirs)('%s: each rule file name is its id, ids are unique, examples and basis are present', (dir) => {
    const files = readdirSync(join(root, dir)).filter((f) => f.endsWith('.yaml') && f !== 'pack.yaml');
    const ids = new Set<string>();
    for (const f of files) {
      const raw = parse(readFileSync(join(root, dir, f), 'utf8')) as { id: string };
      expect(raw.id, f).toBe(f.replace(/\.yaml$/, ''));
      expect(ids.has(raw.id), `duplicate ${raw.id}`).toBe(false);
      ids.add(raw.id);
    }
    for (const rule of packs.get(dir)!.rules) {
      expect(rule.examples.flag.length, rule.id).toBeGreaterThanOrEqual(1);
      expect(rule.examples.pass.length, rule.id).toBeGreaterThanOrEqual(1);
      expect(rule.basis.every((b) => b.trim().length > 0) && rule.basis.length > 0, rule.id).toBe(true);
      expect(rule.messages['zh-CN'].trim(), rule.id).not.toBe('');
      expect(rule.messages.en.trim(), rule.id).not.toBe('');
    }
  });

  it('cites statutes by name and article (never a bare law name) in the national pack', () => {
    for (const rule of packs.get('national')!.rules) {
      for (const b of rule.basis) expect(b, rule.id).toMatch(/第[一二三四五六七八九十百零]+条|〔\d{4}〕\d+号/);
    }
  });

  it.each(dirs)('%s compiles on top of its bases', (dir) => {
    const chain = resolveChain(packs.get(dir)!, packs);
    const compiled = compilePack(chain);
    expect(compiled.packs.map((p) => p.id)).toEqual(chain.map((p) => p.manifest.id));
    expect(compiled.clauseRules.length).toBeGreaterThan(10);
  });
});
