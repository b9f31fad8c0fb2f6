// Validity and comment-period checks against the labelled dev corpus (read at runtime, never copied),
// scored like ../shared/tools/score.mjs: status must match; years within 0.05, days exact; the
// number is ignored when the label has none or the status is missing.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkCommentPeriod, DEFAULT_COMMENT_PARAMS } from '../../lib/engine/checks/comment-period';
import { checkValidity, DEFAULT_VALIDITY_PARAMS } from '../../lib/engine/checks/validity';
import { detectDocumentType } from '../../lib/engine/document-type';
import { normalize } from '../../lib/engine/normalize';

interface Item {
  id: string;
  text: string;
  title?: string | null;
  expect: string;
  years?: number | null;
  days?: number | null;
}

const dev = (name: string): string => fileURLToPath(new URL(`../../../shared/corpus/dev/${name}`, import.meta.url));
const load = (path: string): Item[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item);

const validityPath = dev('validity.jsonl');
const commentPath = dev('comment_period.jsonl');
const available = existsSync(validityPath) && existsSync(commentPath);
if (!available) console.warn(`dev corpus not found at ${validityPath}: skipping the corpus accuracy test`);

describe.skipIf(!available)('dev corpus accuracy (≥ 95 %)', () => {
  test('validity', () => {
    const misses: string[] = [];
    const items = load(validityPath);
    for (const item of items) {
      const body = item.title ? `${item.title}\n\n${item.text}\n` : `${item.text}\n`;
      const r = checkValidity(body, normalize(body), DEFAULT_VALIDITY_PARAMS, detectDocumentType(body).title ?? undefined);
      const numberOk = item.years == null || item.expect === 'missing' || (r.years !== null && Math.abs(r.years - item.years) <= 0.05);
      if (r.status !== item.expect || !numberOk) misses.push(`${item.id}: want ${item.expect}/${item.years} got ${r.status}/${r.years}`);
    }
    console.log(`validity ${items.length - misses.length}/${items.length}`, misses);
    expect((items.length - misses.length) / items.length).toBeGreaterThanOrEqual(0.95);
  });

  test('comment period', () => {
    const misses: string[] = [];
    const items = load(commentPath);
    for (const item of items) {
      const body = `${item.text}\n`;
      const r = checkCommentPeriod(body, normalize(body), DEFAULT_COMMENT_PARAMS);
      const numberOk = item.days == null || item.expect === 'missing' || r.days === item.days;
      if (r.status !== item.expect || !numberOk) misses.push(`${item.id}: want ${item.expect}/${item.days} got ${r.status}/${r.days}`);
    }
    console.log(`comment period ${items.length - misses.length}/${items.length}`, misses);
    expect((items.length - misses.length) / items.length).toBeGreaterThanOrEqual(0.95);
  });
});
