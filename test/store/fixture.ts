// Shared by the store and import tests: a fresh fake-indexeddb database with the built-ins
// installed, and publisher keys generated at run time (no private key lives in the repository).
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { runPackExamples } from '../../lib/packs/examples';
import { loadBuiltinPacks, resolveChain } from '../../lib/packs/load';
import { PUBLISHER_KEYS } from '../../lib/packs/publisher-key';
import type { BuiltPack } from '../../lib/packs/schema';
import { generateKeyPair, signPack, type PrivateKey, type PublicKey } from '../../lib/packs/sign';
import { FashenDb } from '../../lib/store/db';
import { addUserKey, installBuiltins } from '../../lib/store/packs';

/**
 * The built-in packs, minus any rule whose own examples fail right now: these tests are about the
 * pipeline, and rules/ is edited concurrently (test/rules/examples.test.ts owns rule failures).
 */
export const builtins = consistent(loadBuiltinPacks());
export const national = builtins.get('national')!;

function consistent(packs: Map<string, BuiltPack>): Map<string, BuiltPack> {
  const out = new Map<string, BuiltPack>();
  const order = [...packs.values()].sort((a, b) => Number(Boolean(a.manifest.extends)) - Number(Boolean(b.manifest.extends)));
  for (const pack of order) {
    const chain = resolveChain(pack, out);
    const failing = new Set(runPackExamples(chain).map((f) => f.ruleId));
    out.set(pack.manifest.id, failing.size ? { ...pack, rules: pack.rules.filter((r) => !failing.has(r.id)) } : pack);
  }
  return out;
}

let n = 0;

/** A new, empty database (unique name, fake IndexedDB). */
export function emptyDb(): FashenDb {
  return new FashenDb(`fashen-test-${process.pid}-${++n}`, { indexedDB, IDBKeyRange });
}

export interface KeyPair {
  publicKey: PublicKey;
  privateKey: PrivateKey;
}

let keys: Promise<{ trusted: KeyPair; stranger: KeyPair }> | null = null;

/** A key the test database trusts (added as a user key) and one it does not. */
export function testKeys(): Promise<{ trusted: KeyPair; stranger: KeyPair }> {
  keys ??= Promise.all([generateKeyPair('测试发布者 / test publisher'), generateKeyPair('陌生人 / stranger')]).then(([trusted, stranger]) => ({ trusted, stranger }));
  return keys;
}

/** A database with every built-in pack, the project key and the test publisher's key. */
export async function seededDb(now = 1_700_000_000_000): Promise<FashenDb> {
  const db = emptyDb();
  await installBuiltins(db, [...builtins.values()], PUBLISHER_KEYS, now);
  await addUserKey(db, (await testKeys()).trusted.publicKey, now);
  return db;
}

/** A deep copy of a built pack with a new version (and any manifest changes). */
export function bump(pack: BuiltPack, version: string, manifest: Partial<BuiltPack['manifest']> = {}): BuiltPack {
  const copy = structuredClone(pack);
  return { ...copy, manifest: { ...copy.manifest, ...manifest, version } };
}

const enc = new TextEncoder();

/** The bytes of a signed file for `pack` (any JSON value). */
export async function signedFile(pack: unknown, key?: PrivateKey): Promise<Uint8Array> {
  const k = key ?? (await testKeys()).trusted.privateKey;
  return enc.encode(JSON.stringify(await signPack(pack, k), null, 1));
}

export function bytes(text: string): Uint8Array {
  return enc.encode(text);
}
