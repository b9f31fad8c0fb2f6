// The options page's side of the pack-store protocol: every call goes to the background, which
// owns the database (DESIGN.md: extension pages never open a second copy).
import { browser } from 'wxt/browser';
import { request, type Request } from '../messages/index';
import { MAX_PACK_BYTES } from '../packs/import';
import { toBase64 } from '../packs/sign';
import type { ImportSummary, PackErrorInfo, PacksState } from './state';

const send = (msg: unknown): Promise<unknown> => browser.runtime.sendMessage(msg);

/** The state after a request, its refusal if any, and an import's summary. */
export interface PackOpResult {
  state: PacksState;
  error: PackErrorInfo | null;
  summary: ImportSummary | null;
}

type OpKind = Exclude<Request['kind'], 'hello' | 'summary' | 'site-status' | 'site-enable' | 'site-disable' | 'tab-summary' | 'pack-export'>;

export async function packOp(msg: Extract<Request, { kind: OpKind }>): Promise<PackOpResult> {
  const r = (await request(send, msg)) as { state: PacksState; error: PackErrorInfo | null; summary: ImportSummary | null };
  return { state: r.state, error: r.error, summary: r.summary };
}

/** Read a chosen or dropped file and import it; an oversize file is refused before it is read. */
export async function importFile(file: File, trustFile: boolean): Promise<PackOpResult> {
  if (file.size > MAX_PACK_BYTES) {
    const mb = (file.size / 1048576).toFixed(1);
    const limit = MAX_PACK_BYTES / 1048576;
    const state = (await packOp({ kind: 'packs-state' })).state;
    return { state, summary: null, error: { code: 'too-large', zh: `文件过大（${mb} MB，上限 ${limit} MB）`, en: `file too large (${mb} MB, limit ${limit} MB)`, details: [] } };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return packOp({ kind: 'pack-import', fileName: file.name, data: toBase64(bytes), trustFile });
}

export async function exportFile(id: string, version: string): Promise<{ fileName: string; text: string }> {
  return request(send, { kind: 'pack-export', id, version });
}
