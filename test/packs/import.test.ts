import { describe, expect, it } from 'vitest';
import { check } from '../../lib/engine/index';
import { compilePack } from '../../lib/packs/compile';
import { importPack, MAX_PACK_BYTES } from '../../lib/packs/import';
import { canonicalJson, signPack, verifyPack } from '../../lib/packs/sign';
import type { BuiltPack } from '../../lib/packs/schema';
import { activateVersion, activeChain, dumpDb, exportPack, packsState, removeImported, setStack } from '../../lib/store/packs';
import { builtins, bump, bytes, national, seededDb, signedFile, testKeys } from '../store/fixture';

const FINE = '违反本办法第五条规定的，由县城市管理局责令改正，处一千元以上五千元以下罚款。';
const rulesFound = async (db: Awaited<ReturnType<typeof seededDb>>, text = FINE) => check(text, compilePack(await activeChain(db))).findings.map((f) => f.ruleId);

/** national 1.1.0 without the fine rule: the change a drafter must be able to see and undo. */
function nationalWithoutFine(version = '1.1.0'): BuiltPack {
  const p = bump(national, version);
  return { ...p, rules: p.rules.filter((r) => r.id !== 'penalty-fine') };
}

describe('canonical form and signatures', () => {
  it('key order and spacing do not matter; values do', async () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: 2 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":2,"z":1}}');
    const { trusted } = await testKeys();
    const signed = await signPack({ b: 1, a: '甲' }, trusted.privateKey);
    expect((await verifyPack({ a: '甲', b: 1 }, signed.sha256, signed.signature, [trusted.publicKey])).ok).toBe(true);
    expect(await verifyPack({ a: '乙', b: 1 }, signed.sha256, signed.signature, [trusted.publicKey])).toMatchObject({ ok: false, problem: { code: 'sha256-mismatch' } });
  });
});

