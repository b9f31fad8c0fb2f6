// The one Dexie database of fashen (issue 4, DESIGN.md "one owner per store"). It lives in the
// extension's own origin and is opened by the background only; extension pages reach it through
// messages, content scripts never (their IndexedDB would be the page's).
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { BuiltPack } from '../packs/schema';
import type { PublicJwk, Signature } from '../packs/sign';

/** Where an installed pack version came from. */
export type PackSource = 'builtin' | 'signed-file' | 'trusted-file';

/** One installed version of one pack. Every version ever installed is kept for rollback. */
export interface PackRecord {
  id: string;
  version: string;
  /** the validated pack (zod defaults applied) the engine runs */
  pack: BuiltPack;
  /** canonical JSON of the pack exactly as signed; sha256 is over its UTF-8 bytes */
  canonical: string;
  sha256: string;
  signature: Signature | null;
  /** id and name of the trusted key that signed it (null for built-ins and trusted files) */
  keyId: string | null;
  publisher: string | null;
  installedAt: number;
  source: PackSource;
  fileName: string | null;
}

/** The version of a pack that is in use. */
export interface ActiveRecord {
  id: string;
  version: string;
}

/** Where a trusted key came from: shipped in the extension, the administrator's policy, or the user. */
export type KeySource = 'builtin' | 'managed' | 'user';

/** A trusted publisher key. */
export interface KeyRecord {
  keyId: string;
  name: string;
  jwk: PublicJwk;
  source: KeySource;
  addedAt: number;
}

/**
 * A reviewer's decision on a finding of one document (issue 5). `docKey` is the document's
 * identity (lib/review/identity.ts); the decision carries its quote anchor, so it finds its
 * finding again after edits, reloads and moved paragraphs.
 */
export interface DecisionRecord {
  id: string;
  docKey: string;
  /** a Decision (lib/review/decisions.ts), parsed again when read */
  decision: unknown;
  updatedAt: number;
}

/** Settings, one row per key (see lib/store/packs.ts for the keys and their shapes). */
export interface SettingRecord {
  key: string;
  value: unknown;
}

export const DB_NAME = 'fashen';

/** The database class; tables are typed, the schema is declared once. */
export class FashenDb extends Dexie {
  packs!: Table<PackRecord, [string, string]>;
  active!: Table<ActiveRecord, string>;
  keys!: Table<KeyRecord, string>;
  settings!: Table<SettingRecord, string>;
  decisions!: Table<DecisionRecord, string>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      packs: '[id+version], id',
      active: 'id',
      keys: 'keyId',
      settings: 'key',
    });
    // issue 5: review decisions per document
    this.version(2).stores({ decisions: 'id, docKey' });
  }
}

/** Every table of the database, in a stable order (dumps, tests). */
export const TABLES = ['packs', 'active', 'keys', 'settings', 'decisions'] as const;
