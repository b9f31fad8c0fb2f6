import type { Finding, Report } from '../../lib/engine/types';

/** A clause finding at the first occurrence (or the nth) of `quote` in `text`. */
export function findingAt(text: string, quote: string, ruleId = 'penalty.fine', nth = 0, extra: Partial<Finding> = {}): Finding {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  return {
    ruleId,
    category: 'penalty',
    severity: 'error',
    cited: false,
    start,
    end: start + quote.length,
    text: quote,
    location: '第五条',
    message: { 'zh-CN': '规范性文件不得设定罚款。', en: 'A normative document may not set fines.' },
    basis: ['《中华人民共和国行政处罚法》第十六条'],
    ...extra,
  };
}

export function reportOf(findings: Finding[], over: Partial<Report> = {}): Report {
  return {
    title: '某市餐饮油烟管理办法（征求意见稿）',
    documentType: 'normative',
    provisional: false,
    findings,
    validity: { status: 'too_long', years: 10, limitYears: 5 },
    commentPeriod: { status: 'too_short', days: 15, minDays: 30 },
    packs: [{ id: 'national', version: '1.2.0' }, { id: 'zhejiang', version: '0.3.1' }],
    ...over,
  };
}
