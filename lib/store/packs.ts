// Queries over the pack store: built-ins, active versions, the jurisdiction stack, rule switches,
// trusted keys. Every change that touches more than one row runs in one Dexie transaction and is
// checked (the resulting chain must compile) before anything is written.
import { compilePack, PackCompileError } from '../packs/compile';
import { UnsafePatternError } from '../packs/regex-guard';
import type { BuiltPack } from '../packs/schema';
import { canonicalJson, keyIdOf, sha256Hex, type PublicKey } from '../packs/sign';
import type { FashenDb, KeyRecord, PackRecord } from './db';
import { TABLES } from './db';
import { PackError } from './pack-error';
import { compareVersions } from './semver';
import type { KeyInfo, PackInfo, PacksState } from './state';

/** The base of every stack: national law applies everywhere. */
export const BASE_PACK = 'national';

const STACK = 'stack';
const DISABLED_RULES = 'disabledRules';
const DISABLED_PACKS = 'disabledPacks';

/** The parts of the database a decision needs, read at once. */
export interface Snapshot {
  records: PackRecord[];
  active: Map<string, string>;
  stack: string;
  disabledRules: string[];
  disabledPacks: string[];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function readSnapshot(db: FashenDb): Promise<Snapshot> {
  return db.transaction('r', db.packs, db.active, db.settings, async () => {
    const [records, active, settings] = await Promise.all([db.packs.toArray(), db.active.toArray(), db.settings.toArray()]);
    const setting = (key: string): unknown => settings.find((s) => s.key === key)?.value;
    const stack = setting(STACK);
    return {
      records,
      active: new Map(active.map((a) => [a.id, a.version])),
      stack: typeof stack === 'string' ? stack : BASE_PACK,
      disabledRules: strings(setting(DISABLED_RULES)),
      disabledPacks: strings(setting(DISABLED_PACKS)),
    };
  });
}

export function recordOf(snap: Snapshot, id: string, version: string | undefined): PackRecord | undefined {
  return version === undefined ? undefined : snap.records.find((r) => r.id === id && r.version === version);
}

/**
 * The chain [base, …, top] of active versions, following `extends`. `override` puts another
 * version of one pack in place (an import or a rollback being checked before it is written).
 */
export function chainOf(snap: Snapshot, top: string, override?: BuiltPack): BuiltPack[] {
  const chain: BuiltPack[] = [];
  const seen = new Set<string>();
  let id: string | undefined = top;
  while (id !== undefined) {
    if (seen.has(id)) throw new PackError('extends-cycle', `规则包继承关系成环：${id}`, `pack extends cycle at ${id}`);
    seen.add(id);
    const pack: BuiltPack | undefined = override?.manifest.id === id ? override : recordOf(snap, id, snap.active.get(id))?.pack;
    if (!pack) throw new PackError('missing-base', `未安装规则包 ${id}（或未启用任何版本）`, `pack ${id} is not installed (or has no active version)`);
    chain.unshift(pack);
    id = pack.manifest.extends;
  }
  return chain;
}

/** The chain with the user's rule switches applied (compilePack skips rules with enabled: false). */
export function applyRuleSwitches(chain: BuiltPack[], disabledRules: string[]): BuiltPack[] {
  if (!disabledRules.length) return chain;
  const off = new Set(disabledRules);
  return chain.map((p) => ({
    ...p,
    rules: p.rules.map((r) => (off.has(`${p.manifest.id}/${r.id}`) ? { ...r, enabled: false } : r)),
  }));
}

/** Compile a chain that is about to become active; a failure becomes a bilingual refusal. */
export function assertCompiles(chain: BuiltPack[]): void {
  try {
    compilePack(chain);
  } catch (e) {
    if (e instanceof PackCompileError || e instanceof UnsafePatternError) throw new PackError('compile', e.zh, e.en);
    throw e;
  }
}

/** The chain content scripts check with now: the stack's active versions, user switches applied. */
export async function activeChain(db: FashenDb): Promise<BuiltPack[]> {
  const snap = await readSnapshot(db);
  try {
    return applyRuleSwitches(chainOf(snap, snap.stack), snap.disabledRules);
  } catch {
    // every write checks its chain first, so this is only reached with a hand-damaged database
    return applyRuleSwitches(chainOf(snap, BASE_PACK), snap.disabledRules);
  }
}

async function recordFor(pack: BuiltPack, now: number): Promise<PackRecord> {
  const canonical = canonicalJson(pack);
  return {
    id: pack.manifest.id,
    version: pack.manifest.version,
    pack,
    canonical,
    sha256: await sha256Hex(new TextEncoder().encode(canonical) as Uint8Array<ArrayBuffer>),
    signature: null,
    keyId: null,
    publisher: null,
    installedAt: now,
    source: 'builtin',
    fileName: null,
  };
}

/**
 * Install the packs shipped in the extension (rules/) and its publisher key: on first run and on
 * every upgrade. A new built-in version becomes active unless the user runs an imported version
 * that is at least as new; versions already installed are left as they are.
 */
export async function installBuiltins(db: FashenDb, builtins: BuiltPack[], publisherKeys: PublicKey[], now = Date.now()): Promise<void> {
  const fresh = await Promise.all(builtins.map((p) => recordFor(p, now)));
  await db.transaction('rw', [db.packs, db.active, db.keys, db.settings], async () => {
    for (const rec of fresh) {
      const added = !(await db.packs.get([rec.id, rec.version]));
      if (added) await db.packs.add(rec);
      const active = await db.active.get(rec.id);
      const current = active ? await db.packs.get([rec.id, active.version]) : undefined;
      // only a version new to this database moves the active one: a rollback survives restarts
      if (!current || (added && current.source === 'builtin' && compareVersions(current.version, rec.version) < 0)) {
        await db.active.put({ id: rec.id, version: rec.version });
      }
    }
    const keep = new Set(publisherKeys.map((k) => k.keyId));
    await db.keys.filter((k) => k.source === 'builtin' && !keep.has(k.keyId)).delete();
    for (const k of publisherKeys) {
      if (!(await db.keys.get(k.keyId))) await db.keys.put({ keyId: k.keyId, name: k.name, jwk: k.jwk, source: 'builtin', addedAt: now });
    }
    if (!(await db.settings.get(STACK))) await db.settings.put({ key: STACK, value: BASE_PACK });
  });
}

/** Make the administrator's keys (storage.managed `trustedPublisherKeys`) exactly the managed rows. */
export async function syncManagedKeys(db: FashenDb, keys: PublicKey[], now = Date.now()): Promise<void> {
  const verified: PublicKey[] = [];
  for (const k of keys) if ((await keyIdOf(k.jwk)) === k.keyId) verified.push(k);
  await db.transaction('rw', db.keys, async () => {
    const want = new Set(verified.map((k) => k.keyId));
    await db.keys.filter((k) => k.source === 'managed' && !want.has(k.keyId)).delete();
    for (const k of verified) {
      const existing = await db.keys.get(k.keyId);
      if (!existing) await db.keys.put({ keyId: k.keyId, name: k.name, jwk: k.jwk, source: 'managed', addedAt: now });
    }
  });
}

/** Trust a publisher key the user chose (options page, key file). */
export async function addUserKey(db: FashenDb, key: PublicKey, now = Date.now()): Promise<void> {
  if ((await keyIdOf(key.jwk)) !== key.keyId) {
    throw new PackError('key-id-mismatch', `密钥编号 ${key.keyId} 与公钥不符`, `key id ${key.keyId} does not match the public key`, 'keyId');
  }
  await db.transaction('rw', db.keys, async () => {
    const existing = await db.keys.get(key.keyId);
    if (existing) throw new PackError('key-exists', `已信任该密钥（${existing.name}）`, `this key is already trusted (${existing.name})`);
    await db.keys.add({ keyId: key.keyId, name: key.name, jwk: key.jwk, source: 'user', addedAt: now });
  });
}

/** Stop trusting a key the user added (built-in and managed keys are not the user's to remove). */
export async function removeUserKey(db: FashenDb, keyId: string): Promise<void> {
  await db.transaction('rw', db.keys, async () => {
    const k = await db.keys.get(keyId);
    if (!k) throw new PackError('no-such-key', `没有该密钥：${keyId}`, `no such key: ${keyId}`);
    if (k.source !== 'user') throw new PackError('key-not-removable', '内置或管理员下发的密钥不能在此删除', 'built-in and administrator keys cannot be removed here');
    await db.keys.delete(keyId);
  });
}

/** Trusted keys as the signature check wants them. */
export async function trustedKeys(db: FashenDb): Promise<PublicKey[]> {
  return (await db.keys.toArray()).map((k: KeyRecord) => ({ format: 'fashen-publisher-key/1', keyId: k.keyId, name: k.name, alg: 'ES256', jwk: k.jwk }));
}

/** Choose the jurisdiction stack: national alone, or national + one local pack. */
export async function setStack(db: FashenDb, top: string): Promise<void> {
  const snap = await readSnapshot(db);
  if (!snap.active.has(top)) throw new PackError('no-such-pack', `未安装规则包 ${top}`, `pack ${top} is not installed`);
  if (snap.disabledPacks.includes(top)) throw new PackError('pack-disabled', `规则包 ${top} 已停用`, `pack ${top} is disabled`);
  const chain = chainOf(snap, top);
  for (const p of chain) if (snap.disabledPacks.includes(p.manifest.id)) throw new PackError('pack-disabled', `规则包 ${p.manifest.id} 已停用`, `pack ${p.manifest.id} is disabled`);
  assertCompiles(applyRuleSwitches(chain, snap.disabledRules));
  await db.settings.put({ key: STACK, value: top });
}

/** Switch one rule of one pack on or off. */
export async function setRuleEnabled(db: FashenDb, packId: string, ruleId: string, enabled: boolean): Promise<void> {
  await db.transaction('rw', db.packs, db.active, db.settings, async () => {
    const snap = await readSnapshot(db);
    const rec = recordOf(snap, packId, snap.active.get(packId));
    if (!rec?.pack.rules.some((r) => r.id === ruleId)) throw new PackError('no-such-rule', `规则包 ${packId} 中没有规则 ${ruleId}`, `pack ${packId} has no rule ${ruleId}`);
    const key = `${packId}/${ruleId}`;
    const next = enabled ? snap.disabledRules.filter((k) => k !== key) : [...new Set([...snap.disabledRules, key])].sort();
    await db.settings.put({ key: DISABLED_RULES, value: next });
  });
}

/** Disable or re-enable a whole pack; the base pack cannot be disabled, a disabled top drops to the base. */
export async function setPackDisabled(db: FashenDb, id: string, disabled: boolean): Promise<void> {
  if (id === BASE_PACK && disabled) throw new PackError('base-pack', '全国规则包是所有规则的基础，不能停用；可停用其中的单条规则', 'the national pack is the base of every stack and cannot be disabled; disable single rules instead');
  await db.transaction('rw', db.packs, db.active, db.settings, async () => {
    const snap = await readSnapshot(db);
    if (!snap.active.has(id)) throw new PackError('no-such-pack', `未安装规则包 ${id}`, `pack ${id} is not installed`);
    const next = disabled ? [...new Set([...snap.disabledPacks, id])].sort() : snap.disabledPacks.filter((p) => p !== id);
    await db.settings.put({ key: DISABLED_PACKS, value: next });
    if (disabled && chainOf(snap, snap.stack).some((p) => p.manifest.id === id)) await db.settings.put({ key: STACK, value: BASE_PACK });
  });
}

/** Make an installed version the active one (rollback, or forward again); the stack must still compile. */
export async function activateVersion(db: FashenDb, id: string, version: string): Promise<void> {
  await db.transaction('rw', db.packs, db.active, db.settings, async () => {
    const snap = await readSnapshot(db);
    const rec = recordOf(snap, id, version);
    if (!rec) throw new PackError('no-such-version', `未安装规则包 ${id} 的版本 ${version}`, `version ${version} of pack ${id} is not installed`);
    const stackChain = chainOf(snap, snap.stack);
    if (stackChain.some((p) => p.manifest.id === id)) assertCompiles(applyRuleSwitches(chainOf(snap, snap.stack, rec.pack), snap.disabledRules));
    await db.active.put({ id, version });
  });
}

/**
 * Remove the imported versions of a pack. Built-in versions stay (built-ins can only be disabled);
 * a pack that was only ever imported disappears, and the stack falls back to the base if it used it.
 */
export async function removeImported(db: FashenDb, id: string): Promise<void> {
  await db.transaction('rw', db.packs, db.active, db.settings, async () => {
    const snap = await readSnapshot(db);
    const mine = snap.records.filter((r) => r.id === id);
    const imported = mine.filter((r) => r.source !== 'builtin');
    if (!imported.length) throw new PackError('nothing-to-remove', `规则包 ${id} 没有导入的版本（内置规则包只能停用）`, `pack ${id} has no imported version (built-in packs can only be disabled)`);
    const builtins = mine.filter((r) => r.source === 'builtin').sort((a, b) => compareVersions(b.version, a.version));
    const dependants = snap.records.filter((r) => r.pack.manifest.extends === id && snap.active.get(r.id) === r.version);
    if (!builtins.length && dependants.length) {
      throw new PackError('has-dependants', `规则包 ${dependants.map((d) => d.id).join('、')} 继承自 ${id}，请先删除或停用它们`, `packs ${dependants.map((d) => d.id).join(', ')} extend ${id}; remove or disable them first`);
    }
    const fallback = builtins[0];
    if (fallback) {
      const next = { ...snap, active: new Map(snap.active).set(id, fallback.version) };
      if (chainOf(snap, snap.stack).some((p) => p.manifest.id === id)) assertCompiles(applyRuleSwitches(chainOf(next, snap.stack), snap.disabledRules));
      await db.active.put({ id, version: fallback.version });
    } else {
      await db.active.delete(id);
      if (chainOf(snap, snap.stack).some((p) => p.manifest.id === id)) await db.settings.put({ key: STACK, value: BASE_PACK });
      const rules = snap.disabledRules.filter((k) => !k.startsWith(`${id}/`));
      if (rules.length !== snap.disabledRules.length) await db.settings.put({ key: DISABLED_RULES, value: rules });
      const packs = snap.disabledPacks.filter((p) => p !== id);
      if (packs.length !== snap.disabledPacks.length) await db.settings.put({ key: DISABLED_PACKS, value: packs });
    }
    await db.packs.bulkDelete(imported.map((r) => [r.id, r.version] as [string, string]));
  });
}

/** The file a pack version was installed from: the signed envelope when it came signed, else the built pack. */
export async function exportPack(db: FashenDb, id: string, version: string): Promise<{ fileName: string; text: string }> {
  const rec = await db.packs.get([id, version]);
  if (!rec) throw new PackError('no-such-version', `未安装规则包 ${id} 的版本 ${version}`, `version ${version} of pack ${id} is not installed`);
  const pack = JSON.parse(rec.canonical) as unknown;
  const body = rec.signature ? { format: 'fashen-signed-pack/1', pack, sha256: rec.sha256, signature: rec.signature } : pack;
  return { fileName: `${id}-${version}${rec.signature ? '.signed' : ''}.json`, text: JSON.stringify(body, null, 1) + '\n' };
}

/** Everything the options page shows. */
export async function packsState(db: FashenDb): Promise<PacksState> {
  const snap = await readSnapshot(db);
  const keys = await db.keys.toArray();
  const ids = [...new Set(snap.records.map((r) => r.id))];
  const packs: PackInfo[] = [];
  for (const id of ids) {
    const versions = snap.records.filter((r) => r.id === id).sort((a, b) => compareVersions(b.version, a.version));
    const active = snap.active.get(id) ?? null;
    const shown = versions.find((v) => v.version === active) ?? versions[0]!;
    packs.push({
      id,
      builtin: versions.some((v) => v.source === 'builtin'),
      disabled: snap.disabledPacks.includes(id),
      active,
      versions: versions.map((v) => ({
        version: v.version,
        installedAt: v.installedAt,
        source: v.source,
        sha256: v.sha256,
        keyId: v.keyId,
        publisher: v.publisher,
        fileName: v.fileName,
        ruleCount: v.pack.rules.length,
        validAsOf: v.pack.manifest.validAsOf,
      })),
      manifest: shown.pack.manifest,
      rules: shown.pack.rules,
    });
  }
  // base first, then by jurisdiction code
  packs.sort((a, b) => (a.id === BASE_PACK ? -1 : b.id === BASE_PACK ? 1 : a.manifest.jurisdiction.code.localeCompare(b.manifest.jurisdiction.code) || a.id.localeCompare(b.id)));
  let chain: { id: string; version: string }[] = [];
  try {
    chain = chainOf(snap, snap.stack).map((p) => ({ id: p.manifest.id, version: p.manifest.version }));
  } catch {
    chain = [];
  }
  const keyInfo: KeyInfo[] = keys.map((k) => ({ keyId: k.keyId, name: k.name, source: k.source, addedAt: k.addedAt }));
  return { packs, stack: snap.stack, chain, disabledRules: snap.disabledRules, keys: keyInfo };
}

/** Every row of every table, canonical: two dumps are equal exactly when the database is. */
export async function dumpDb(db: FashenDb): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await db.table(t).toArray();
  return canonicalJson(out);
}
