// Issue 4 end to end: a legal office's signed pack is imported through the options page's real
// file inputs, the annotations on an OA page change; rolling back changes them back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadBuiltinPacks } from '../../lib/packs/load';
import type { BuiltPack } from '../../lib/packs/schema';
import { generateKeyPair, signPack } from '../../lib/packs/sign';
import { Isolated, launchWithExtension, openPage, waitFor, type ExtBrowser } from './harness';
import { startPageServer, type PageServer } from './server';

const national = loadBuiltinPacks().get('national')!;
const PACK_ID = 'e2e-county';
const OWN_RULE = 'obligation-e2e-ride-hailing';

/** A county pack: v1.0.0 adds one rule; v1.1.0 also switches off the national fine rule. */
function countyPack(version: string, disable: string[]): BuiltPack {
  const base = national.rules.find((r) => r.id === 'obligation-designation');
  if (base?.check !== 'clause') throw new Error('obligation-designation must be a clause rule');
  return {
    format: 'fashen-pack/1',
    manifest: {
      ...national.manifest,
      id: PACK_ID,
      name: { 'zh-CN': '端到端测试县', en: 'E2E county' },
      version,
      jurisdiction: { code: 'CN-E2E', name: '测试县', level: 'county' },
      extends: 'national',
      parameters: {},
      parameterBasis: {},
      guards: {},
      disable,
      notes: [],
    },
    rules: [
      {
        ...base,
        id: OWN_RULE,
        name: '网约车经营服务（测试规则）',
        match: ['网络预约出租汽车经营服务'],
        requires: [],
        requireBefore: [],
        unless: [],
        unlessBefore: [],
        unlessAfter: [],
        unlessParagraph: [],
        unlessClause: [],
        requireLeadIn: [],
        unlessLeadIn: [],
        examples: { flag: ['为规范[[网络预约出租汽车经营服务]]行为，制定本办法。'], pass: ['为规范出租汽车行为，制定本办法。'] },
      },
    ],
  };
}

describe('rule packs: import a signed pack, see annotations change, roll back', () => {
  let server: PageServer;
  let ext: ExtBrowser;
  let options: Page;
  let page: Page;
  let iso: Isolated;
  const dir = mkdtempSync(join(tmpdir(), 'fashen-packs-e2e-'));

  const ruleIds = async (): Promise<Set<string>> => new Set((await iso.regions()).flatMap((r) => r.findings.map((f) => f.ruleId)));

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('端到端测试发布者 / e2e publisher');
    writeFileSync(join(dir, 'publisher.pub.json'), JSON.stringify(publicKey));
    writeFileSync(join(dir, 'v1.json'), JSON.stringify(await signPack(countyPack('1.0.0', []), privateKey)));
    writeFileSync(join(dir, 'v2.json'), JSON.stringify(await signPack(countyPack('1.1.0', ['penalty-fine']), privateKey)));
    server = await startPageServer();
    ext = await launchWithExtension();
    options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await waitFor(() => options.locator('[data-testid="pack-national"]').count(), 'options page lists the built-in packs');
    page = await ext.context.newPage();
    iso = await Isolated.attach(page);
    await openPage(page, `${server.origin}/pages/contenteditable.html`);
    await iso.settled(1);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('before: national rules only', async () => {
    const ids = await waitFor(async () => ((await ruleIds()).has('penalty-fine') ? ruleIds() : null), 'the fine is annotated');
    expect(ids.has(OWN_RULE)).toBe(false);
  });

  test('an unsigned-by-a-trusted-key pack is refused until its publisher key is added', async () => {
    await options.setInputFiles('[data-testid="pack-file"]', join(dir, 'v1.json'));
    await waitFor(() => options.locator('[data-testid="pack-error"]').count(), 'refusal shown');
    expect(await options.locator('[data-testid="pack-error"]').innerText()).toMatch(/[一-龥]/);
    expect(await options.locator(`[data-testid="pack-${PACK_ID}"]`).count()).toBe(0);
  });

  test('importing v1.0.0 through the real file input adds its rule on the page', async () => {
    await options.setInputFiles('[data-testid="key-file"]', join(dir, 'publisher.pub.json'));
    await waitFor(async () => (await options.locator('[data-testid="keys"]').innerText()).includes('e2e publisher'), 'key listed');
    await options.setInputFiles('[data-testid="pack-file"]', join(dir, 'v1.json'));
    await waitFor(async () => (await options.locator('[data-testid="pack-summary"]').getAttribute('data-version')) === '1.0.0', 'v1 installed');
    await waitFor(async () => ((await ruleIds()).has(OWN_RULE) ? true : null), 'the county rule annotates the page', 30_000);
    expect((await ruleIds()).has('penalty-fine')).toBe(true);
  });

  test('v1.1.0 switches the fine rule off: its annotation disappears', async () => {
    await options.setInputFiles('[data-testid="pack-file"]', join(dir, 'v2.json'));
    await waitFor(async () => (await options.locator(`[data-testid="active-${PACK_ID}"]`).innerText()) === '1.1.0', 'v1.1 active');
    await waitFor(async () => {
      const ids = await ruleIds();
      return ids.has(OWN_RULE) && !ids.has('penalty-fine') ? true : null;
    }, 'fine no longer annotated', 30_000);
  });

  test('rolling back to v1.0.0 brings the fine annotation back', async () => {
    await options.selectOption(`[data-testid="versions-${PACK_ID}"]`, '1.0.0');
    await options.click(`[data-testid="activate-${PACK_ID}"]`);
    await waitFor(async () => (await options.locator(`[data-testid="active-${PACK_ID}"]`).innerText()) === '1.0.0', 'v1.0 active again');
    await waitFor(async () => {
      const ids = await ruleIds();
      return ids.has(OWN_RULE) && ids.has('penalty-fine') ? true : null;
    }, 'fine annotated again', 30_000);
  });
});
