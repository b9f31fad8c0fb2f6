// Background wiring of the pack store (issue 4): open the database, install the built-in packs and
// keys, follow the administrator's managed keys, answer the options page, and make open pages
// re-check when the active rules change. entrypoints/background.ts only calls these.
import { browser } from 'wxt/browser';
import { RequestSchema } from '../messages/index';
import { builtinPacks } from '../packs/builtin';
import { PUBLISHER_KEYS } from '../packs/publisher-key';
import { PublicKeySchema, type PublicKey } from '../packs/sign';
import type { BuiltPack } from '../packs/schema';
import { CONTENT_JS, desiredPatterns } from '../sites/registration';
import { FashenDb } from './db';
import { activeChain, installBuiltins, syncManagedKeys } from './packs';
import { handlePackRequest, isExtensionPage, PACK_KINDS, type PackRequest, type PackSender } from './service';

/** The storage.managed key listing trusted publisher keys (public/managed-schema.json). */
export const MANAGED_KEYS = 'trustedPublisherKeys';

/** Keys from the administrator's policy; malformed entries are skipped (and logged). */
export async function managedKeys(): Promise<PublicKey[]> {
  try {
    const got = await browser.storage.managed.get(MANAGED_KEYS);
    const list = got[MANAGED_KEYS];
    if (!Array.isArray(list)) return [];
    const out: PublicKey[] = [];
    for (const item of list) {
      // a policy may carry the key file's JSON as text or as an object
      let value: unknown = item;
      if (typeof item === 'string') {
        try {
          value = JSON.parse(item);
        } catch {
          value = null;
        }
      }
      const r = PublicKeySchema.safeParse(value);
      if (r.success) out.push(r.data);
      else console.warn('[fashen] managed trustedPublisherKeys: entry ignored / 管理策略中的密钥无效', r.error.issues[0]);
    }
    return out;
  } catch {
    return []; // no policy (Firefox throws without a managed manifest)
  }
}

/** The pack store of the running background. */
export interface PackStoreService {
  db: FashenDb;
  /** resolves when built-ins and managed keys are in place */
  ready: Promise<void>;
  /** the chain content scripts check with */
  chain(): Promise<BuiltPack[]>;
  /** true when the message was a pack-store request and has been answered */
  handle(msg: unknown, sender: PackSender, reply: (r: unknown) => void): boolean;
}

/**
 * Restart fashen in every open tab it runs on, so each page checks with the new active rules
 * (the content script asks for packs when it starts). The same stop + inject the popup's
 * site switch uses (lib/sites/registration.ts).
 */
async function refreshTabs(): Promise<void> {
  const patterns = await desiredPatterns();
  if (!patterns.length) return;
  const tabs = await browser.tabs.query({ url: patterns });
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      try {
        await browser.tabs.sendMessage(tab.id, { kind: 'stop' });
      } catch {
        // nothing listening in that tab
      }
      try {
        await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [CONTENT_JS] });
      } catch {
        // a frame we may not inject into; the next page load picks the new rules up
      }
    }),
  );
}

export function startPackStore(): PackStoreService {
  const db = new FashenDb();
  const sync = async (): Promise<void> => syncManagedKeys(db, await managedKeys());
  const ready = installBuiltins(db, builtinPacks(), PUBLISHER_KEYS)
    .then(sync)
    .catch((err: unknown) => console.error('[fashen] pack store setup failed / 规则库初始化失败', err));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' && MANAGED_KEYS in changes) void ready.then(sync);
  });
  const origin = browser.runtime.getURL('/');
  let refreshing: Promise<void> = Promise.resolve();
  const changed = (): void => {
    refreshing = refreshing.then(refreshTabs).catch((err: unknown) => console.warn('[fashen] refresh failed', err));
  };
  return {
    db,
    ready,
    chain: async () => {
      await ready;
      return activeChain(db);
    },
    handle(msg, sender, reply) {
      const kind = (msg as { kind?: unknown } | null)?.kind;
      if (typeof kind !== 'string' || !PACK_KINDS.has(kind as PackRequest['kind'])) return false;
      if (!isExtensionPage(sender, browser.runtime.id, origin)) {
        reply({ kind: 'error', message: '只有扩展自身的页面可以修改规则包 / only the extension\'s own pages may change packs' });
        return true;
      }
      const parsed = RequestSchema.safeParse(msg);
      if (!parsed.success) {
        reply({ kind: 'error', message: `bad request: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message ?? ''}` });
        return true;
      }
      void ready
        .then(() => handlePackRequest(db, parsed.data as PackRequest, changed))
        .then(reply, (err: unknown) => reply({ kind: 'error', message: err instanceof Error ? err.message : String(err) }));
      return true;
    },
  };
}
