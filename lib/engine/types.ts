/** Clause-level categories a rule can report (the CLI's JSON uses exactly these strings). */
export const CLAUSE_CATEGORIES = ['licensing', 'penalty', 'compulsory', 'fee', 'obligation'] as const;
/** Every category a finding can carry, clause-level and document-level. */
export const CATEGORIES = [...CLAUSE_CATEGORIES, 'validity', 'comment-period'] as const;
export type ClauseCategory = (typeof CLAUSE_CATEGORIES)[number];
export type Category = (typeof CATEGORIES)[number];
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Lang = 'zh-CN' | 'en';
/** A text in both UI languages, zh-CN first. */
export interface Localized {
  'zh-CN': string;
  en: string;
}

/** One problem found in the draft; the same shape travels to the CLI, the UI and the export. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** true when the clause restates an upper law with citation: verify the basis rather than remove. */
  cited: boolean;
  /** offsets into the original text (JS string indices), end exclusive */
  start: number;
  end: number;
  text: string;
  /** e.g. 第十二条第二款 or 三、（二） */
  location: string;
  message: Localized;
  basis: string[];
  suggestion?: Localized;
}

export type ValidityStatus = 'ok' | 'missing' | 'too_long';
export type CommentStatus = 'ok' | 'too_short' | 'missing';

/** The result of checking one document. */
export interface Report {
  title: string | null;
  documentType: string;
  provisional: boolean;
  findings: Finding[];
  validity: { status: ValidityStatus; years: number | null; limitYears: number; start?: number; end?: number; text?: string };
  commentPeriod: { status: CommentStatus; days: number | null; minDays: number; start?: number; end?: number; text?: string };
  /** ids and versions of the packs the check ran with */
  packs: { id: string; version: string }[];
}
