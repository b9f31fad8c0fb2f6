import { z } from 'zod';
import type { Localized } from '../engine/types';
import type { QuoteAnchor } from './anchor';

// A reviewer's decision on one finding (issue 5), stored per document and anchored by quote.
// Parsed with these schemas when read back from storage and at every message boundary.

export const DECISION_KINDS = ['must-change', 'acceptable', 'needs-legal-review'] as const;
/** What the reviewer decided about a finding. */
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_LABELS: Record<DecisionKind, Localized> = {
  'must-change': { 'zh-CN': '须修改', en: 'Must change' },
  acceptable: { 'zh-CN': '可以接受', en: 'Acceptable' },
  'needs-legal-review': { 'zh-CN': '需法制审核', en: 'Needs legal review' },
};

/** Field labels of the decision form and the export, zh-CN first. */
export const DECISION_FIELD_LABELS = {
  kind: { 'zh-CN': '审核意见', en: 'Decision' },
  reason: { 'zh-CN': '理由', en: 'Reason' },
  note: { 'zh-CN': '备注', en: 'Note' },
  reviewer: { 'zh-CN': '审核人', en: 'Reviewer' },
  decidedAt: { 'zh-CN': '决定时间', en: 'Decided at' },
} satisfies Record<string, Localized>;

/** The message shown when "acceptable" has no reason; both languages in one string (zod carries one). */
export const REASON_REQUIRED: Localized = {
  'zh-CN': '选择“可以接受”时须说明理由',
  en: 'An acceptable finding needs a reason',
};

export const QuoteAnchorSchema = z.object({
  exact: z.string().max(10_000),
  prefix: z.string().max(1_000),
  suffix: z.string().max(1_000),
  ruleId: z.string().min(1).max(200),
}) satisfies z.ZodType<QuoteAnchor>;

const text = (max: number) => z.string().trim().min(1).max(max).optional();

export const DecisionSchema = z
  .object({
    kind: z.enum(DECISION_KINDS),
    reason: text(2_000),
    note: text(10_000),
    reviewer: text(100),
    /** ISO 8601 with offset or Z, as Date#toISOString writes it */
    decidedAt: z.iso.datetime({ offset: true }),
    anchor: QuoteAnchorSchema,
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'acceptable' && !d.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `${REASON_REQUIRED['zh-CN']} / ${REASON_REQUIRED.en}` });
    }
  });
/** A stored decision: what, why, who, when and where (by quote). */
export type Decision = z.infer<typeof DecisionSchema>;
/** What the form hands in; validated into a Decision. */
export type DecisionInput = z.input<typeof DecisionSchema>;

/** A decision from the form: blank optional fields dropped, stamped now unless told otherwise. */
export function decide(
  input: Omit<DecisionInput, 'decidedAt'> & { decidedAt?: string },
  now: () => Date = () => new Date(),
): { ok: true; decision: Decision } | { ok: false; errors: { path: string; message: string }[] } {
  const blankless = Object.fromEntries(Object.entries(input).filter(([, v]) => !(typeof v === 'string' && v.trim() === '')));
  const r = DecisionSchema.safeParse({ decidedAt: now().toISOString(), ...blankless });
  if (r.success) return { ok: true, decision: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

/** Stored decisions read leniently: malformed entries are skipped, not fatal. */
export function parseDecisions(value: unknown): Decision[] {
  if (!Array.isArray(value)) return [];
  const out: Decision[] = [];
  for (const v of value) {
    const r = DecisionSchema.safeParse(v);
    if (r.success) out.push(r.data);
  }
  return out;
}
