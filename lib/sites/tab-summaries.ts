import { browser } from 'wxt/browser';
import type { DocSummary } from '../messages/index';

// Document-level results (validity, comment period) per tab, for the popup. Kept in
// storage.session: it outlives a sleeping service worker, is gone with the browser session, and
// content scripts cannot read it (trusted contexts only by default).

const key = (tabId: number): string => `summary:${tabId}`;
type PerFrame = Record<string, DocSummary[]>;

let queue: Promise<unknown> = Promise.resolve();

/** Store the summaries one frame of a tab reported (replacing that frame's previous ones). */
export function putFrameSummaries(tabId: number, frameId: number, summaries: DocSummary[]): Promise<void> {
  const run = async (): Promise<void> => {
    const got = await browser.storage.session.get(key(tabId));
    const frames: PerFrame = (got[key(tabId)] as PerFrame | undefined) ?? {};
    if (summaries.length) frames[String(frameId)] = summaries;
    else delete frames[String(frameId)];
    await browser.storage.session.set({ [key(tabId)]: frames });
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** All summaries of a tab, frames in id order. */
export async function tabSummaries(tabId: number): Promise<DocSummary[]> {
  const got = await browser.storage.session.get(key(tabId));
  const frames: PerFrame = (got[key(tabId)] as PerFrame | undefined) ?? {};
  return Object.keys(frames)
    .sort((a, b) => Number(a) - Number(b))
    .flatMap((k) => frames[k] ?? []);
}

/** Forget a tab (closed) or its frames (navigated). */
export function dropTab(tabId: number): Promise<void> {
  return browser.storage.session.remove(key(tabId));
}
