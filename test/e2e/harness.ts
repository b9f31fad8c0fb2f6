// Drives Debian's Chromium with the test build of fashen (TOOLCHAIN.md: executablePath
// /usr/bin/chromium, --headless=new, never a downloaded browser) and reads the content script's
// isolated world through CDP. Every wait is on a condition, never a fixed time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { startSentinel, type Sentinel } from './server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the FASHEN_TEST_HOSTS build lands (wxt.config.ts keeps it apart from the release build). */
export const TEST_BUILD = join(ROOT, '.output/test/chrome-mv3');
export const TEST_HOSTS = 'http://127.0.0.1/*';
export const CHROMIUM = process.env.FASHEN_CHROMIUM ?? '/usr/bin/chromium';
const EXTENSION_NAME = '法审 fashen';
// the extension API inside sw.evaluate() callbacks (they run in the service worker)
declare const chrome: any;

/** Build the extension with the local test hosts pre-enabled. */
export function buildTestExtension(): void {
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
      cwd: ROOT,
      env: { ...process.env, FASHEN_TEST_HOSTS: TEST_HOSTS },
      stdio: 'pipe',
    });
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`wxt build failed:\n${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`);
  }
  if (!existsSync(join(TEST_BUILD, 'manifest.json'))) throw new Error(`test build missing at ${TEST_BUILD}`);
}

const BASE_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium's own traffic would reach the sentinel and hide what matters (requests made by
  // pages or by fashen): Debian's wrapper ships Google API keys, so sign-in (GAIA) and push
  // messaging (GCM) start talking at launch; point them at a closed local port. Do not pass
  // --disable-features here: it would replace playwright's own list and wake more services.
  '--gaia-url=http://127.0.0.1:9',
  '--gcm-checkin-url=http://127.0.0.1:9/checkin',
  '--gcm-mcs-endpoint=http://127.0.0.1:9',
  '--gcm-registration-url=http://127.0.0.1:9/register',
  '--autofill-server-url=http://127.0.0.1:9/',
  '--disable-client-side-phishing-detection',
  '--disable-domain-reliability',
  '--safebrowsing-disable-auto-update',
  '--password-store=basic',
  '--window-size=1280,900',
];

/** A Chromium with fashen loaded, its service worker, and the sentinel proxy it talks through. */
export interface ExtBrowser {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  sentinel: Sentinel;
  close(): Promise<void>;
}

/**
 * `profile`: a user-data directory to use and keep (a second launch on it is "the next day": the
 * same IndexedDB and storage); by default a fresh profile, deleted on close.
 */
