// Node-only: read a pack folder (rules/<pack>/pack.yaml + one YAML file per rule) into the
// distribution form. The browser reads the same files through lib/packs/builtin.ts.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parsePackSources } from './parse';
import type { BuiltPack } from './schema';

/** Read and validate rules/<pack>/ (manifest + rule files). Throws PackValidationError. */
export function loadPackDir(dir: string): BuiltPack {
  const manifestFile = join(dir, 'pack.yaml');
  if (!existsSync(manifestFile)) throw new Error(`缺少规则包清单 ${manifestFile} / missing pack manifest ${manifestFile}`);
  const rules = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'pack.yaml')
    .sort()
    .map((f) => ({ file: f, source: readFileSync(join(dir, f), 'utf8') }));
  return parsePackSources(basename(resolve(dir)), readFileSync(manifestFile, 'utf8'), rules);
}

/** The folder holding the built-in packs. */
export function rulesRoot(): string {
  return resolve(new URL('../../rules', import.meta.url).pathname);
}

/** Built-in packs by id, read from rules/. */
export function loadBuiltinPacks(root = rulesRoot()): Map<string, BuiltPack> {
  const packs = new Map<string, BuiltPack>();
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (statSync(dir).isDirectory() && existsSync(join(dir, 'pack.yaml'))) {
      const pack = loadPackDir(dir);
      packs.set(pack.manifest.id, pack);
    }
  }
  return packs;
}

/** The chain [base, …, pack] for a pack, following `extends`. */
export function resolveChain(pack: BuiltPack, available: Map<string, BuiltPack>): BuiltPack[] {
  const chain: BuiltPack[] = [pack];
  const seen = new Set([pack.manifest.id]);
  let cur = pack;
  while (cur.manifest.extends) {
    const base = available.get(cur.manifest.extends);
    if (!base) throw new Error(`规则包 ${cur.manifest.id} 继承的 ${cur.manifest.extends} 不存在 / pack ${cur.manifest.id} extends unknown pack ${cur.manifest.extends}`);
    if (seen.has(base.manifest.id)) throw new Error(`规则包继承关系成环 / pack extends cycle at ${base.manifest.id}`);
    seen.add(base.manifest.id);
    chain.unshift(base);
    cur = base;
  }
  return chain;
}
