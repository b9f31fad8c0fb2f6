import { describe, expect, it } from 'vitest';
import { compilePack } from '../../lib/packs/compile';
import { PUBLISHER_KEYS } from '../../lib/packs/publisher-key';
import type { BuiltPack } from '../../lib/packs/schema';
import { PackError } from '../../lib/store/pack-error';
import {
  activeChain,
  activateVersion,
  dumpDb,
  installBuiltins,
  packsState,
  removeUserKey,
  setPackDisabled,
  setRuleEnabled,
  setStack,
  syncManagedKeys,
} from '../../lib/store/packs';
import { compareVersions } from '../../lib/store/semver';
import { builtins, bump, emptyDb, national, seededDb, testKeys } from './fixture';

const ids = (chain: BuiltPack[]) => chain.map((p) => `${p.manifest.id}@${p.manifest.version}`);

describe('built-in packs', () => {
  it('are installed on first run, each active, national alone in the stack', async () => {
    const db = emptyDb();
    await installBuiltins(db, [...builtins.values()], PUBLISHER_KEYS, 1);
    const state = await packsState(db);
    expect(state.packs.map((p) => p.id)[0]).toBe('national');
    expect(state.packs.map((p) => p.id).sort()).toEqual([...builtins.keys()].sort());
    expect(state.packs.every((p) => p.builtin && p.active === '1.0.0' && !p.disabled)).toBe(true);
    expect(state.stack).toBe('national');
    expect(state.keys).toEqual([{ keyId: PUBLISHER_KEYS[0]!.keyId, name: PUBLISHER_KEYS[0]!.name, source: 'builtin', addedAt: 1 }]);
    expect(ids(await activeChain(db))).toEqual(['national@1.0.0']);
  });

  it('installing again (every startup) changes nothing', async () => {
    const db = emptyDb();
    await installBuiltins(db, [...builtins.values()], PUBLISHER_KEYS, 1);
    const before = await dumpDb(db);
    await installBuiltins(db, [...builtins.values()], PUBLISHER_KEYS, 2);
    expect(await dumpDb(db)).toBe(before);
  });

  it('an upgrade activates the new built-in version and keeps the old one for rollback', async () => {
    const db = await seededDb();
    await installBuiltins(db, [bump(national, '1.1.0')], PUBLISHER_KEYS, 2);
    const p = (await packsState(db)).packs.find((x) => x.id === 'national')!;
    expect(p.active).toBe('1.1.0');
    expect(p.versions.map((v) => v.version)).toEqual(['1.1.0', '1.0.0']);
  });

  it('a rollback survives the next startup', async () => {
    const db = await seededDb();
    await installBuiltins(db, [bump(national, '1.1.0')], PUBLISHER_KEYS, 2);
    await activateVersion(db, 'national', '1.0.0');
    expect(ids(await activeChain(db))).toEqual(['national@1.0.0']);
    // same built-in set on the next startup: the rollback stays
    await installBuiltins(db, [bump(national, '1.1.0')], PUBLISHER_KEYS, 3);
    expect((await packsState(db)).packs[0]!.active).toBe('1.0.0');
  });
});

describe('the jurisdiction stack', () => {
  it('national + one local pack', async () => {
    const db = await seededDb();
    await setStack(db, 'kunming-dongchuan');
    expect(ids(await activeChain(db))).toEqual(['national@1.0.0', 'kunming-dongchuan@1.0.0']);
    expect((await packsState(db)).chain).toEqual([
      { id: 'national', version: '1.0.0' },
      { id: 'kunming-dongchuan', version: '1.0.0' },
    ]);
  });

  it('refuses an unknown or disabled pack, and the base cannot be disabled', async () => {
    const db = await seededDb();
    await expect(setStack(db, 'nowhere')).rejects.toMatchObject({ code: 'no-such-pack' });
    await setPackDisabled(db, 'honghe-mile', true);
    await expect(setStack(db, 'honghe-mile')).rejects.toMatchObject({ code: 'pack-disabled' });
    await expect(setPackDisabled(db, 'national', true)).rejects.toBeInstanceOf(PackError);
  });

  it('disabling the pack in use drops the stack back to national', async () => {
    const db = await seededDb();
    await setStack(db, 'henan-biyang');
    await setPackDisabled(db, 'henan-biyang', true);
    expect(ids(await activeChain(db))).toEqual(['national@1.0.0']);
    await setPackDisabled(db, 'henan-biyang', false);
    await setStack(db, 'henan-biyang');
    expect(ids(await activeChain(db))).toEqual(['national@1.0.0', 'henan-biyang@1.0.0']);
  });
});

describe('single rules', () => {
  it('a switched-off rule is not compiled and comes back when switched on', async () => {
    const db = await seededDb();
    await setRuleEnabled(db, 'national', 'penalty-fine', false);
    expect(compilePack(await activeChain(db)).rules.map((r) => r.id)).not.toContain('penalty-fine');
    expect((await packsState(db)).disabledRules).toEqual(['national/penalty-fine']);
    await setRuleEnabled(db, 'national', 'penalty-fine', true);
    expect(compilePack(await activeChain(db)).rules.map((r) => r.id)).toContain('penalty-fine');
  });

  it('refuses a rule the pack does not have', async () => {
    const db = await seededDb();
    await expect(setRuleEnabled(db, 'national', 'no-such-rule', false)).rejects.toMatchObject({ code: 'no-such-rule' });
  });
});

describe('trusted keys', () => {
  it('managed keys follow the policy exactly; a key whose id is not its thumbprint is ignored', async () => {
    const db = await seededDb();
    const { stranger } = await testKeys();
    await syncManagedKeys(db, [stranger.publicKey, { ...stranger.publicKey, keyId: PUBLISHER_KEYS[0]!.keyId.replace(/^./, 'x') }]);
    expect((await packsState(db)).keys.filter((k) => k.source === 'managed').map((k) => k.keyId)).toEqual([stranger.publicKey.keyId]);
    await syncManagedKeys(db, []);
    expect((await packsState(db)).keys.some((k) => k.source === 'managed')).toBe(false);
  });

  it('the built-in key cannot be removed by the user; a user key can', async () => {
    const db = await seededDb();
    await expect(removeUserKey(db, PUBLISHER_KEYS[0]!.keyId)).rejects.toMatchObject({ code: 'key-not-removable' });
    await removeUserKey(db, (await testKeys()).trusted.publicKey.keyId);
    expect((await packsState(db)).keys.map((k) => k.source)).toEqual(['builtin']);
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.1', -1],
    ['1.10.0', '1.9.9', 1],
    ['2.0.0', '2.0.0', 0],
    ['2.0.0-rc.1', '2.0.0', -1],
    ['2.0.0-rc.2', '2.0.0-rc.10', -1],
    ['2.0.0-alpha', '2.0.0-alpha.1', -1],
    ['2.0.0-beta', '2.0.0-alpha', 1],
  ])('%s vs %s → %i', (a, b, r) => {
    expect(compareVersions(a, b)).toBe(r);
    expect(compareVersions(b, a)).toBe(-r || 0);
  });
});
