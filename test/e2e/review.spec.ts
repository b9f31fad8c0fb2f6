// Issue 5, the reviewer's workflow in Chromium with the built extension: the side panel page for a
// demo draft lists exactly the engine's findings, reveals one in the editor (it flashes), records
// decisions (form and keyboard), dims accepted findings in the editor, keeps decisions across a
// new login session and a browser restart on the same profile (IndexedDB), follows edits before,
// moves of and rewrites of the decided text, and exports an opinion whose .docx (unzipped) and
// HTML carry the chosen findings and nothing else.
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FLAG, seedSentence } from './draft';
import { freshProfile, Isolated, launchWithExtension, openPage, waitFor, type ExtBrowser, type ProbeRegion } from './harness';
import { startPageServer, type PageServer } from './server';

// the extension API inside evaluate() callbacks that run in extension contexts
declare const chrome: any;

type Found = ProbeRegion['findings'][number];
const keyOf = (f: { ruleId: string; start: number; end: number }): string => `${f.ruleId}@${f.start}-${f.end}`;

describe('review: side panel, decisions, export', () => {
  let server: PageServer;
  let ext: ExtBrowser;
  let profile: string;
  let page: Page;
  let iso: Isolated;
  let panel: Page;
  let tabId: number;
  let findings: Found[];

  /** a login session id in the URL, as OA systems put it: a new one on every login */
  const session = (): string => Array.from({ length: 32 }, () => '0123456789ABCDEF'[Math.floor(Math.random() * 16)]).join('');
  const draftUrl = (): string => server.url(`/pages/contenteditable.html?draft=demo&jsessionid=${session()}`);
  const byFlag = (category: string, flag: string): Found => {
    const f = findings.find((x) => x.category === category && flag.includes(x.text));
    if (!f) throw new Error(`no ${category} finding in ${flag}`);
    return f;
  };
  const item = (f: { ruleId: string; start: number; end: number }) => panel.locator(`li[data-finding="${keyOf(f)}"]`);
  const panelKeys = (): Promise<string[]> => panel.locator('li[data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')!).sort());
  /** current findings of the editor, from the content script's probe */
  const current = async (): Promise<Found[]> => (await iso.regions()).flatMap((r) => r.findings);
  const decidedKinds = (): Promise<Record<string, string>> =>
    panel.locator('li[data-finding][data-decision-kind]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-finding')!, e.getAttribute('data-decision-kind')!])));

  async function openDraft(url: string): Promise<void> {
    page = await ext.context.newPage();
    iso = await Isolated.attach(page);
    await openPage(page, url);
    findings = (await iso.settled()).flatMap((r) => r.findings);
    tabId = await ext.sw.evaluate(async (u: string) => (await chrome.tabs.query({})).find((t: any) => t.url === u)?.id, page.url());
    expect(tabId).toEqual(expect.any(Number));
  }

  async function openPanel(): Promise<void> {
    panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
    await waitFor(async () => (await panel.locator('li[data-finding]').count()) > 0 || null, 'findings in the side panel', 20_000);
  }

  /** the panel shows exactly the editor's current findings */
  async function panelMatchesEditor(): Promise<Found[]> {
    let now: Found[] = [];
    await waitFor(async () => {
      now = await current();
      return JSON.stringify(await panelKeys()) === JSON.stringify(now.map(keyOf).sort()) || null;
    }, 'side panel lists the editor findings');
    return now;
  }

  /** the page's editor, edited as a user's editing would (its own DOM, from the page's world) */
  const edit = (fn: string, ...args: string[]): Promise<void> => page.evaluate(([body, a]) => new Function('ed', 'args', body)(document.getElementById('editor'), a), [fn, args] as const);

  beforeAll(async () => {
    server = await startPageServer();
    profile = freshProfile();
    ext = await launchWithExtension({ profile });
    await openDraft(draftUrl());
    await openPanel();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('the summary and the findings are the engine\'s, in drafter mode without decisions or export', async () => {
    await panelMatchesEditor();
    expect(await panel.locator('main[data-mode]').getAttribute('data-mode')).toBe('drafter');
    await expect.poll(() => panel.locator('[data-summary="validity"]').getAttribute('data-status')).toBe('too_long');
    expect(await panel.locator('[data-summary="comment-period"]').getAttribute('data-status')).toBe('too_short');
    expect(await panel.locator('[data-summary="packs"]').innerText()).toContain('national');
    expect(await panel.locator('[data-action="decide"]').count()).toBe(0);
    expect(await panel.locator('[data-section="export"]').count()).toBe(0);
    // what and why: the finding's message and basis are in its item
    const fine = byFlag('penalty', FLAG.penalty);
    const text = await item(fine).innerText();
    expect(text).toContain('第四条');
    expect(text).toContain('《中华人民共和国行政处罚法》');
  });

  test('clicking a finding scrolls the editor to it and makes its highlight flash', async () => {
    const lic = byFlag('licensing', FLAG.licensing);
    await item(lic).locator('[data-action="reveal"]').click();
    await waitFor(async () => (await iso.flashing()) === lic.text || null, 'the licensing finding flashes');
    const inView = await page.evaluate((t) => {
      const ed = document.getElementById('editor')!;
      const p = [...ed.querySelectorAll('p')].find((x) => x.textContent!.includes(t))!;
      const r = p.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, lic.text);
    expect(inView).toBe(true);
    await waitFor(async () => (await iso.flashing()) === '' || null, 'the flash ends');
  });

  test('the annotation switch in the panel and the one in storage (popup, shortcut) are the same', async () => {
    const site = server.origin;
    await panel.getByRole('checkbox', { name: '显示标注' }).uncheck();
    await waitFor(async () => (await iso.highlights()).length === 0 || null, 'highlights hidden');
    expect(await ext.sw.evaluate((k: string) => chrome.storage.local.get(k), `view:${site}`)).toEqual({ [`view:${site}`]: { visible: false, hidden: [] } });
    // the shortcut's and popup's write: the panel follows
    await ext.sw.evaluate((k: string) => chrome.storage.local.set({ [k]: { visible: true, hidden: [] } }), `view:${site}`);
    await expect.poll(() => panel.getByRole('checkbox', { name: '显示标注' }).isChecked()).toBe(true);
    await waitFor(async () => (await iso.highlights()).length > 0 || null, 'highlights back');
  });

  test('reviewer decisions: form and keyboard; accepted findings dim in the editor', async () => {
    await panel.getByRole('radio', { name: '审核人' }).check();
    await panel.locator('input[data-profile="name"]').fill('李审核');
    // must change, with a note, through the form
    const fine = byFlag('penalty', FLAG.penalty);
    await item(fine).locator('[data-action="decide"]').click();
    await item(fine).getByRole('radio', { name: /须修改/ }).check();
    await item(fine).getByLabel('备注').fill('删除罚款条款，处罚依照上位法执行');
    await item(fine).getByRole('button', { name: '保存' }).click();
    // acceptable needs a reason: refused without, saved with
    const lic = byFlag('licensing', FLAG.licensing);
    await item(lic).locator('[data-action="decide"]').click();
    await item(lic).getByRole('radio', { name: /可以接受/ }).check();
    await item(lic).getByRole('button', { name: '保存' }).click();
    await waitFor(async () => (await item(lic).innerText()).includes('须说明理由') || null, 'reason required');
    await item(lic).getByLabel(/^理由/).fill('上位法已设定该许可');
    await item(lic).getByRole('button', { name: '保存' }).click();
    // needs legal review, from the keyboard on the focused finding
    const seize = byFlag('compulsory', FLAG.compulsory);
    await item(seize).focus();
    await panel.keyboard.press('3');
    await waitFor(async () => {
      const k = await decidedKinds();
      return (k[keyOf(fine)] === 'must-change' && k[keyOf(lic)] === 'acceptable' && k[keyOf(seize)] === 'needs-legal-review') || null;
    }, 'three decisions shown');
    // in the editor: the accepted finding is drawn dimmed, the others as before
    await waitFor(async () => {
      const painted = (await iso.regions()).flatMap((r) => r.painted);
      const dim = painted.filter((p) => p.dimmed).map((p) => p.text);
      return (JSON.stringify(dim) === JSON.stringify([lic.text]) && painted.some((p) => p.text === fine.text && !p.dimmed)) || null;
    }, 'accepted finding dimmed');
    const hl = await iso.highlights();
    expect(hl.filter((h) => h.name === 'fashen-licensing-dismissed').map((h) => h.text)).toEqual([lic.text]);
  });

  test('decisions are kept across a new login session (URL session id) and a browser restart', async () => {
    const before = await decidedKinds();
    expect(Object.keys(before)).toHaveLength(3);
    await page.close();
    await panel.close();
    await ext.close();
    ext = await launchWithExtension({ profile });
    await openDraft(draftUrl());
    await openPanel();
    await panel.getByRole('radio', { name: '审核人' }).check();
    await waitFor(async () => JSON.stringify(await decidedKinds()) === JSON.stringify(before) || null, 'the same three decisions after a restart');
  });

  test('anchors follow edits before the decided text and a moved paragraph', async () => {
    const fine = byFlag('penalty', FLAG.penalty);
    const inserted = seedSentence('规范性文件');
    await edit('const p = document.createElement("p"); p.textContent = args[0]; ed.insertBefore(p, ed.firstChild);', inserted);
    let now = await panelMatchesEditor();
    const moved = now.find((f) => f.ruleId === fine.ruleId && f.text === fine.text)!;
    expect(moved.start).toBe(fine.start + inserted.length + 1);
    await waitFor(async () => (await decidedKinds())[keyOf(moved)] === 'must-change' || null, 'decision follows the shifted clause');
    // move the fine's paragraph to the end of the draft
    await edit('const p = [...ed.querySelectorAll("p")].find((x) => x.textContent.includes(args[0])); ed.appendChild(p);', fine.text);
    now = await panelMatchesEditor();
    const atEnd = now.find((f) => f.ruleId === fine.ruleId && f.text === fine.text)!;
    expect(atEnd.start).toBeGreaterThan(moved.start);
    await waitFor(async () => (await decidedKinds())[keyOf(atEnd)] === 'must-change' || null, 'decision follows the moved paragraph');
    expect(Object.values(await decidedKinds()).sort()).toEqual(['acceptable', 'must-change', 'needs-legal-review']);
  });

  test('a decided finding whose text was rewritten is shown as resolved', async () => {
    const lic = byFlag('licensing', FLAG.licensing);
    await edit(
      'const p = [...ed.querySelectorAll("p")].find((x) => x.textContent.includes(args[0])); p.textContent = "第三条 网络预约出租汽车经营者应当依照《网络预约出租汽车经营服务管理暂行办法》取得相应许可。";',
      lic.text,
    );
    await panelMatchesEditor();
    await waitFor(async () => (await panel.locator('li[data-resolved][data-decision-kind="acceptable"]').count()) === 1 || null, 'resolved decision listed');
    expect(await panel.locator('li[data-resolved]').innerText()).toContain(lic.text.slice(0, 10));
    expect(Object.values(await decidedKinds()).sort()).toEqual(['must-change', 'needs-legal-review']);
  });

  test('export: the .docx and the HTML carry the chosen findings and nothing else', async () => {
    const now = await current();
    const fine = now.find((f) => f.category === 'penalty' && FLAG.penalty.includes(f.text))!;
    const seize = now.find((f) => f.category === 'compulsory' && FLAG.compulsory.includes(f.text))!;
    const fee = now.find((f) => f.category === 'fee' && FLAG.fee.includes(f.text))!;
    // default choice: must change and needs legal review; the fee clause is not chosen
    await expect.poll(() => panel.locator('[data-export-count]').getAttribute('data-export-count')).toBe('2');
    expect(await item(fee).getAttribute('data-included')).toBe('false');
    // the reviewer leaves the compulsory one out
    await item(seize).getByRole('checkbox', { name: /写入审核意见/ }).uncheck();
    await expect.poll(() => panel.locator('[data-export-count]').getAttribute('data-export-count')).toBe('1');

    const dl = panel.waitForEvent('download');
    await panel.locator('[data-action="export-docx"]').click();
    const docx = await dl;
    expect(docx.suggestedFilename()).toMatch(/^合法性审核意见-.+\.docx$/);
    const zip = await JSZip.loadAsync(await readFile((await docx.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    const words = xml.replace(/<[^>]+>/g, '');
    expect(words).toContain('合法性审核意见');
    expect(words).toContain('某市网络预约出租汽车经营服务管理办法');
    expect(words).toContain(fine.text);
    expect(words).toContain('须修改');
    expect(words).toContain('删除罚款条款，处罚依照上位法执行');
    expect(words).toContain('《中华人民共和国行政处罚法》');
    expect(words).toContain('李审核');
    expect(words).toContain('national');
    expect(words).toMatch(/有效期/);
    expect(words).not.toContain(seize.text);
    expect(words).not.toContain(fee.text);

    const dl2 = panel.waitForEvent('download');
    await panel.locator('[data-action="export-html"]').click();
    const html = await readFile((await (await dl2).path())!, 'utf8');
    expect(html).toContain(fine.text);
    expect(html).not.toContain(seize.text);
    expect(html).not.toContain(fee.text);
    expect(html).not.toMatch(/<script/i);
  });

  test('keyboard and 200% zoom: the list is walked with the keys, nothing overflows sideways', async () => {
    await panel.locator('li[data-finding]').first().focus();
    const first = await panel.evaluate(() => document.activeElement?.getAttribute('data-finding'));
    await panel.keyboard.press('ArrowDown');
    const second = await panel.evaluate(() => document.activeElement?.getAttribute('data-finding'));
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    // a side panel about 400 px wide at 200% zoom lays out like 200 CSS px
    await panel.setViewportSize({ width: 200, height: 900 });
    const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('the panel speaks English when the user chooses it', async () => {
    await ext.sw.evaluate(() => chrome.storage.local.set({ uiLang: 'en' }));
    await waitFor(async () => (await panel.getByRole('radio', { name: 'Reviewer' }).count()) > 0 || null, 'English labels');
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('en');
    await ext.sw.evaluate(() => chrome.storage.local.set({ uiLang: 'zh-CN' }));
  });
});

describe('review in an editor inside an iframe and in a textarea', () => {
  let server: PageServer;
  let ext: ExtBrowser;

  beforeAll(async () => {
    server = await startPageServer();
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function open(path: string): Promise<{ page: Page; iso: Isolated; panel: Page; findings: Found[] }> {
    const page = await ext.context.newPage();
    const iso = await Isolated.attach(page);
    await openPage(page, server.url(path));
    const findings = (await iso.settled()).flatMap((r) => r.findings);
    const tabId: number = await ext.sw.evaluate(async (u: string) => (await chrome.tabs.query({})).find((t: any) => t.url === u)?.id, page.url());
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
    await waitFor(async () => (await panel.locator('li[data-finding]').count()) === findings.length || null, 'findings in the side panel', 20_000);
    return { page, iso, panel, findings };
  }

  test('TinyMCE (editing document in an iframe): the reveal reaches the iframe and flashes there', async () => {
    const { page, iso, panel, findings } = await open('/pages/tinymce.html?draft=demo');
    const fine = findings.find((f) => f.category === 'penalty' && FLAG.penalty.includes(f.text))!;
    await panel.locator(`li[data-finding="${keyOf(fine)}"] [data-action="reveal"]`).click();
    await waitFor(async () => (await iso.flashing()) === fine.text || null, 'the fine flashes inside the editor iframe');
    await panel.close();
    await page.close();
  });

  test('textarea: an accepted finding is drawn dimmed by the mirror', async () => {
    const { page, iso, panel, findings } = await open('/pages/textarea.html?draft=demo');
    const fee = findings.find((f) => f.category === 'fee' && FLAG.fee.includes(f.text))!;
    await panel.getByRole('radio', { name: '审核人' }).check();
    const li = panel.locator(`li[data-finding="${keyOf(fee)}"]`);
    await li.locator('[data-action="decide"]').click();
    await li.getByRole('radio', { name: /可以接受/ }).check();
    await li.getByLabel(/^理由/).fill('依照上位法收取');
    await li.getByRole('button', { name: '保存' }).click();
    await waitFor(async () => {
      const painted = (await iso.regions()).flatMap((r) => r.painted);
      return (JSON.stringify(painted.filter((p) => p.dimmed).map((p) => p.text)) === JSON.stringify([fee.text]) && painted.some((p) => !p.dimmed)) || null;
    }, 'the fee clause dimmed in the mirror, the others not');
    await panel.close();
    await page.close();
  });
});
