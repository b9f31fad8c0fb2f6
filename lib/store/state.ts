// The shape of the pack store as extension pages see it (the options page). Plain zod, no Dexie:
// lib/messages imports it, and content scripts must not pull the database code in.
import { z } from 'zod';
import { ManifestSchema, RuleSchema } from '../packs/schema';

/** One installed version of a pack. */
export const PackVersionInfoSchema = z.object({
  version: z.string(),
  installedAt: z.number(),
  source: z.enum(['builtin', 'signed-file', 'trusted-file']),
  sha256: z.string(),
  keyId: z.string().nullable(),
  publisher: z.string().nullable(),
  fileName: z.string().nullable(),
  ruleCount: z.number().int().nonnegative(),
  validAsOf: z.string(),
});
export type PackVersionInfo = z.infer<typeof PackVersionInfoSchema>;

/** One pack with all its installed versions and the rules of its active version. */
export const PackInfoSchema = z.object({
  id: z.string(),
  builtin: z.boolean(),
  disabled: z.boolean(),
  active: z.string().nullable(),
  /** newest first */
  versions: z.array(PackVersionInfoSchema),
  manifest: ManifestSchema,
  rules: z.array(RuleSchema),
});
export type PackInfo = z.infer<typeof PackInfoSchema>;

export const KeyInfoSchema = z.object({
  keyId: z.string(),
  name: z.string(),
  source: z.enum(['builtin', 'managed', 'user']),
  addedAt: z.number(),
});
export type KeyInfo = z.infer<typeof KeyInfoSchema>;

/** Everything the options page shows. */
export const PacksStateSchema = z.object({
  packs: z.array(PackInfoSchema),
  /** the most specific pack of the active jurisdiction stack; its `extends` chain supplies the rest */
  stack: z.string(),
  /** the chain content scripts check with, base first */
  chain: z.array(z.object({ id: z.string(), version: z.string() })),
  /** `packId/ruleId` of rules the user switched off */
  disabledRules: z.array(z.string()),
  keys: z.array(KeyInfoSchema),
});
export type PacksState = z.infer<typeof PacksStateSchema>;

/** A refusal as it crosses the message boundary. */
export const PackErrorInfoSchema = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  path: z.string().optional(),
  details: z.array(z.string()),
});
export type PackErrorInfo = z.infer<typeof PackErrorInfoSchema>;

/** What an import did (the diff against the version that was active before). */
export const ImportSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  previous: z.string().nullable(),
  signed: z.boolean(),
  publisher: z.string().nullable(),
  keyId: z.string().nullable(),
  diff: z.object({
    from: z.string().nullable(),
    to: z.string(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.string()),
    manifest: z.array(z.string()),
  }),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;
