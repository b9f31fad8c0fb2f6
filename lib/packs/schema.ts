import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../engine/types';

// One schema serves the rule files in rules/, the built pack file and the import pipeline (issue 4):
// a pack is validated by exactly the same code wherever it enters.

const nonEmpty = z.string().trim().min(1);

/** A text in both UI languages; both must be present. */
export const LocalizedSchema = z.strictObject({ 'zh-CN': nonEmpty, en: nonEmpty });

/** A regular-expression source; compiled later under the regex guard. */
const RegexSource = z.string().min(1).max(2000);

/** A guard is either a regex source or `@name`, a reference to a named guard set of the pack. */
const GuardRef = z.string().min(1).max(2000);

/** Marked flag example: the span that must be flagged is wrapped in [[ ]]. */
const FlagExample = z
  .string()
  .min(1)
  .refine((s) => /^[^[\]]*\[\[[^[\]]+\]\][^[\]]*$/.test(s), {
    message: 'flag example must mark exactly one span with [[…]] / 标记示例须用 [[…]] 标出且只标出一处',
  });

/** Shared fields of every rule. */
const RuleBase = {
  id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'rule id: lowercase ascii, digits and dashes / 规则编号只能含小写字母、数字和连字符'),
  name: nonEmpty,
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  messages: LocalizedSchema,
  basis: z.array(nonEmpty).min(1),
  /** basis entries not yet checked against the official text (legal-basis.md marks them UNVERIFIED) */
  unverified: z.array(nonEmpty).optional(),
  suggestion: LocalizedSchema.optional(),
  enabled: z.boolean().default(true),
  examples: z.strictObject({
    flag: z.array(FlagExample).min(1),
    pass: z.array(z.string().min(1)).min(1),
  }),
};

/**
 * Clause check: the match patterns run over each sentence of the normalized text; a match
 * becomes a finding unless a guard fires. The finding's span is the named group `hit` when the
 * pattern has one, else the whole match.
 */
export const ClauseRuleSchema = z.strictObject({
  ...RuleBase,
  check: z.literal('clause'),
  category: z.enum(['licensing', 'penalty', 'compulsory', 'fee', 'obligation']),
  match: z.array(RegexSource).min(1),
  /** every one of these must also match somewhere in the sentence */
  requires: z.array(GuardRef).default([]),
  /** suppress when any of these matches the sentence */
  unless: z.array(GuardRef).default([]),
  /** suppress when any of these matches the clause (the part of the sentence between ；) holding the match */
  unlessClause: z.array(GuardRef).default([]),
  /**
   * Every one of these must match the lead-in of a list the paragraph is an item of (the last
   * paragraph before the items that ends with ：, e.g. 经营者应当遵守下列规定：); no lead-in fails.
   */
  requireLeadIn: z.array(GuardRef).default([]),
  /** suppress when any of these matches the lead-in of the list the paragraph belongs to */
  unlessLeadIn: z.array(GuardRef).default([]),
  /** suppress when any of these matches the paragraph (line) holding the sentence */
  unlessParagraph: z.array(GuardRef).default([]),
  /** every one of these must match the text of the sentence before the match */
  requireBefore: z.array(GuardRef).default([]),
  /** suppress when any of these matches the text of the sentence before the match */
  unlessBefore: z.array(GuardRef).default([]),
  /** suppress when any of these matches the text of the sentence after the match */
  unlessAfter: z.array(GuardRef).default([]),
  /**
   * What a citation of an upper law (依照《…》第…条) in the sentence does: `downgrade` turns the
   * finding into an info finding marked cited; `ignore` keeps it as it is; `require` reports
   * only cited matches (rules that exist to ask for the basis to be verified).
   */
  citation: z.enum(['downgrade', 'ignore', 'require']).default('downgrade'),
});

/** Document check: the validity period (有效期) stated by the document. */
export const ValidityRuleSchema = z.strictObject({ ...RuleBase, check: z.literal('validity'), category: z.literal('validity') });

/** Document check: the public comment period (公开征求意见期限) of the draft. */
export const CommentPeriodRuleSchema = z.strictObject({
  ...RuleBase,
  check: z.literal('comment-period'),
  category: z.literal('comment-period'),
});

/** One rule file: `rules/<pack>/<id>.yaml`. */
export const RuleSchema = z.discriminatedUnion('check', [ClauseRuleSchema, ValidityRuleSchema, CommentPeriodRuleSchema]);

const semver = z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'semver version such as 1.2.0 / 版本号须为语义化版本，如 1.2.0');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD / 日期格式须为 YYYY-MM-DD');

/** Numeric parameters of a pack; a local pack overrides the ones it names. */
export const ParametersSchema = z.strictObject({
  validityMaxYears: z.number().positive().max(100).optional(),
  provisionalValidityMaxYears: z.number().positive().max(100).optional(),
  commentMinDays: z.number().int().positive().max(365).optional(),
  commentCounting: z.enum(['inclusive', 'exclusive']).optional(),
  filingDays: z.number().int().positive().max(365).optional(),
});

/** `rules/<pack>/pack.yaml`: who publishes the pack, where it applies, what it extends. */
export const ManifestSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'pack id: lowercase ascii, digits and dashes / 规则包编号只能含小写字母、数字和连字符'),
  name: LocalizedSchema,
  version: semver,
  jurisdiction: z.strictObject({ code: nonEmpty, name: nonEmpty, level: z.enum(['national', 'province', 'city', 'county']) }),
  validAsOf: isoDate,
  extends: z.string().optional(),
  parameters: ParametersSchema.default({}),
  /** where each parameter comes from (article or seed section) */
  parameterBasis: z.record(z.string(), nonEmpty).default({}),
  /** named guard sets referenced by rules as `@name` */
  guards: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(RegexSource).min(1)).default({}),
  /** rules of the extended pack this pack switches off */
  disable: z.array(z.string()).default([]),
  notes: z.array(z.string()).default([]),
});

/** The distribution form of one pack: manifest plus its rules (issue 4 signs and imports it). */
export const BuiltPackSchema = z.strictObject({
  format: z.literal('fashen-pack/1'),
  manifest: ManifestSchema,
  rules: z.array(RuleSchema),
});

export type Rule = z.infer<typeof RuleSchema>;
export type ClauseRule = z.infer<typeof ClauseRuleSchema>;
export type Manifest = z.infer<typeof ManifestSchema>;
export type BuiltPack = z.infer<typeof BuiltPackSchema>;
export type PackParameters = Required<Omit<z.infer<typeof ParametersSchema>, 'filingDays'>> & { filingDays?: number };
