import { browser } from 'wxt/browser';
import { ContentCommandSchema, request, type SiteStatus, type TabReview } from '../messages/index';
import { reportKey } from '../sites/tab-reports';
import { watchStorage } from '../store/watch';
import type { Decision } from './decisions';
import { MODE_KEY, PROFILE_KEY, parseMode, parseProfile, type ReviewMode, type ReviewProfile } from './panel-model';

// The side panel's calls (issue 5): review state from the background, reveal commands to the
// content script of a region's frame, and the panel's own settings in storage.local.

const send = (msg: unknown): Promise<unknown> => browser.runtime.sendMessage(msg);

/** Every region report of a tab, its document key and its stored decisions. */
export function tabReview(tabId: number): Promise<TabReview> {
  return request(send, { kind: 'tab-review', tabId });
}

/** Record a decision (or change the stored one `id`); the reply is the tab's state after it. */
export function putDecision(tabId: number, decision: Decision, id?: string): Promise<TabReview> {
  return request(send, { kind: 'decision-put', tabId, decision, ...(id ? { id } : {}) });
}

/** Withdraw a decision. */
export function deleteDecision(tabId: number, id: string): Promise<TabReview> {
  return request(send, { kind: 'decision-delete', tabId, id });
}

/** Whether fashen runs on the tab's site. */
export function siteStatus(origin: string): Promise<SiteStatus> {
  return request(send, { kind: 'site-status', origin });
}

/** Where a finding is: its tab, frame and region, and its rule and span. */
export interface RevealTarget {
  tabId: number;
  frameId: number;
  region: number;
  ruleId: string;
  start: number;
  end: number;
}

/** Scroll the editor to a finding and flash its highlight (sent to the region's frame only). */
export async function reveal(t: RevealTarget): Promise<void> {
  const cmd = ContentCommandSchema.parse({ kind: 'reveal', region: t.region, ruleId: t.ruleId, start: t.start, end: t.end });
  await browser.tabs.sendMessage(t.tabId, cmd, { frameId: t.frameId });
}

/** Call `onChange` whenever the background stores new reports for the tab. */
export function watchTabReports(tabId: number, onChange: () => void, signal: AbortSignal): void {
  watchStorage('session', [reportKey(tabId)], () => onChange(), signal);
}

export async function readMode(): Promise<ReviewMode> {
  return parseMode((await browser.storage.local.get(MODE_KEY))[MODE_KEY]);
}

export async function writeMode(mode: ReviewMode): Promise<void> {
  await browser.storage.local.set({ [MODE_KEY]: mode });
}

export async function readProfile(): Promise<ReviewProfile> {
  return parseProfile((await browser.storage.local.get(PROFILE_KEY))[PROFILE_KEY]);
}

export async function writeProfile(profile: ReviewProfile): Promise<void> {
  await browser.storage.local.set({ [PROFILE_KEY]: profile });
}

/** Follow changes of the mode and the profile made by another open panel. */
export function watchPrefs(on: { mode(m: ReviewMode): void; profile(p: ReviewProfile): void }, signal: AbortSignal): void {
  watchStorage(
    'local',
    [MODE_KEY, PROFILE_KEY],
    (changes) => {
      if (MODE_KEY in changes) on.mode(parseMode(changes[MODE_KEY]!.newValue));
      if (PROFILE_KEY in changes) on.profile(parseProfile(changes[PROFILE_KEY]!.newValue));
    },
    signal,
  );
}

/** The tab the panel follows, with the address and title the browser lets it see. */
export interface PanelTab {
  id: number;
  url: string | undefined;
  title: string | undefined;
}

function toPanelTab(t: { id?: number; url?: string; title?: string } | undefined): PanelTab | null {
  return t?.id === undefined ? null : { id: t.id, url: t.url, title: t.title };
}

/**
 * Follow a tab: the fixed one (`?tab=<id>`, used by "open in a tab" and the tests), else the
 * active tab of the panel's window, updated on activation and when a page finishes loading.
 */
export function followTab(fixed: number | null, onTab: (tab: PanelTab | null) => void, signal: AbortSignal): void {
  let current: number | null = fixed;
  let windowId: number | undefined;
  const emit = (t: PanelTab | null): void => {
    if (!signal.aborted) onTab(t);
  };
  const load = async (id: number): Promise<void> => {
    try {
      emit(toPanelTab(await browser.tabs.get(id)));
    } catch {
      emit(fixed === null ? null : { id, url: undefined, title: undefined });
    }
  };
  if (fixed !== null) {
    void load(fixed);
  } else {
    void (async () => {
      windowId = (await browser.windows.getCurrent().catch(() => undefined))?.id;
      const [t] = await browser.tabs.query(windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId });
      current = t?.id ?? null;
      emit(toPanelTab(t));
    })().catch(() => emit(null));
  }
  const onActivated = (info: { tabId: number; windowId: number }): void => {
    if (fixed !== null || (windowId !== undefined && info.windowId !== windowId)) return;
    current = info.tabId;
    void load(info.tabId);
  };
  const onUpdated = (tabId: number, change: { status?: string; url?: string; title?: string }): void => {
    if (tabId !== current) return;
    if (change.status === 'complete' || change.url !== undefined || change.title !== undefined) void load(tabId);
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  signal.addEventListener('abort', () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
  });
}
