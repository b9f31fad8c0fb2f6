import { browser } from 'wxt/browser';
import type { SiteStatus } from '../messages/index';
import { patternCovers, patternFor } from './origins';

// Which sites fashen runs on (issue 3): none at install. A user enables a site from the popup
// (optional host permission for that origin, then the content script is registered for it); an
// administrator lists sites in the managed policy (managed_schema.json); a test build lists match
// patterns in FASHEN_TEST_HOSTS, granted as host_permissions at install.

/** Id of the one dynamically registered content script. */
export const SCRIPT_ID = 'fashen-content';
/** The content script file WXT emits for entrypoints/content.ts. */
export const CONTENT_JS = '/content-scripts/content.js';

const ENABLED_KEY = 'sites:enabled';

declare const __FASHEN_TEST_HOSTS__: string[] | undefined;

/** Match patterns pre-enabled at build time (tests only; empty in a normal build). */
export function presetPatterns(): string[] {
  return typeof __FASHEN_TEST_HOSTS__ === 'undefined' ? [] : __FASHEN_TEST_HOSTS__;
}

/** Sites the administrator pre-configured (storage.managed `enabledSites`), as match patterns. */
export async function managedPatterns(): Promise<string[]> {
  try {
    const { enabledSites } = await browser.storage.managed.get('enabledSites');
    if (!Array.isArray(enabledSites)) return [];
    return enabledSites.filter((s): s is string => typeof s === 'string').map((s) => (s.includes('/*') ? s : patternFor(s)));
  } catch {
    // no policy installed (Firefox throws when no managed manifest exists)
    return [];
  }
}

async function enabledOrigins(): Promise<string[]> {
  const got = await browser.storage.local.get(ENABLED_KEY);
  const list = got[ENABLED_KEY];
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
}

async function granted(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/** Every pattern the content script should run on now: enabled or managed, and granted. */
export async function desiredPatterns(): Promise<string[]> {
  const wanted = new Set<string>(presetPatterns());
  for (const origin of await enabledOrigins()) wanted.add(patternFor(origin));
  for (const p of await managedPatterns()) wanted.add(p);
  const out: string[] = [];
  for (const p of wanted) if (await granted(p)) out.push(p);
  return out.sort();
}

let syncing: Promise<string[]> = Promise.resolve([]);

/** Make the registered content script match desiredPatterns(); serialized, idempotent. */
export function syncRegistration(): Promise<string[]> {
  syncing = syncing.catch(() => []).then(doSync);
  return syncing;
}

async function doSync(): Promise<string[]> {
  const matches = await desiredPatterns();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) return matches;
  const script = {
    id: SCRIPT_ID,
    js: [CONTENT_JS],
    matches,
    allFrames: true,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  try {
    // about:blank, srcdoc and javascript: frames (UEditor, KindEditor, TinyMCE) are matched by
    // their creator's origin only with matchOriginAsFallback (the dynamic matchAboutBlank).
    await browser.scripting.registerContentScripts([{ ...script, matchOriginAsFallback: true }]);
  } catch {
    await browser.scripting.registerContentScripts([script]);
  }
  return matches;
}

/** The status of one origin, for the popup. */
export async function siteStatus(origin: string): Promise<SiteStatus> {
  const pattern = patternFor(origin);
  const preset = presetPatterns().some((p) => patternCovers(p, origin));
  const managed = (await managedPatterns()).some((p) => patternCovers(p, origin));
  const isGranted = await granted(pattern);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  const enabled = registered.some((s) => (s.matches ?? []).some((p) => patternCovers(p, origin)));
  return { kind: 'site-status', origin, pattern, enabled, granted: isGranted, managed, preset };
}

/** Enable an origin whose permission the popup just obtained; start on the tab at once. */
export async function enableSite(origin: string, tabId?: number): Promise<SiteStatus> {
  const list = await enabledOrigins();
  if (!list.includes(origin)) await browser.storage.local.set({ [ENABLED_KEY]: [...list, origin] });
  await syncRegistration();
  if (tabId !== undefined && (await granted(patternFor(origin)))) {
    try {
      await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_JS] });
    } catch (err) {
      // a frame that is not ours (another origin) refuses injection; the next load registers
      console.warn('[fashen] inject into the open tab failed; reload the page / 请刷新页面', err);
    }
  }
  return siteStatus(origin);
}

/** Disable an origin: unregister, stop the tab's scripts, give the host permission back. */
export async function disableSite(origin: string, tabId?: number): Promise<SiteStatus> {
  const list = await enabledOrigins();
  await browser.storage.local.set({ [ENABLED_KEY]: list.filter((o) => o !== origin) });
  const pattern = patternFor(origin);
  const keep = presetPatterns().some((p) => patternCovers(p, origin)) || (await managedPatterns()).some((p) => patternCovers(p, origin));
  if (!keep) {
    try {
      await browser.permissions.remove({ origins: [pattern] });
    } catch {
      // a required (preset) permission cannot be removed; registration below still drops it
    }
  }
  await syncRegistration();
  if (tabId !== undefined && !keep) {
    try {
      await browser.tabs.sendMessage(tabId, { kind: 'stop' });
    } catch {
      // no content script listening in that tab
    }
  }
  return siteStatus(origin);
}
