import { toggleSiteView } from '@/lib/annotate/view-store';
import { originOf } from '@/lib/sites/origins';
import { syncRegistration } from '@/lib/sites/registration';
import { handleRequest } from '@/lib/sites/service';
import { dropTab } from '@/lib/sites/tab-summaries';
import { startPackStore } from '@/lib/store/background';

// The background owns the packs (Dexie, lib/store) and the site registrations.
export default defineBackground(() => {
  // the one Dexie database: built-ins installed on first run and upgrade, options page requests
  const packs = startPackStore();
  browser.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (packs.handle(msg, sender, sendResponse)) return true;
    handleRequest(msg, sender, packs.chain).then(sendResponse, (err: unknown) =>
      sendResponse({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return true;
  });
  browser.commands.onCommand.addListener((command, tab) => {
    const site = originOf(tab?.url);
    if (command === 'toggle-annotations' && site) void toggleSiteView(site);
  });
  browser.permissions.onRemoved.addListener(() => void syncRegistration());
  browser.tabs.onRemoved.addListener((tabId) => void dropTab(tabId));
  browser.runtime.onInstalled.addListener(() => void syncRegistration());
  browser.runtime.onStartup.addListener(() => void syncRegistration());
  void syncRegistration();
});
