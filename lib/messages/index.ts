import { z } from 'zod';
import { CATEGORIES } from '../engine/types';
import { BuiltPackSchema } from '../packs/schema';
import { DecisionSchema, QuoteAnchorSchema } from '../review/decisions';
import { ImportSummarySchema, PackErrorInfoSchema, PacksStateSchema } from '../store/state';

// The one protocol between extension contexts (STYLE.md, after Harper's protocol.ts): every
// message is a member of a discriminated union on `kind`, parsed with zod wherever it arrives.

const Origin = z.string().regex(/^(https?|file):\/\/[^/]*$/, 'an origin such as https://oa.example.gov.cn');

/** Document-level results of one editing region, shown in the popup. */
export const DocSummarySchema = z.object({
  family: z.string(),
  editor: z.string(),
  title: z.string().nullable(),
  documentType: z.string(),
  validity: z.object({ status: z.enum(['ok', 'missing', 'too_long']), years: z.number().nullable(), limitYears: z.number() }),
  commentPeriod: z.object({ status: z.enum(['ok', 'too_short', 'missing']), days: z.number().nullable(), minDays: z.number() }),
  counts: z.partialRecord(z.enum(CATEGORIES), z.number().int().nonnegative()),
  errors: z.number().int().nonnegative(),
});
export type DocSummary = z.infer<typeof DocSummarySchema>;

const LocalizedSchema = z.object({ 'zh-CN': z.string().max(4_000), en: z.string().max(4_000) });

/**
 * A finding as it travels from a content script to the side panel (issue 5): the engine's shape
 * (DESIGN.md: findings are one shape everywhere) plus its quote anchor and the stored decision it
 * is paired with in the current text.
 */
