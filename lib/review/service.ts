// The background's side of the review protocol (issue 5). Content scripts may read the decisions
// of the document of their own tab, nothing else; extension pages (the side panel) read a tab's
// review and record or withdraw decisions. Requests are zod-parsed (lib/messages) before they get
// here; the document key is always computed here from the tab, never taken from a message.
import type { FrameReport, Request } from '../messages/index';
import type { FashenDb } from '../store/db';
import { decisionsOf, deleteDecision, putDecision } from '../store/decisions';
import { documentKey } from './identity';

export const REVIEW_KINDS = new Set<Request['kind']>(['page-decisions', 'tab-review', 'decision-put', 'decision-delete']);
export type ReviewRequest = Extract<Request, { kind: 'page-decisions' | 'tab-review' | 'decision-put' | 'decision-delete' }>;

export interface ReviewDeps {
  db: FashenDb;
  /** url and title of a tab (url '' when fashen may not read it: not enabled there); null when it is gone */
  tab(tabId: number): Promise<{ url: string; title: string } | null>;
  /** what the tab's content scripts last reported */
  reports(tabId: number): Promise<FrameReport[]>;
  /** tell the tab's content scripts that its decisions changed */
  notify(tabId: number): Promise<void>;
}

/** Who sent the request. */
export interface ReviewSender {
  /** the sender is one of this extension's own pages */
  extensionPage: boolean;
  /** the tab a content script runs in */
  tab?: { id?: number; url?: string; title?: string };
}

const refuse = (zh: string, en: string) => ({ kind: 'error', message: `${zh} / ${en}` });

export function docKeyOf(tab: { url: string; title: string }): string {
  return documentKey({ url: tab.url, title: tab.title || null });
}

const NO_ACCESS = ['无法读取此标签页：不是网页，或法审未在此网站启用', 'cannot read this tab: not a web page, or fashen is not enabled on this site'] as const;

async function tabReview(deps: ReviewDeps, tabId: number): Promise<unknown> {
  const tab = await deps.tab(tabId);
  if (!tab) return refuse('标签页已关闭', 'the tab is gone');
  if (!tab.url) return refuse(...NO_ACCESS);
  const docKey = docKeyOf(tab);
  const [regions, decisions] = await Promise.all([deps.reports(tabId), decisionsOf(deps.db, docKey)]);
  return { kind: 'tab-review', tabId, url: tab.url, title: tab.title, docKey, regions, decisions };
}

export async function handleReviewRequest(deps: ReviewDeps, msg: ReviewRequest, sender: ReviewSender): Promise<unknown> {
  if (msg.kind === 'page-decisions') {
    const url = sender.tab?.url;
    if (!url) return refuse('只有页面中的标注脚本可以读取本页的决定', "only a page's annotator reads that page's decisions");
    const docKey = docKeyOf({ url, title: sender.tab?.title ?? '' });
    return { kind: 'decisions', docKey, decisions: await decisionsOf(deps.db, docKey) };
  }
  if (!sender.extensionPage) return refuse('只有扩展自身的页面可以查看或修改审核决定', "only the extension's own pages may read or change review decisions");
  switch (msg.kind) {
    case 'tab-review':
      return tabReview(deps, msg.tabId);
    case 'decision-put':
    case 'decision-delete': {
      const tab = await deps.tab(msg.tabId);
      if (!tab) return refuse('标签页已关闭', 'the tab is gone');
      if (!tab.url) return refuse(...NO_ACCESS);
      const docKey = docKeyOf(tab);
      let savedId: string | undefined;
      try {
        if (msg.kind === 'decision-put') savedId = await putDecision(deps.db, docKey, msg.decision, msg.id);
        else await deleteDecision(deps.db, docKey, msg.id);
      } catch (e) {
        return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
      }
      await deps.notify(msg.tabId).catch(() => undefined);
      const review = await tabReview(deps, msg.tabId);
      return savedId === undefined ? review : { ...(review as object), savedId };
    }
  }
}
