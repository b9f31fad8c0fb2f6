// Every hostile file is refused with its own error, naming the field where there is one, in both
// languages, and the database is byte-for-byte what it was (every table dumped before and after).
import { beforeAll, describe, expect, it } from 'vitest';
import { importPack } from '../../lib/packs/import';
import type { FashenDb } from '../../lib/store/db';
import { PackError } from '../../lib/store/pack-error';
import { dumpDb } from '../../lib/store/packs';
import { seededDb } from '../store/fixture';
import { hostileCases } from './hostile/cases';

const cases = hostileCases();

describe('hostile packs', () => {
  let db: FashenDb;
  let before: string;
  beforeAll(async () => {
    db = await seededDb();
    before = await dumpDb(db);
  });

  it('the suite has at least 50 distinct cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const file = await c.file();
    let error: unknown = null;
    try {
      await importPack(db, file, { trustFile: c.trustFile === true, fileName: `${c.name}.json` });
    } catch (e) {
      error = e;
    }
    expect(error, 'the file must be refused').toBeInstanceOf(PackError);
    const e = error as PackError;
    expect({ code: e.code, path: e.path }).toMatchObject({ code: c.code, ...(c.path === undefined ? {} : { path: c.path }) });
    // bilingual: Chinese text in zh, no CJK in en
    expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e.en).toMatch(/[a-z]/i);
    if (c.says) expect(`${e.zh} ${e.en}`).toMatch(c.says);
    expect(await dumpDb(db), 'database unchanged').toBe(before);
  });

  it('after all of them, a valid file still imports (the database was not wedged)', async () => {
    const { signedFile, bump, national } = await import('../store/fixture');
    await importPack(db, await signedFile(bump(national, '1.1.0')));
    expect(await dumpDb(db)).not.toBe(before);
  });
});