describe('import', () => {
  it('a signed new version is installed, activated, and its diff reported', async () => {
    const db = await seededDb();
    expect(await rulesFound(db)).toContain('penalty-fine');
    const res = await importPack(db, await signedFile(nationalWithoutFine()), { fileName: 'national-1.1.0.json', now: 5 });
    expect(res).toMatchObject({ id: 'national', version: '1.1.0', previous: '1.0.0', signed: true, publisher: '测试发布者 / test publisher' });
    expect(res.diff).toMatchObject({ from: '1.0.0', to: '1.1.0', added: [], removed: ['penalty-fine'], changed: [], manifest: [] });
    expect(await rulesFound(db)).not.toContain('penalty-fine');
    const state = await packsState(db);
    const p = state.packs.find((x) => x.id === 'national')!;
    expect(p.active).toBe('1.1.0');
    expect(p.versions[0]).toMatchObject({ version: '1.1.0', source: 'signed-file', fileName: 'national-1.1.0.json', installedAt: 5, ruleCount: national.rules.length - 1 });
  });

  it('rollback brings the earlier version back, and forward again', async () => {
    const db = await seededDb();
    await importPack(db, await signedFile(nationalWithoutFine()));
    await activateVersion(db, 'national', '1.0.0');
    expect(await rulesFound(db)).toContain('penalty-fine');
    await activateVersion(db, 'national', '1.1.0');
    expect(await rulesFound(db)).not.toContain('penalty-fine');
  });

  it('a local pack becomes the local layer of the stack', async () => {
    const db = await seededDb();
    const local = bump(builtins.get('kunming-dongchuan')!, '1.1.0', { parameters: { ...builtins.get('kunming-dongchuan')!.manifest.parameters, filingDays: 20 } });
    const res = await importPack(db, await signedFile(local));
    expect(res.diff.manifest).toEqual(['parameters.filingDays']);
    expect((await packsState(db)).stack).toBe('kunming-dongchuan');
    expect(compilePack(await activeChain(db)).params.filingDays).toBe(20);
  });

  it('a brand-new local pack extending national installs', async () => {
    const db = await seededDb();
    const base = builtins.get('henan-biyang')!;
    const pack = bump(base, '0.1.0', { id: 'test-county', name: { 'zh-CN': '测试县', en: 'Test county' } });
    await importPack(db, await signedFile(pack));
    expect((await activeChain(db)).map((p) => p.manifest.id)).toEqual(['national', 'test-county']);
    await removeImported(db, 'test-county');
    expect((await activeChain(db)).map((p) => p.manifest.id)).toEqual(['national']);
    expect((await packsState(db)).packs.some((p) => p.id === 'test-county')).toBe(false);
  });

  it('removing an imported version of a built-in pack returns to the built-in', async () => {
    const db = await seededDb();
    await importPack(db, await signedFile(nationalWithoutFine()));
    await removeImported(db, 'national');
    expect((await packsState(db)).packs[0]).toMatchObject({ id: 'national', active: '1.0.0', versions: [{ version: '1.0.0', source: 'builtin' }] });
    await expect(removeImported(db, 'national')).rejects.toMatchObject({ code: 'nothing-to-remove' });
  });

  it('the developer switch installs an unsigned file; a broken signature stays refused', async () => {
    const db = await seededDb();
    const plain = bytes(JSON.stringify(nationalWithoutFine()));
    await expect(importPack(db, plain)).rejects.toMatchObject({ code: 'unsigned' });
    const res = await importPack(db, plain, { trustFile: true });
    expect(res).toMatchObject({ signed: false, publisher: null });
    expect((await packsState(db)).packs[0]!.versions[0]!.source).toBe('trusted-file');
    const { stranger } = await testKeys();
    await importPack(db, await signedFile(nationalWithoutFine('1.2.0'), stranger.privateKey), { trustFile: true });
    const tampered = JSON.parse(new TextDecoder().decode(await signedFile(nationalWithoutFine('1.3.0')))) as { pack: BuiltPack };
    tampered.pack.manifest.validAsOf = '2030-01-01';
    await expect(importPack(db, bytes(JSON.stringify(tampered)), { trustFile: true })).rejects.toMatchObject({ code: 'sha256-mismatch' });
  });

  it('an exported signed version verifies and imports elsewhere', async () => {
    const db = await seededDb();
    await importPack(db, await signedFile(nationalWithoutFine()));
    const out = await exportPack(db, 'national', '1.1.0');
    expect(out.fileName).toBe('national-1.1.0.signed.json');
    const other = await seededDb();
    await importPack(other, bytes(out.text));
    expect((await packsState(other)).packs[0]!.active).toBe('1.1.0');
  });

  it('a new base that would break the local pack in use is refused', async () => {
    const db = await seededDb();
    // national 1.1.0 adds a guard set; a county pack relies on it; national 1.2.0 drops it
    const withGuard = bump(national, '1.1.0', { guards: { ...national.manifest.guards, 'county-extra': ['试点期间'] } });
    await importPack(db, await signedFile(withGuard));
    const county = bump(builtins.get('henan-biyang')!, '0.1.0', { id: 'test-county' });
    const fine = structuredClone(national.rules.find((r) => r.id === 'penalty-fine')!);
    if (fine.check !== 'clause') throw new Error('penalty-fine is a clause rule');
    county.rules = [...county.rules, { ...fine, id: 'county-fine', unless: [...fine.unless, '@county-extra'] }];
    await importPack(db, await signedFile(county));
    expect((await packsState(db)).stack).toBe('test-county');
    const before = await dumpDb(db);
    await expect(importPack(db, await signedFile(bump(national, '1.2.0')))).rejects.toMatchObject({ code: 'stack', path: 'pack.manifest' });
    expect(await dumpDb(db)).toBe(before);
  });

  it('a changed parameter that breaks the pack\'s own examples is refused', async () => {
    const db = await seededDb();
    const local = bump(builtins.get('kunming-dongchuan')!, '1.1.0', { parameters: { ...builtins.get('kunming-dongchuan')!.manifest.parameters, commentMinDays: 45 } });
    const before = await dumpDb(db);
    await expect(importPack(db, await signedFile(local))).rejects.toMatchObject({ code: 'example-failed', path: expect.stringMatching(/^pack\.rules\.\d+\.examples\.pass\.\d+$/) });
    expect(await dumpDb(db)).toBe(before);
  });

  it('the size limit is checked before anything is parsed', async () => {
    const db = await seededDb();
    await expect(importPack(db, new Uint8Array(MAX_PACK_BYTES + 1))).rejects.toMatchObject({ code: 'too-large' });
  });
});
