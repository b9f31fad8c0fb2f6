// Where an end-date validity statement (有效期至…) takes its start when the statement gives none:
// an issue note (（DATE印发）/ DATE发布 on its own line), and how a document's name with a short
// note (本实施细则（试行）) still reads as the document. The statements are taken at run time from
// the dev corpus (never copied into the project); only the surrounding layout is varied.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkValidity, DEFAULT_VALIDITY_PARAMS } from '../../lib/engine/checks/validity';
import { normalize } from '../../lib/engine/normalize';

interface Item {
  id: string;
  text: string;
  title?: string | null;
  years?: number | null;
}

const path = fileURLToPath(new URL('../../../shared/corpus/dev/validity.jsonl', import.meta.url));
const items: Item[] = existsSync(path)
  ? readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Item)
  : [];
const byId = (id: string): Item | undefined => items.find((i) => i.id === id);

function run(title: string, body: string) {
  const text = `${title}\n\n${body}\n`;
  return checkValidity(text, normalize(text), DEFAULT_VALIDITY_PARAMS);
}

describe.skipIf(items.length === 0)('validity: start of an end-date statement', () => {
  // v089: 上述…自2026年7月1日起执行。本通知有效期至2028年6月30日。 (2 years)
  const v089 = byId('v089');
  const endSentence = v089 ? (/本通知有效期至[^。]+。/u.exec(v089.text)?.[0] ?? '') : '';

  test('the dev statement itself still counts from its stated start', () => {
    expect(v089).toBeDefined();
    const r = run(v089!.title ?? '', v089!.text);
    expect(r.status).toBe('ok');
    expect(r.years).toBeCloseTo(2, 1);
  });

  test('without a start: years null (nothing to count from)', () => {
    expect(endSentence).not.toBe('');
    const r = run(v089!.title ?? '', endSentence);
    expect(r.status).toBe('ok');
    expect(r.years).toBeNull();
  });

  test.each([
    ['（2026年7月1日印发）\n', ''],
    ['', '\n\n上海市人力资源和社会保障局2026年7月1日印发'],
    ['', '\n\n上海市人力资源和社会保障局\n2026年7月1日'],
  ])('an issue note %j…%j gives the start', (head, tail) => {
    const r = run(v089!.title ?? '', `${head}${endSentence}${tail}`);
    expect(r.status).toBe('ok');
    expect(r.years).toBeCloseTo(2, 1);
  });

  test.each([
    ['施行日期：2026年7月1日\n', 'an effect-date field'],
    ['公开日期：2026-07-01\n', 'a publication field'],
  ])('a header field %j gives the start (%s)', (head) => {
    const r = run(v089!.title ?? '', `${head}${endSentence}`);
    expect(r.status).toBe('ok');
    expect(r.years).toBeCloseTo(2, 1);
  });

  test('a date that introduces another document (DATE印发的《…》) is not the start', () => {
    const r = run(v089!.title ?? '', `根据2026年7月1日印发的《通知》，${endSentence}`);
    expect(r.years).toBeNull();
  });

  // v072: 本实施细则自印发之日起施行,有效期5年。 — with the name's note （试行） the clause is still
  // the document's, and the note makes it provisional (3-year cap).
  test('本实施细则（试行）自印发之日起施行，有效期5年 is the document’s and provisional', () => {
    const v072 = byId('v072');
    expect(v072).toBeDefined();
    const body = v072!.text.replace('本实施细则', '本实施细则（试行）');
    expect(body).toContain('（试行）');
    const r = run('', body);
    expect(r.years).toBe(5);
    expect(r.status).toBe('too_long');
    expect(r.provisional).toBe(true);
  });

  // v057: …执行期限为2019年1月1日至2023年12月31日。 — the shorter keyword 执行期 reads the same;
  // 执行期间 ("while … is carried out") is no period.
  test('执行期 as well as 执行期限; 执行期间 is not a period', () => {
    const v057 = byId('v057');
    expect(v057).toBeDefined();
    const r = run(v057!.title ?? '', v057!.text.replace('执行期限', '执行期'));
    expect(r.status).toBe('ok');
    expect(r.years).toBeCloseTo(5, 1);
    const during = run(v057!.title ?? '', v057!.text.replace('执行期限为', '执行期间，').replace(/。$/u, '，按本通知执行。'));
    expect(during.years === null || Math.abs(during.years - 5) > 0.05).toBe(true);
  });
});