export async function launchWithExtension(opts: { headless?: boolean; extension?: string; sentinel?: boolean; profile?: string } = {}): Promise<ExtBrowser> {
  const dir = opts.extension ?? TEST_BUILD;
  const userData = opts.profile ?? freshProfile();
  const sentinel = opts.sentinel === false ? { proxy: '', requests: [], close: async () => undefined } : await startSentinel();
  const headless = opts.headless ?? true;
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 860 },
    args: [
      ...BASE_ARGS.filter((a) => headless || a !== '--headless=new'),
      // loopback goes direct to the page server; anything else would reach the sentinel
      ...(sentinel.proxy ? [`--proxy-server=${sentinel.proxy}`] : []),
      ...(process.env.FASHEN_NETLOG ? [`--log-net-log=${process.env.FASHEN_NETLOG}-${Date.now()}.json`, '--net-log-capture-mode=Everything'] : []),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
  let [sw] = context.serviceWorkers();
  sw ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(sw.url()).host;
  // The background registers the content script for the preset hosts when it starts.
  await waitFor(() => sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0), 'content script registration');
  // The extension pages' language is fixed to zh-CN, the product's first language (issue 5: the
  // UI shows one language, the setting's or the browser's). Debian's Chromium ships only the
  // en-US locale, so neither --lang nor LANGUAGE can make the browser's own language Chinese;
  // this is the options page's language setting (lib/i18n/index.ts LANG_KEY).
  await sw.evaluate(() => chrome.storage.local.set({ uiLang: 'zh-CN' }));
  return {
    context,
    sw,
    extensionId,
    sentinel,
    async close() {
      await context.close();
      await sentinel.close();
      if (!opts.profile) rmSync(userData, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh profile with spell checking off and Chinese as the accepted language (as on the
 * desktops fashen is for): Chromium otherwise downloads a Hunspell dictionary for the accepted
 * languages (redirector.gvt1.com/…/en-us-10-1.bdic, seen in a net log of this suite).
 */
export function freshProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fashen-e2e-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(
    join(dir, 'Default', 'Preferences'),
    JSON.stringify({
      browser: { enable_spellchecking: false },
      intl: { accept_languages: 'zh-CN,zh' },
      spellcheck: { dictionaries: [], dictionary: '', use_spelling_service: false },
    }),
  );
  return dir;
}

/** A plain Chromium without the extension, for the editor-output comparison. */
export async function launchPlain(): Promise<{ browser: Browser; page(): Promise<Page>; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: false, args: BASE_ARGS });
  return {
    browser,
    page: async () => (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage(),
    close: () => browser.close(),
  };
}

/** Poll `check` until it returns a truthy value; a condition, not a sleep. */
export async function waitFor<T>(check: () => Promise<T> | T, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** fashen's isolated worlds in a page's frames, through CDP (TOOLCHAIN.md). */
export class Isolated {
  private readonly contexts = new Map<number, { frameId: string }>();

  private constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<Isolated> {
    const cdp = await page.context().newCDPSession(page);
    const iso = new Isolated(page, cdp);
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string; frameId?: string } | undefined;
      if (aux?.type === 'isolated' && context.name === EXTENSION_NAME) iso.contexts.set(context.id, { frameId: aux.frameId ?? '' });
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => iso.contexts.delete(executionContextId));
    cdp.on('Runtime.executionContextsCleared', () => iso.contexts.clear());
    await cdp.send('Runtime.enable');
    return iso;
  }

  /** Evaluate an expression (awaiting promises) in every fashen world; results by frame. */
  async evalAll<T>(expression: string): Promise<{ frameId: string; value: T }[]> {
    const out: { frameId: string; value: T }[] = [];
    for (const [id, { frameId }] of [...this.contexts]) {
      try {
        const res = await this.cdp.send('Runtime.evaluate', { expression, contextId: id, awaitPromise: true, returnByValue: true });
        if (res.exceptionDetails) throw new Error(res.exceptionDetails.exception?.description ?? res.exceptionDetails.text);
        out.push({ frameId, value: res.result.value as T });
      } catch (err) {
        if (/Cannot find context|context was destroyed|Execution context/i.test(String(err))) continue;
        throw err;
      }
    }
    return out;
  }

  /** Regions annotated in every frame (the probe's view). */
  async regions(): Promise<ProbeRegion[]> {
    const res = await this.evalAll<ProbeRegion[] | null>('globalThis.__fashen ? globalThis.__fashen.regions() : null');
    return res.flatMap((r) => r.value ?? []);
  }

  /** Wait until every frame is idle and at least `n` regions have been checked. */
  async settled(n = 1): Promise<ProbeRegion[]> {
    return waitFor(async () => {
      await this.evalAll('globalThis.__fashen ? globalThis.__fashen.settled() : null');
      const regions = await this.regions();
      return regions.length >= n && regions.every((r) => r.checks > 0) ? regions : null;
    }, `${n} checked region(s)`);
  }

  /** Text of every range in fashen's highlights, read from CSS.highlights itself. */
  async highlights(): Promise<PaintedRange[]> {
    const res = await this.evalAll<PaintedRange[]>(`[...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('fashen-'))
      .flatMap(([name, h]) => [...h].map((r) => ({ name, text: r.toString() })))`);
    return res.flatMap((r) => r.value);
  }

  /** The card's text in any frame, or null when no card is open. */
  async card(): Promise<string | null> {
    const res = await this.evalAll<string | null>('globalThis.__fashen ? globalThis.__fashen.card() : null');
    return res.map((r) => r.value).find((v) => v) ?? null;
  }

  /** The text flashing now (a finding the side panel revealed) in any frame, '' when none. */
  async flashing(): Promise<string> {
    const res = await this.evalAll<string>('globalThis.__fashen ? globalThis.__fashen.flashing() : ""');
    return res.map((r) => r.value).find((v) => v) ?? '';
  }

  /** Scroll a shown finding into view in whichever frame holds it. */
  async reveal(text: string): Promise<boolean> {
    const res = await this.evalAll<boolean>(`!!(globalThis.__fashen && globalThis.__fashen.reveal(${JSON.stringify(text)}))`);
    return res.some((r) => r.value);
  }

  /** Top-frame client coordinates of the first line of the shown finding whose text is `text`. */
  async pointOf(text: string): Promise<{ x: number; y: number } | null> {
    const res = await this.evalAll<{ x: number; y: number } | null>(`(() => {
      const p = globalThis.__fashen && globalThis.__fashen.pointOf(${JSON.stringify(text)});
      if (!p) return null;
      let { x, y } = p;
      for (let w = window; w !== w.top && w.frameElement; w = w.parent) {
        const f = w.frameElement.getBoundingClientRect();
        x += f.left + w.frameElement.clientLeft;
        y += f.top + w.frameElement.clientTop;
      }
      return { x, y };
    })()`);
    return res.map((r) => r.value).find((v) => v) ?? null;
  }

  /** Each painted range with the text of the block (paragraph) it sits in, read from the DOM. */
  async paintedInContext(): Promise<{ name: string; text: string; block: string }[]> {
    const res = await this.evalAll<{ name: string; text: string; block: string }[]>(`[...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('fashen-'))
      .flatMap(([name, h]) => [...h].map((r) => {
        const el = r.startContainer.nodeType === 1 ? r.startContainer : r.startContainer.parentElement;
        const block = el.closest('p,li,div,td,body');
        return { name, text: r.toString(), block: block ? block.textContent : '' };
      }))`);
    return res.flatMap((r) => r.value);
  }
}

/** A region as the probe reports it. */
export interface ProbeRegion {
  family: string;
  editor: string;
  checks: number;
  composing: boolean;
  findings: { ruleId: string; category: string; severity: string; cited: boolean; text: string; location: string; start: number; end: number }[];
  painted: { category: string; severity: string; text: string; start: number; end: number; dimmed: boolean }[];
  validity: string | null;
  commentPeriod: string | null;
}

export interface PaintedRange {
  name: string;
  text: string;
}

/** Open an OA page and wait for its editor (window.__ready set by oa.js). */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, undefined, { timeout: 20_000 });
}

/** The editor's own output (getContent/getHtml/getData/Delta/value). */
export function editorOutput(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __page: { output(): string } }).__page.output());
}

/** Mutations the page's own observer recorded on the editor since it was ready. */
export function pageMutations(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __mutations: string[] }).__mutations]);
}

/** Focus the editor and put the caret at the end of the draft, through the editor's own API. */
export async function caretToEnd(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __page: { end(): void } }).__page.end());
}

/** Write the site's view state exactly as the popup and the shortcut do. */
export async function setView(sw: Worker, site: string, view: { visible: boolean; hidden: string[] }): Promise<void> {
  await sw.evaluate(([key, value]) => chrome.storage.local.set({ [key as string]: value }), [`view:${site}`, view] as const);
}