export const WireFindingSchema = z.object({
  ruleId: z.string().max(200),
  category: z.enum(CATEGORIES),
  severity: z.enum(['error', 'warning', 'info']),
  cited: z.boolean(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string().max(10_000),
  location: z.string().max(200),
  message: LocalizedSchema,
  basis: z.array(z.string().max(1_000)).max(50),
  suggestion: LocalizedSchema.optional(),
  /** the finding's quote in the current text (lib/review/anchor.ts) */
  anchor: QuoteAnchorSchema,
  /** id of the stored decision paired with this finding, null when undecided */
  decisionId: z.string().max(64).nullable(),
});
export type WireFinding = z.infer<typeof WireFindingSchema>;

/** Most findings one region reports; a draft with more is far beyond review by hand anyway. */
export const MAX_REGION_FINDINGS = 2_000;

/** Everything one editing region reports: its document results and its findings. */
export const RegionReportSchema = DocSummarySchema.extend({
  /** index of the region within its frame (stable while the page lives) */
  region: z.number().int().nonnegative(),
  /** characters of the region's text */
  length: z.number().int().nonnegative(),
  packs: z.array(z.object({ id: z.string().max(64), version: z.string().max(64) })).max(20),
  findings: z.array(WireFindingSchema).max(MAX_REGION_FINDINGS),
  /** findings beyond MAX_REGION_FINDINGS that were not sent */
  truncated: z.number().int().nonnegative(),
});
export type RegionReport = z.infer<typeof RegionReportSchema>;

/** A region report with the frame it came from (side panel commands are sent to that frame). */
export const FrameReportSchema = RegionReportSchema.extend({ frameId: z.number().int().nonnegative() });
export type FrameReport = z.infer<typeof FrameReportSchema>;

/** A stored decision and its id. */
export const StoredDecisionSchema = z.object({ id: z.string().min(1).max(64), decision: DecisionSchema, updatedAt: z.number() });
export type StoredDecision = z.infer<typeof StoredDecisionSchema>;

/** Whether fashen runs on a site, and why. */
export const SiteStatusSchema = z.object({
  kind: z.literal('site-status'),
  origin: Origin,
  /** the match pattern registered for the origin */
  pattern: z.string(),
  /** content script registered for the origin */
  enabled: z.boolean(),
  /** host permission granted for the origin */
  granted: z.boolean(),
  /** listed by the administrator's managed policy */
  managed: z.boolean(),
  /** pre-enabled by the test build (FASHEN_TEST_HOSTS) */
  preset: z.boolean(),
});
export type SiteStatus = z.infer<typeof SiteStatusSchema>;

/** Every request a context can send to the background. */
export const RequestSchema = z.discriminatedUnion('kind', [
  /** content script: which packs, which site */
  z.object({ kind: z.literal('hello') }),
  /** content script: the reports (document results and findings) of this frame's regions */
  z.object({ kind: z.literal('report'), regions: z.array(RegionReportSchema).max(50) }),
  /** content script: the stored decisions of the document of its tab */
  z.object({ kind: z.literal('page-decisions') }),
  /** popup: is fashen on for this origin */
  z.object({ kind: z.literal('site-status'), origin: Origin }),
  /** popup, after the user granted the host permission: register and start on the tab */
  z.object({ kind: z.literal('site-enable'), origin: Origin, tabId: z.number().int().optional() }),
  /** popup: unregister, stop on the tab, give the permission back */
  z.object({ kind: z.literal('site-disable'), origin: Origin, tabId: z.number().int().optional() }),
  /** popup: document-level results of the tab's editors */
  z.object({ kind: z.literal('tab-summary'), tabId: z.number().int() }),
  // Review (issue 5). Accepted from extension pages only.
  /** side panel: every region report of a tab, its document key and its stored decisions */
  z.object({ kind: z.literal('tab-review'), tabId: z.number().int() }),
  /** side panel: record (or, with the id of a stored one, change) a decision on a finding of the tab's document */
  z.object({ kind: z.literal('decision-put'), tabId: z.number().int(), id: z.string().min(1).max(64).optional(), decision: DecisionSchema }),
  /** side panel: withdraw a decision */
  z.object({ kind: z.literal('decision-delete'), tabId: z.number().int(), id: z.string().min(1).max(64) }),
  // Pack store (issue 4). Accepted from extension pages only (lib/store/service.ts checks the sender).
  /** options page: everything about installed packs, keys and switches */
  z.object({ kind: z.literal('packs-state') }),
  /** options page: import a pack file (base64 of its bytes; the pipeline checks size first) */
  z.object({ kind: z.literal('pack-import'), fileName: z.string().max(255), data: z.string().max(12_000_000), trustFile: z.boolean() }),
  /** options page: make an installed version active (rollback or forward) */
  z.object({ kind: z.literal('pack-activate'), id: z.string().max(64), version: z.string().max(64) }),
  /** options page: remove a pack's imported versions */
  z.object({ kind: z.literal('pack-remove'), id: z.string().max(64) }),
  /** options page: disable or re-enable a whole pack */
  z.object({ kind: z.literal('pack-disable'), id: z.string().max(64), disabled: z.boolean() }),
  /** options page: the jurisdiction stack (its most specific pack) */
  z.object({ kind: z.literal('stack-set'), top: z.string().max(64) }),
  /** options page: switch one rule of one pack */
  z.object({ kind: z.literal('rule-enable'), packId: z.string().max(64), ruleId: z.string().max(64), enabled: z.boolean() }),
  /** options page: trust a publisher key file (its JSON text) */
  z.object({ kind: z.literal('key-add'), text: z.string().max(10_000) }),
  /** options page: stop trusting a key the user added */
  z.object({ kind: z.literal('key-remove'), keyId: z.string().max(64) }),
  /** options page: the file of one installed version */
  z.object({ kind: z.literal('pack-export'), id: z.string().max(64), version: z.string().max(64) }),
]);
export type Request = z.infer<typeof RequestSchema>;

export const PacksReplySchema = z.object({ kind: z.literal('packs'), site: z.string(), packs: z.array(BuiltPackSchema).min(1) });
export const OkReplySchema = z.object({ kind: z.literal('ok') });
export const TabSummaryReplySchema = z.object({ kind: z.literal('tab-summary'), summaries: z.array(DocSummarySchema) });
export const DecisionsReplySchema = z.object({ kind: z.literal('decisions'), docKey: z.string(), decisions: z.array(StoredDecisionSchema) });
/** Reply to tab-review, decision-put and decision-delete: the tab's review state after the request. */
export const TabReviewReplySchema = z.object({
  kind: z.literal('tab-review'),
  tabId: z.number().int(),
  /** the tab's page: its address and title (what the document key is built from) */
  url: z.string(),
  title: z.string(),
  docKey: z.string(),
  regions: z.array(FrameReportSchema),
  decisions: z.array(StoredDecisionSchema),
  /** decision-put only: the id the decision is stored under */
  savedId: z.string().min(1).max(64).optional(),
});
export type TabReview = z.infer<typeof TabReviewReplySchema>;
export const ErrorReplySchema = z.object({ kind: z.literal('error'), message: z.string() });
/** Reply to every pack-store request: the state after it, and the refusal if there was one. */
export const PackOpReplySchema = z.object({
  kind: z.literal('pack-op'),
  state: PacksStateSchema,
  error: PackErrorInfoSchema.nullable(),
  /** pack-import only: what the import changed */
  summary: ImportSummarySchema.nullable(),
});
export const PackExportReplySchema = z.object({ kind: z.literal('pack-export'), fileName: z.string(), text: z.string() });

/** The reply schema of each request kind. */
export const REPLIES = {
  hello: PacksReplySchema,
  report: OkReplySchema,
  'page-decisions': DecisionsReplySchema,
  'site-status': SiteStatusSchema,
  'site-enable': SiteStatusSchema,
  'site-disable': SiteStatusSchema,
  'tab-summary': TabSummaryReplySchema,
  'tab-review': TabReviewReplySchema,
  'decision-put': TabReviewReplySchema,
  'decision-delete': TabReviewReplySchema,
  'packs-state': PackOpReplySchema,
  'pack-import': PackOpReplySchema,
  'pack-activate': PackOpReplySchema,
  'pack-remove': PackOpReplySchema,
  'pack-disable': PackOpReplySchema,
  'stack-set': PackOpReplySchema,
  'rule-enable': PackOpReplySchema,
  'key-add': PackOpReplySchema,
  'key-remove': PackOpReplySchema,
  'pack-export': PackExportReplySchema,
} as const;
export type ReplyOf<K extends Request['kind']> = z.infer<(typeof REPLIES)[K]>;

/** Messages the background sends to content scripts of a tab. */
export const ContentCommandSchema = z.discriminatedUnion('kind', [
  /** the site was disabled: stop annotating */
  z.object({ kind: z.literal('stop') }),
  /** the document's decisions changed: read them again, re-pair, repaint, report */
  z.object({ kind: z.literal('decisions-changed') }),
  /** side panel: scroll the finding of `ruleId` at start..end of region `region` into view and flash it */
  z.object({
    kind: z.literal('reveal'),
    region: z.number().int().nonnegative(),
    ruleId: z.string().max(200),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  }),
]);
export type ContentCommand = z.infer<typeof ContentCommandSchema>;

/** Send a request through `send` (runtime.sendMessage) and parse the reply by its kind. */
export async function request<R extends Request>(send: (msg: unknown) => Promise<unknown>, msg: R): Promise<ReplyOf<R['kind']>> {
  const raw = await send(RequestSchema.parse(msg));
  const err = ErrorReplySchema.safeParse(raw);
  if (err.success) throw new Error(err.data.message);
  return REPLIES[msg.kind].parse(raw) as ReplyOf<R['kind']>;
}
