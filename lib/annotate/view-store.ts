import { browser } from 'wxt/browser';
import { watchStorage } from '../store/watch';
import { parseView, toggleVisible, viewKey, type ViewState } from './layers';

// The view state of each site lives in storage.local: the popup and the keyboard command write
// it, every content script of the site hears the change and repaints.

export async function readView(site: string): Promise<ViewState> {
  const got = await browser.storage.local.get(viewKey(site));
  return parseView(got[viewKey(site)]);
}

export async function writeView(site: string, view: ViewState): Promise<void> {
  await browser.storage.local.set({ [viewKey(site)]: view });
}

/** Flip the global switch of a site (toolbar popup, keyboard shortcut). */
export async function toggleSiteView(site: string): Promise<ViewState> {
  const next = toggleVisible(await readView(site));
  await writeView(site, next);
  return next;
}

export function watchView(site: string, onChange: (view: ViewState) => void, signal: AbortSignal): void {
  const key = viewKey(site);
  watchStorage('local', [key], (changes) => onChange(parseView(changes[key]!.newValue)), signal);
}
