import { browser } from 'wxt/browser';
import { DocSummarySchema, type DocSummary, type FrameReport, type RegionReport } from '../messages/index';

// What the content scripts of each tab last reported, per frame: document results for the popup,
// findings with their anchors and decisions for the side panel (issue 5). Kept in
// storage.session: it outlives a sleeping service worker, is gone with the browser session, stays
// on this machine, and content scripts cannot read it (trusted contexts only by default).
// Extension pages watch the key `report:<tabId>` to follow a tab live.

export const reportKey = (tabId: number): string => `report:${tabId}`;
type PerFrame = Record<string, RegionReport[]>;

let queue: Promise<unknown> = Promise.resolve();

/** Store the reports one frame of a tab sent (replacing that frame's previous ones). */
export function putFrameReports(tabId: number, frameId: number, regions: RegionReport[]): Promise<void> {
  const run = async (): Promise<void> => {
    const key = reportKey(tabId);
    const got = await browser.storage.session.get(key);
    const frames: PerFrame = (got[key] as PerFrame | undefined) ?? {};
    if (regions.length) frames[String(frameId)] = regions;
    else delete frames[String(frameId)];
    await browser.storage.session.set({ [key]: frames });
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** All region reports of a tab, frames in id order, each with its frame id. */
export async function tabReports(tabId: number): Promise<FrameReport[]> {
  const key = reportKey(tabId);
  const got = await browser.storage.session.get(key);
  const frames: PerFrame = (got[key] as PerFrame | undefined) ?? {};
  return Object.keys(frames)
    .sort((a, b) => Number(a) - Number(b))
    .flatMap((k) => (frames[k] ?? []).map((r) => ({ ...r, frameId: Number(k) })));
}

/**
 * Document results of a tab (the popup's summary): each report read through the summary's
 * schema, which drops the findings (and skips a report that is not one).
 */
export async function tabSummaries(tabId: number): Promise<DocSummary[]> {
  return (await tabReports(tabId)).flatMap((r) => {
    const summary = DocSummarySchema.safeParse(r);
    return summary.success ? [summary.data] : [];
  });
}

/** Forget a tab (closed). */
export function dropTab(tabId: number): Promise<void> {
  return browser.storage.session.remove(reportKey(tabId));
}
