// The extension around the editors: which hosts it may touch, how the content script is
// registered, and what the popup asks the background (site status, document-level summary).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Isolated, launchWithExtension, openPage, TEST_HOSTS, waitFor, type ExtBrowser } from './harness';
import { startPageServer, type PageServer } from './server';

// the extension API inside evaluate() callbacks that run in extension contexts
declare const chrome: any;

describe('extension: hosts, registration, popup requests', () => {
  let server: PageServer;
  let ext: ExtBrowser;
  let popup: Page;

  beforeAll(async () => {
    server = await startPageServer();
    ext = await launchWithExtension();
    popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const ask = (msg: unknown): Promise<any> => popup.evaluate((m) => chrome.runtime.sendMessage(m), msg);

  test('the test build holds only the FASHEN_TEST_HOSTS host; other hosts stay optional', async () => {
    const manifest = await ext.sw.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.host_permissions).toEqual([TEST_HOSTS]);
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.permissions).not.toContain('<all_urls>');
  });

  test('the content script is registered at run time for enabled hosts, in every frame', async () => {
    const scripts = await ext.sw.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts).toEqual([
      expect.objectContaining({ id: 'fashen-content', matches: [TEST_HOSTS], allFrames: true, matchOriginAsFallback: true, js: ['content-scripts/content.js'] }),
    ]);
  });

  test('the popup renders', async () => {
    await waitFor(() => popup.evaluate(() => document.body.innerText.includes('法审 fashen')), 'popup text');
  });

  test('site status: the test host is on; a host without permission cannot be enabled', async () => {
    expect(await ask({ kind: 'site-status', origin: server.origin })).toMatchObject({ enabled: true, granted: true, preset: true, managed: false });
    const other = 'http://localhost:9';
    expect(await ask({ kind: 'site-enable', origin: other })).toMatchObject({ enabled: false, granted: false });
    const scripts = await ext.sw.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts[0].matches).toEqual([TEST_HOSTS]);
    expect(await ask({ kind: 'site-disable', origin: other })).toMatchObject({ enabled: false });
  });

  test('a malformed request is refused', async () => {
    expect(await ask({ kind: 'site-enable', origin: 'javascript:alert(1)' })).toMatchObject({ kind: 'error' });
  });

  test('document-level results reach the popup: validity period and comment period', async () => {
    const page = await ext.context.newPage();
    const iso = await Isolated.attach(page);
    await openPage(page, server.url('/pages/contenteditable.html?draft=demo'));
    await iso.settled();
    const tabId = await popup.evaluate(async (origin) => (await chrome.tabs.query({ url: `${origin}/*` }))[0].id, server.origin);
    const summary = await waitFor(async () => {
      const r = await ask({ kind: 'tab-summary', tabId });
      return r.summaries.length ? r.summaries : null;
    }, 'tab summary');
    expect(summary).toEqual([
      expect.objectContaining({
        editor: 'contenteditable',
        validity: { status: 'too_long', years: 10, limitYears: 5 },
        commentPeriod: expect.objectContaining({ status: 'too_short', minDays: 30 }),
      }),
    ]);
    await page.close();
  });

  test('no script of fashen runs on a host that is not enabled', async () => {
    const page = await ext.context.newPage();
    const iso = await Isolated.attach(page);
    await openPage(page, server.url('/pages/contenteditable.html').replace('127.0.0.1', 'localhost'));
    // document_idle scripts run by the load event at the latest
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    expect(await iso.evalAll('1')).toEqual([]);
    await page.close();
  });
});
