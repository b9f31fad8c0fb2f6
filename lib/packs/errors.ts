import type { z } from 'zod';

/** A pack or rule file that fails validation; every issue names its field path. */
export class PackValidationError extends Error {
  constructor(
    readonly source: string,
    readonly issues: { path: string; zh: string; en: string }[],
  ) {
    super(
      `${source}: ` +
        issues.map((i) => `${i.path || '(根/root)'}: ${i.zh} / ${i.en}`).join('; '),
    );
    this.name = 'PackValidationError';
  }
}

const ZH: Record<string, string> = {
  invalid_type: '类型错误',
  too_small: '过短或过少',
  too_big: '过长或过多',
  invalid_format: '格式错误',
  invalid_value: '取值不在允许范围内',
  unrecognized_keys: '含有未知字段',
  invalid_union: '不符合任何一种规则类型',
  custom: '不符合要求',
};

/**
 * One zod issue in both languages. Our own refinements already carry "en / zh" text; for zod's
 * built-in messages the Chinese is the issue code's label (with zod's wording appended when
 * `withDetail` is set).
 */
export function zodIssueText(issue: z.core.$ZodIssue, withDetail = true): { path: string; zh: string; en: string } {
  const path = issue.path.map(String).join('.');
  const [en, zhOwn] = issue.message.split(' / ');
  const label = ZH[issue.code] ?? '无效';
  return { path, zh: zhOwn ?? (withDetail ? `${label}（${issue.message}）` : label), en: en ?? issue.message };
}

/** Turn zod issues into bilingual, path-naming issues. */
export function describeZodError(source: string, error: z.ZodError): PackValidationError {
  return new PackValidationError(
    source,
    error.issues.map((issue) => zodIssueText(issue)),
  );
}
