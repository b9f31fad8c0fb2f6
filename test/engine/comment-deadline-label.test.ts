// A deadline written as a labelled field (截止日期：DATE / 截止时间为DATE) is counted from the
// notice's date like any other deadline: the day of the deadline date ("…3月1日") is not a
// number of days ("1日内"). The notices are dev-corpus items read at run time (never copied into
// the project); only the deadline's wording is varied.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkCommentPeriod, DEFAULT_COMMENT_PARAMS } from '../../lib/engine/checks/comment-period';
import { normalize } from '../../lib/engine/normalize';

interface Item {
  id: string;
  text: string;
  days: number | null;
  expect: string;
}
const path = fileURLToPath(new URL('../../../shared/corpus/dev/comment_period.jsonl', import.meta.url));
const items: Item[] = existsSync(path)
  ? readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Item)
  : [];
// notices with "于DATE前" and the notice's own date on a line of its own
const deadlines = items.filter((i) => i.days !== null && /于\d{4}年\d{1,2}月\d{1,2}日前/.test(i.text) && /\n\d{4}年\d{1,2}月\d{1,2}日\s*$/.test(i.text));

describe.skipIf(deadlines.length === 0)('a labelled deadline field', () => {
  test.each(['截止日期：', '意见反馈截止日期：', '截止时间为'])('%sDATE counts like 于DATE前', (label) => {
    for (const item of deadlines) {
      const text = item.text.replace(/于(\d{4}年\d{1,2}月\d{1,2}日)前/, `意见${label}$1，`);
      const r = checkCommentPeriod(text, normalize(text), DEFAULT_COMMENT_PARAMS);
      expect({ id: item.id, days: r.days, status: r.status }).toEqual({ id: item.id, days: item.days, status: item.expect });
    }
  });

  test('in a notice asking for comments, a deadline field on its own line is the comment deadline', () => {
    const notices = deadlines.filter((i) => /公开征求意见/.test(i.text));
    expect(notices.length).toBeGreaterThan(0);
    for (const item of notices) {
      // the request sentence loses its date; the date moves to a field of its own
      const text = item.text.replace(/[^。\n]*于(\d{4}年\d{1,2}月\d{1,2}日)前[^。\n]*。/, '欢迎提出宝贵意见。\n截止日期：$1\n');
      const r = checkCommentPeriod(text, normalize(text), DEFAULT_COMMENT_PARAMS);
      expect({ id: item.id, days: r.days, status: r.status }).toEqual({ id: item.id, days: item.days, status: item.expect });
      // the same field in a notice that asks for no comments is not a comment period
      const other = text.replace(/(?:公开)?征求意见/g, '公布');
      expect(checkCommentPeriod(other, normalize(other), DEFAULT_COMMENT_PARAMS).status).toBe('missing');
    }
  });

  test('the day of a deadline date is never read as a number of days', () => {
    for (const item of deadlines) {
      const text = item.text.replace(/于(\d{4}年\d{1,2}月)\d{1,2}(日)前/, '截止日期：$11$2，');
      const r = checkCommentPeriod(text, normalize(text), DEFAULT_COMMENT_PARAMS);
      expect(r.days).not.toBe(1);
    }
  });
});
