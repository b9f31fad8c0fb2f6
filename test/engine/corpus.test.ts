// Accuracy on the labelled dev corpus of real clauses (../shared/corpus/dev, read at run time,
// never copied). Same counting as ../shared/tools/score.mjs; thresholds from issue 2.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../lib/engine/index';
import { CLAUSE_CATEGORIES } from '../../lib/engine/types';
import { compilePack } from '../../lib/packs/compile';
import { loadBuiltinPacks, resolveChain } from '../../lib/packs/load';

const dir = fileURLToPath(new URL('../../../shared/corpus/dev/', import.meta.url));
const present = existsSync(`${dir}clauses.jsonl`);
const load = (name: string) =>
  readFileSync(dir + name, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe.skipIf(!present)('dev corpus (../shared/corpus/dev)', () => {
  const packs = loadBuiltinPacks();
  const compiled = compilePack(resolveChain(packs.get('national')!, packs));

  it('clause categories reach the precision and recall the issue asks for', () => {
    const per = Object.fromEntries(CLAUSE_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
    let negatives = 0;
    let negativesFlagged = 0;
    let citedWrong = 0;
    for (const item of load('clauses.jsonl')) {
      const report = check(`${item.text as string}\n`, compiled);
      const uncited = new Set(report.findings.filter((f) => !f.cited && (CLAUSE_CATEGORIES as readonly string[]).includes(f.category)).map((f) => f.category));
      const expectSet = new Set(item.expect as string[]);
      if (item.cited) {
        if ([...uncited].some((c) => expectSet.has(c))) citedWrong++;
        for (const c of uncited) if (!expectSet.has(c)) per[c]!.fp++;
        continue;
      }
      if (expectSet.size === 0) {
        negatives++;
        if (uncited.size) negativesFlagged++;
      }
      for (const c of CLAUSE_CATEGORIES) {
        if (expectSet.has(c) && uncited.has(c)) per[c]!.tp++;
        else if (expectSet.has(c)) per[c]!.fn++;
        else if (uncited.has(c)) per[c]!.fp++;
      }
    }
    const figures = Object.fromEntries(
      Object.entries(per).map(([c, m]) => [c, { precision: m.tp / (m.tp + m.fp || 1), recall: m.tp / (m.tp + m.fn || 1) }]),
    );
    for (const c of ['licensing', 'penalty', 'compulsory'] as const) {
      expect(figures[c]!.precision, `${c} precision`).toBeGreaterThanOrEqual(0.95);
      expect(figures[c]!.recall, `${c} recall`).toBeGreaterThanOrEqual(0.95);
    }
    for (const c of ['fee', 'obligation'] as const) {
      expect(figures[c]!.precision, `${c} precision`).toBeGreaterThanOrEqual(0.9);
      expect(figures[c]!.recall, `${c} recall`).toBeGreaterThanOrEqual(0.9);
    }
    expect(negativesFlagged / negatives, 'hard negatives flagged').toBeLessThanOrEqual(0.03);
    expect(citedWrong, 'cited clauses reported as uncited').toBeLessThanOrEqual(1);
  });

  it('validity status and years are right for at least 95% of items', () => {
    const items = load('validity.jsonl');
    const ok = items.filter((item) => {
      const body = item.title ? `${item.title as string}\n\n${item.text as string}\n` : `${item.text as string}\n`;
      const v = check(body, compiled).validity;
      return v.status === item.expect && (item.expect === 'missing' || item.years == null || Math.abs(Number(v.years) - Number(item.years)) <= 0.05);
    });
    expect(ok.length / items.length).toBeGreaterThanOrEqual(0.95);
  });

  it('comment-period status and days are right for at least 95% of items', () => {
    const items = load('comment_period.jsonl');
    const ok = items.filter((item) => {
      const c = check(`${item.text as string}\n`, compiled).commentPeriod;
      return c.status === item.expect && (item.expect === 'missing' || item.days == null || c.days === item.days);
    });
    expect(ok.length / items.length).toBeGreaterThanOrEqual(0.95);
  });
});
