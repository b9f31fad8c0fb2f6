import { describe, expect, test } from 'vitest';
import { request, RequestSchema } from '../../lib/messages/index';
import { defaultChain } from '../../lib/packs/builtin';

describe('the message protocol', () => {
  test.each([
    [{ kind: 'hello' }, true],
    [{ kind: 'site-enable', origin: 'https://oa.example.gov.cn', tabId: 3 }, true],
    [{ kind: 'site-enable', origin: 'https://oa.example.gov.cn/path' }, false],
    [{ kind: 'site-status', origin: 'javascript:alert(1)' }, false],
    [{ kind: 'tab-summary' }, false],
    [{ kind: 'eval', code: 'x' }, false],
    ['hello', false],
  ])('%j is valid: %s', (msg, ok) => {
    expect(RequestSchema.safeParse(msg).success).toBe(ok);
  });

  test('request() parses the reply of its kind', async () => {
    const packs = defaultChain();
    const reply = await request(async () => ({ kind: 'packs', site: 'https://oa.example.gov.cn', packs }), { kind: 'hello' });
    expect(reply.packs[0]!.manifest.id).toBe('national');
  });

  test('request() rejects a malformed reply and surfaces an error reply', async () => {
    await expect(request(async () => ({ kind: 'packs', site: 'x', packs: [{ nope: 1 }] }), { kind: 'hello' })).rejects.toThrow();
    await expect(request(async () => ({ kind: 'error', message: 'bad request' }), { kind: 'hello' })).rejects.toThrow('bad request');
  });

  test('request() refuses to send an invalid request', async () => {
    await expect(request(async () => ({ kind: 'ok' }), { kind: 'report', regions: [{}] } as never)).rejects.toThrow();
  });
});
