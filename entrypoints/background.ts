import { toggleSiteView } from '@/lib/annotate/view-store';
import { RequestSchema } from '@/lib/messages/index';
import { handleReviewRequest, REVIEW_KINDS, type ReviewDeps, type ReviewRequest } from '@/lib/review/service';
import { originOf } from '@/lib/sites/origins';
import { syncRegistration } from '@/lib/sites/registration';
import { handleRequest } from '@/lib/sites/service';
import { dropTab, tabReports } from '@/lib/sites/tab-reports';
import { startPackStore } from '@/lib/store/background';
import { isExtensionPage } from '@/lib/store/service';

// The background owns the packs and the review decisions (Dexie, lib/store) and the site registrations.
export default defineBackground(() => {
  // the one Dexie database: built-ins installed on first run and upgrade, options page requests
  const packs = startPackStore();
  const extensionOrigin = browser.runtime.getURL('/');
  const review: ReviewDeps = {
    db: packs.db,
    tab: async (tabId) => {
      try {
        const t = await browser.tabs.get(tabId);
        // without host permission for the tab's site, Chrome leaves url and title out
        return { url: t.url ?? '', title: t.title ?? '' };
      } catch {
        return null;
      }
    },
    reports: tabReports,
    notify: async (tabId) => {
      await browser.tabs.sendMessage(tabId, { kind: 'decisions-changed' });
    },
  };
  const fail = (err: unknown) => ({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  browser.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (packs.handle(msg, sender, sendResponse)) return true;
    const kind = (msg as { kind?: unknown } | null)?.kind;
    if (typeof kind === 'string' && REVIEW_KINDS.has(kind as ReviewRequest['kind'])) {
      const parsed = RequestSchema.safeParse(msg);
      if (!parsed.success) {
        sendResponse({ kind: 'error', message: `bad request: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message ?? ''}` });
        return true;
      }
      const from = { extensionPage: isExtensionPage(sender, browser.runtime.id, extensionOrigin), tab: sender.tab };
      void packs.ready
        .then(() => handleReviewRequest(review, parsed.data as ReviewRequest, from))
        .then(sendResponse, (err: unknown) => sendResponse(fail(err)));
      return true;
    }
    handleRequest(msg, sender, packs.chain).then(sendResponse, (err: unknown) => sendResponse(fail(err)));
    return true;
  });
  browser.commands.onCommand.addListener((command, tab) => {
    const site = originOf(tab?.url);
    if (command === 'toggle-annotations' && site) void toggleSiteView(site);
  });
  browser.permissions.onRemoved.addListener(() => void syncRegistration());
  browser.tabs.onRemoved.addListener((tabId) => void dropTab(tabId));
  // a new page in the tab: what its frames reported belongs to the old one
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url !== undefined) void dropTab(tabId);
  });
  browser.runtime.onInstalled.addListener(() => void syncRegistration());
  browser.runtime.onStartup.addListener(() => void syncRegistration());
  void syncRegistration();
});
