// The built-in packs for the extension: Vite bundles the YAML files of rules/ as text.
import { parsePackSources } from './parse';
import type { BuiltPack } from './schema';

const files = import.meta.glob('../../rules/*/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

let cached: BuiltPack[] | null = null;

/** Every built-in pack, parsed and validated once. */
export function builtinPacks(): BuiltPack[] {
  if (cached) return cached;
  const byPack = new Map<string, { manifest?: string; rules: { file: string; source: string }[] }>();
  for (const [path, source] of Object.entries(files)) {
    const [, pack, file] = /rules\/([^/]+)\/([^/]+)$/.exec(path) ?? [];
    if (!pack || !file) continue;
    const entry = byPack.get(pack) ?? { rules: [] };
    if (file === 'pack.yaml') entry.manifest = source;
    else entry.rules.push({ file, source });
    byPack.set(pack, entry);
  }
  cached = [...byPack.entries()]
    .filter(([, e]) => e.manifest)
    .map(([dir, e]) => parsePackSources(dir, e.manifest!, e.rules.sort((a, b) => a.file.localeCompare(b.file))));
  return cached;
}

/** The chain checked by default: national alone until the user picks a jurisdiction (issue 4). */
export function defaultChain(): BuiltPack[] {
  return builtinPacks().filter((p) => p.manifest.id === 'national');
}
