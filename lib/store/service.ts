// The background's side of the pack-store messages (issue 4). Only extension pages may change
// packs, keys or switches: a content script runs in pages that are not ours, and a page's own
// scripts must never reach the store. Every request is zod-parsed (lib/messages) before it gets here.
import type { Request } from '../messages/index';
import { importPack } from '../packs/import';
import { PublicKeySchema } from '../packs/sign';
import type { FashenDb } from './db';
import { PackError } from './pack-error';
import {
  activateVersion,
  addUserKey,
  exportPack,
  packsState,
  removeImported,
  removeUserKey,
  setPackDisabled,
  setRuleEnabled,
  setStack,
} from './packs';
import type { ImportSummary, PackErrorInfo } from './state';
import { fromBase64 } from '../packs/sign';

/** Request kinds this module answers. */
export const PACK_KINDS = new Set<Request['kind']>([
  'packs-state',
  'pack-import',
  'pack-activate',
  'pack-remove',
  'pack-disable',
  'stack-set',
  'rule-enable',
  'key-add',
  'key-remove',
  'pack-export',
]);
export type PackRequest = Extract<Request, { kind: 'packs-state' | 'pack-import' | 'pack-activate' | 'pack-remove' | 'pack-disable' | 'stack-set' | 'rule-enable' | 'key-add' | 'key-remove' | 'pack-export' }>;

/** Who sent a message (runtime.MessageSender, the parts checked here). */
export interface PackSender {
  id?: string;
  url?: string;
  origin?: string;
}

/**
 * True only for this extension's own pages (options, popup): the sender is this extension and its
 * URL is in the extension's origin. A content script's sender URL is the page it runs in.
 */
export function isExtensionPage(sender: PackSender, runtimeId: string, extensionOrigin: string): boolean {
  if (sender.id !== runtimeId || !sender.url) return false;
  // a string prefix, not URL.origin: non-special schemes have an opaque ("null") origin in some URL parsers
  const base = extensionOrigin.replace(/\/$/, '');
  return sender.url.startsWith(`${base}/`) && (sender.origin === undefined || sender.origin === base);
}

function errorInfo(e: unknown): PackErrorInfo {
  if (e instanceof PackError) return e.toJSON();
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal', zh: `内部错误：${message}`, en: `internal error: ${message}`, details: [] };
}

/**
 * Answer one pack-store request. `changed` runs after every change that took effect, so the
 * caller can make open pages re-check with the new rules.
 */
export async function handlePackRequest(db: FashenDb, msg: PackRequest, changed: () => void): Promise<unknown> {
  if (msg.kind === 'pack-export') {
    try {
      return { kind: 'pack-export', ...(await exportPack(db, msg.id, msg.version)) };
    } catch (e) {
      const info = errorInfo(e);
      return { kind: 'error', message: `${info.zh} / ${info.en}` };
    }
  }
  let error: PackErrorInfo | null = null;
  let summary: ImportSummary | null = null;
  try {
    switch (msg.kind) {
      case 'packs-state':
        break;
      case 'pack-import': {
        let bytes: Uint8Array;
        try {
          bytes = fromBase64(msg.data);
        } catch {
          throw new PackError('transfer', '文件传输失败（base64 无效）', 'file transfer failed (invalid base64)');
        }
        summary = await importPack(db, bytes, { trustFile: msg.trustFile, fileName: msg.fileName });
        break;
      }
      case 'pack-activate':
        await activateVersion(db, msg.id, msg.version);
        break;
      case 'pack-remove':
        await removeImported(db, msg.id);
        break;
      case 'pack-disable':
        await setPackDisabled(db, msg.id, msg.disabled);
        break;
      case 'stack-set':
        await setStack(db, msg.top);
        break;
      case 'rule-enable':
        await setRuleEnabled(db, msg.packId, msg.ruleId, msg.enabled);
        break;
      case 'key-add': {
        let json: unknown;
        try {
          json = JSON.parse(msg.text);
        } catch {
          throw new PackError('json', '公钥文件不是有效的 JSON', 'the key file is not valid JSON');
        }
        const key = PublicKeySchema.safeParse(json);
        if (!key.success) {
          const i = key.error.issues[0];
          throw new PackError('schema', '不是 fashen 发布者公钥文件（publisher.pub.json）', 'not a fashen publisher key file (publisher.pub.json)', i?.path.join('.') || '(根/root)');
        }
        await addUserKey(db, key.data);
        break;
      }
      case 'key-remove':
        await removeUserKey(db, msg.keyId);
        break;
    }
    if (msg.kind !== 'packs-state' && msg.kind !== 'key-add' && msg.kind !== 'key-remove') changed();
  } catch (e) {
    error = errorInfo(e);
  }
  return { kind: 'pack-op', state: await packsState(db), error, summary };
}
