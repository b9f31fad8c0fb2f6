import type { BuiltPack } from '../packs/schema';
import { canonicalJson } from '../packs/sign';

/** What changes when one version of a pack replaces another: the drafter sees this after an import or before a rollback. */
export interface PackDiff {
  from: string | null;
  to: string;
  added: string[];
  removed: string[];
  changed: string[];
  /** manifest fields whose value differs (parameters.commentMinDays, guards, validAsOf, …) */
  manifest: string[];
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, canonicalJson(value ?? null));
}

/** Rule-level and manifest-level differences between two versions (from may be null: first install). */
export function diffPacks(from: BuiltPack | null, to: BuiltPack): PackDiff {
  const before = new Map((from?.rules ?? []).map((r) => [r.id, canonicalJson(r)]));
  const after = new Map(to.rules.map((r) => [r.id, canonicalJson(r)]));
  const manifest: string[] = [];
  if (from) {
    const a = new Map<string, string>();
    const b = new Map<string, string>();
    const { version: _va, ...ma } = from.manifest;
    const { version: _vb, ...mb } = to.manifest;
    flatten(ma, '', a);
    flatten(mb, '', b);
    for (const k of new Set([...a.keys(), ...b.keys()])) if (a.get(k) !== b.get(k)) manifest.push(k);
  }
  return {
    from: from?.manifest.version ?? null,
    to: to.manifest.version,
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    changed: [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id)),
    manifest: manifest.sort(),
  };
}
