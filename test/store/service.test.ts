import { describe, expect, it } from 'vitest';
import { RequestSchema } from '../../lib/messages/index';
import { toBase64 } from '../../lib/packs/sign';
import { dumpDb } from '../../lib/store/packs';
import { handlePackRequest, isExtensionPage, type PackRequest } from '../../lib/store/service';
import { bump, national, seededDb, signedFile, testKeys } from './fixture';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('who may change packs', () => {
  it.each([
    ['the options page', { id: ID, url: `${ORIGIN}options.html`, origin: `chrome-extension://${ID}` }, true],
    ['the popup (no origin field)', { id: ID, url: `${ORIGIN}popup.html` }, true],
    ['our content script in a page', { id: ID, url: 'https://oa.example.gov.cn/edit', origin: 'https://oa.example.gov.cn' }, false],
    ['our content script in an about:blank frame', { id: ID, url: 'about:blank' }, false],
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' }, false],
    ['a page claiming our URL but another origin', { id: ID, url: `${ORIGIN}options.html`, origin: 'https://evil.example' }, false],
    ['no sender id', { url: `${ORIGIN}options.html` }, false],
    ['no URL', { id: ID }, false],
  ])('%s → %s', (_name, sender, ok) => {
    expect(isExtensionPage(sender, ID, ORIGIN)).toBe(ok);
  });
});

describe('pack requests', () => {
  const parse = (m: unknown) => RequestSchema.parse(m) as PackRequest;

  it('import through the message: state and summary come back, pages are told', async () => {
    const db = await seededDb();
    let changed = 0;
    const file = await signedFile(bump(national, '1.1.0'));
    const reply = (await handlePackRequest(db, parse({ kind: 'pack-import', fileName: 'n.json', data: toBase64(file), trustFile: false }), () => changed++)) as {
      error: unknown;
      summary: { version: string };
      state: { packs: { id: string; active: string }[] };
    };
    expect(reply.error).toBeNull();
    expect(reply.summary.version).toBe('1.1.0');
    expect(reply.state.packs[0]).toMatchObject({ id: 'national', active: '1.1.0' });
    expect(changed).toBe(1);
  });

  it('a refusal comes back as a structured bilingual error with the unchanged state', async () => {
    const db = await seededDb();
    const before = await dumpDb(db);
    let changed = 0;
    const reply = (await handlePackRequest(db, parse({ kind: 'pack-import', fileName: 'x.json', data: toBase64(new TextEncoder().encode('{')), trustFile: false }), () => changed++)) as {
      error: { code: string; zh: string; en: string };
    };
    expect(reply.error).toMatchObject({ code: 'json' });
    expect(changed).toBe(0);
    expect(await dumpDb(db)).toBe(before);
  });

  it('a key file can be trusted and removed again', async () => {
    const db = await seededDb();
    const { stranger } = await testKeys();
    const add = (await handlePackRequest(db, parse({ kind: 'key-add', text: JSON.stringify(stranger.publicKey) }), () => undefined)) as { error: unknown; state: { keys: { keyId: string }[] } };
    expect(add.error).toBeNull();
    expect(add.state.keys.map((k) => k.keyId)).toContain(stranger.publicKey.keyId);
    const bad = (await handlePackRequest(db, parse({ kind: 'key-add', text: '{"format":"x"}' }), () => undefined)) as { error: { code: string } };
    expect(bad.error.code).toBe('schema');
  });

  it('refuses oversize transfers at the message boundary', () => {
    expect(RequestSchema.safeParse({ kind: 'pack-import', fileName: 'x', data: 'A'.repeat(12_000_001), trustFile: false }).success).toBe(false);
  });
});
