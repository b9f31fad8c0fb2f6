import type { Category, Localized, Severity } from '../engine/types';

// Words of the annotation UI, zh-CN first and English second (STYLE.md: words come from one place).

/** The layer names reviewers know: 许可 / 处罚 / 强制 / 收费 / 义务 / 有效期 / 征求意见. */
export const CATEGORY_LABELS: Record<Category, Localized> = {
  licensing: { 'zh-CN': '许可', en: 'Licensing' },
  penalty: { 'zh-CN': '处罚', en: 'Penalty' },
  compulsory: { 'zh-CN': '强制', en: 'Compulsory measure' },
  fee: { 'zh-CN': '收费', en: 'Fee' },
  obligation: { 'zh-CN': '义务', en: 'Obligation' },
  validity: { 'zh-CN': '有效期', en: 'Validity period' },
  'comment-period': { 'zh-CN': '征求意见', en: 'Comment period' },
};

export const SEVERITY_LABELS: Record<Severity, Localized> = {
  error: { 'zh-CN': '错误', en: 'Error' },
  warning: { 'zh-CN': '警告', en: 'Warning' },
  info: { 'zh-CN': '提示', en: 'Info' },
};

export const UI = {
  verifyBasis: { 'zh-CN': '请核实依据', en: 'verify the basis' },
  basis: { 'zh-CN': '依据', en: 'Basis' },
  suggestion: { 'zh-CN': '建议', en: 'Suggestion' },
  location: { 'zh-CN': '位置', en: 'Location' },
  wholeDocument: { 'zh-CN': '全文', en: 'whole document' },
  close: { 'zh-CN': '关闭', en: 'Close' },
} satisfies Record<string, Localized>;
