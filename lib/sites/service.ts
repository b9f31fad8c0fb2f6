import { RequestSchema, type Request } from '../messages/index';
import type { BuiltPack } from '../packs/schema';
import { originOf } from './origins';
import { disableSite, enableSite, siteStatus } from './registration';
import { putFrameReports, tabSummaries } from './tab-reports';

/** Who sent a message (runtime.MessageSender, the parts used here). */
export interface Sender {
  tab?: { id?: number; url?: string };
  frameId?: number;
  url?: string;
}

/**
 * The background's answer to every request of the protocol. `packs` supplies the chain content
 * scripts check with: the built-in national pack now, the pack store of issue 4 later.
 */
export async function handleRequest(raw: unknown, sender: Sender, packs: () => BuiltPack[] | Promise<BuiltPack[]>): Promise<unknown> {
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'error', message: `bad request: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  const msg: Request = parsed.data;
  switch (msg.kind) {
    case 'hello': {
      const site = originOf(sender.tab?.url) ?? originOf(sender.url) ?? 'unknown';
      return { kind: 'packs', site, packs: await packs() };
    }
    case 'report': {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) await putFrameReports(tabId, sender.frameId ?? 0, msg.regions);
      return { kind: 'ok' };
    }
    case 'site-status':
      return siteStatus(msg.origin);
    case 'site-enable':
      return enableSite(msg.origin, msg.tabId);
    case 'site-disable':
      return disableSite(msg.origin, msg.tabId);
    case 'tab-summary':
      return { kind: 'tab-summary', summaries: await tabSummaries(msg.tabId) };
  }
}
