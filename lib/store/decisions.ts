// The decisions table (issue 5): a reviewer's decisions per document, read and written by the
// background only (DESIGN.md: one owner per store). Records are parsed again when read, so a
// malformed row (an older build, a hand-edited profile) is skipped, never fatal.
import { DecisionSchema, type Decision } from '../review/decisions';
import type { FashenDb } from './db';

export interface StoredDecision {
  id: string;
  decision: Decision;
  updatedAt: number;
}

/** Thrown for a decision id that belongs to another document. */
export class DecisionError extends Error {}

/** The stored decisions of one document, oldest first. */
export async function decisionsOf(db: FashenDb, docKey: string): Promise<StoredDecision[]> {
  const rows = await db.decisions.where('docKey').equals(docKey).toArray();
  const out: StoredDecision[] = [];
  for (const row of rows) {
    const r = DecisionSchema.safeParse(row.decision);
    if (r.success) out.push({ id: row.id, decision: r.data, updatedAt: row.updatedAt });
  }
  return out.sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1));
}

/**
 * Record a decision on a document, or change the stored one with `id`. An id of another
 * document is refused: a request names its tab, and a tab's page can only reach its own document.
 */
export async function putDecision(db: FashenDb, docKey: string, decision: Decision, id?: string, now = Date.now()): Promise<string> {
  const parsed = DecisionSchema.parse(decision);
  return db.transaction('rw', db.decisions, async () => {
    if (id !== undefined) {
      const old = await db.decisions.get(id);
      if (old && old.docKey !== docKey) {
        throw new DecisionError('该决定属于另一份文件 / the decision belongs to another document');
      }
    }
    const key = id ?? crypto.randomUUID();
    await db.decisions.put({ id: key, docKey, decision: parsed, updatedAt: now });
    return key;
  });
}

/** Withdraw a decision of a document (an id of another document changes nothing). */
export async function deleteDecision(db: FashenDb, docKey: string, id: string): Promise<void> {
  await db.transaction('rw', db.decisions, async () => {
    const old = await db.decisions.get(id);
    if (old && old.docKey === docKey) await db.decisions.delete(id);
  });
}
