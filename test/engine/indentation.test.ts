// A paragraph's indentation is layout, not wording: official documents indent each paragraph by
// two full-width spaces (　　), a pasted text often by a tab or ASCII spaces. The clause findings
// of a text must not change with it (　　禁止在公路上进行集市贸易。 starts a sentence as much as
// the same line flush left does).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../lib/engine/index';
import { compilePack } from '../../lib/packs/compile';
import { parseMarked } from '../../lib/packs/examples';
import { loadBuiltinPacks, resolveChain } from '../../lib/packs/load';
import { realTexts } from '../real-texts';

const packs = loadBuiltinPacks();
const compiled = compilePack(resolveChain(packs.get('kunming-dongchuan')!, packs));
// rule examples mark their span: check the plain text
const texts = realTexts().map((t) => (t.includes('[[') ? parseMarked(t).text : t));

const flush = (t: string): string => t.split('\n').map((l) => l.replace(/^[\s\u3000]+/, '')).join('\n');
const indent = (t: string, by: string): string =>
  flush(t)
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');
/** the clause findings as the reviewer sees them: rule, cited or not, the marked words, in order */
const clauseFindings = (t: string): string[] =>
  check(t, compiled, { documentChecks: false }).findings.map((f) => `${f.ruleId}${f.cited ? ' (cited)' : ''}: ${f.text}`);

describe('paragraph indentation', () => {
  it('the real texts are many and flag something flush left', () => {
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.filter((t) => clauseFindings(flush(t)).length > 0).length).toBeGreaterThan(100);
  });

  for (const [name, by] of [
    ['two full-width spaces', '\u3000\u3000'],
    ['a tab', '\t'],
    ['four ASCII spaces', '    '],
    ['a no-break space', '\u00a0'],
  ] as const) {
    it(`indenting every paragraph by ${name} changes no clause finding`, () => {
      const differ: string[] = [];
      for (const t of texts) {
        const a = clauseFindings(flush(t));
        const b = clauseFindings(indent(t, by));
        if (JSON.stringify(a) !== JSON.stringify(b)) differ.push(`${flush(t).slice(0, 40)}…\n  flush:    ${a.join(' | ')}\n  indented: ${b.join(' | ')}`);
      }
      expect(differ).toEqual([]);
    });
  }
});

// The document checks read headings and the lines after them (二、公示时间：… ; 一、征集时间 ⏎ dates):
// indentation, blank lines between paragraphs (a web page's empty <p>) and CRLF are layout too.
const devDir = fileURLToPath(new URL('../../../shared/corpus/dev/', import.meta.url));
const docItems = ['validity.jsonl', 'comment_period.jsonl'].flatMap((f) =>
  existsSync(devDir + f)
    ? readFileSync(devDir + f, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { id: string; text: string; title?: string })
    : [],
);
const documentResult = (t: string, title?: string): string => {
  const r = check(t, compiled, title ? { title } : {});
  return `validity ${r.validity.status} ${r.validity.years} | comment ${r.commentPeriod.status} ${r.commentPeriod.days}`;
};

describe.skipIf(docItems.length === 0)('layout and the document checks (dev corpus)', () => {
  for (const [name, relayout] of [
    ['every line indented by two full-width spaces', (t: string) => indent(t, '\u3000\u3000')],
    ['a blank line between paragraphs', (t: string) => t.replace(/\n/g, '\n\n')],
    ['CRLF line ends', (t: string) => t.replace(/\n/g, '\r\n')],
  ] as const) {
    it(`${name} changes no validity or comment period`, () => {
      const differ: string[] = [];
      for (const item of docItems) {
        const a = documentResult(item.text, item.title);
        const b = documentResult(relayout(item.text), item.title);
        if (a !== b) differ.push(`${item.id}: ${a} → ${b}`);
      }
      expect(differ).toEqual([]);
    });
  }
});
