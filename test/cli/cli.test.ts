// The CLI end to end, as a user runs it: real files in, text or JSON and an exit code out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { BuiltPackSchema } from '../../lib/packs/schema';
import { parseMarked } from '../../lib/packs/examples';
import { loadBuiltinPacks } from '../../lib/packs/load';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = fileURLToPath(new URL('../../../shared/seeds/000_a50418b40af80a2e.txt', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'fashen-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fashen(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'lib/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// A draft assembled from a seed's opening and the national pack's own flag examples.
const national = loadBuiltinPacks().get('national')!;
const flagged = national.rules.filter((r) => r.check === 'clause' && r.severity === 'error').map((r) => parseMarked(r.examples.flag[0]!).text);
const draft = `${readFileSync(seed, 'utf8').split('\n').slice(0, 12).join('\n')}\n${flagged.join('\n')}\n`;
const draftFile = join(tmp, 'draft.txt');
writeFileSync(draftFile, draft);

describe('fashen check', () => {
  it('reports a seed in JSON with the documented shape and exits 0', () => {
    const r = fashen('check', '--format', 'json', seed);
    expect(r.code).toBe(0);
    const [report] = JSON.parse(r.out);
    expect(report.file).toBe(seed);
    expect(typeof report.documentType).toBe('string');
    expect(['ok', 'missing', 'too_long']).toContain(report.validity.status);
    expect(['ok', 'too_short', 'missing']).toContain(report.commentPeriod.status);
    expect(report.commentPeriod.minDays).toBe(30);
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['ruleId', 'category', 'severity', 'cited', 'start', 'end', 'text', 'location', 'message', 'basis']));
    }
  });

  it('exits 1 on a draft with error-level findings and names locations, excerpts and bases in text', () => {
    const r = fashen('check', draftFile);
    expect(r.code).toBe(1);
    expect(r.out).toContain('依据 Basis: 《中华人民共和国行政许可法》第十七条');
    expect(r.out).toMatch(/共 \d+ 处：错误 \d+/);
  });

  it('reads a GB18030 file the same as its UTF-8 original', () => {
    const gbk = join(tmp, 'draft-gbk.txt');
    writeFileSync(gbk, iconv.encode(draft, 'gb18030'));
    const a = JSON.parse(fashen('check', '--format', 'json', draftFile).out)[0];
    const b = JSON.parse(fashen('check', '--format', 'json', gbk).out)[0];
    expect(b.findings).toEqual(a.findings);
  });

  it('reads a real .docx and finds the same clauses as in the text file', async () => {
    const doc = new Document({ sections: [{ children: draft.split('\n').filter((l) => l.trim()).map((l) => new Paragraph(l)) }] });
    const file = join(tmp, 'draft.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const fromDocx = JSON.parse(fashen('check', '--format', 'json', file).out)[0];
    const fromTxt = JSON.parse(fashen('check', '--format', 'json', draftFile).out)[0];
    const key = (f: { ruleId: string; text: string }) => `${f.ruleId}:${f.text}`;
    expect(fromDocx.findings.map(key)).toEqual(fromTxt.findings.map(key));
    expect(fromDocx.findings.length).toBeGreaterThan(10);
  });

  it('keeps checking the other files when one is unreadable, puts {file, error} in its place and exits 2', () => {
    const missing = join(tmp, 'nope.txt');
    const r = fashen('check', '--format', 'json', draftFile, missing, seed);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.out);
    expect(out).toHaveLength(3);
    expect(out[1]).toEqual({ file: missing, error: expect.stringContaining('nope.txt') });
    expect(out[2].file).toBe(seed);
    expect(r.err).toMatch(/无法读取文件.*\/.*Cannot read file/);
  });

  it('exits 2 with a bilingual message on bad usage', () => {
    for (const args of [['check'], ['check', '--format', 'xml', seed], ['frobnicate'], ['check', '--pack', 'atlantis', seed]]) {
      const r = fashen(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/[一-龥].* \/ [A-Za-z]/);
    }
  });

  it('checks with a local pack by id and applies its parameters', () => {
    const r = fashen('check', '--format', 'json', '--pack', 'kunming-dongchuan', draftFile);
    const [report] = JSON.parse(r.out);
    expect(report.packs.map((p: { id: string }) => p.id)).toEqual(['national', 'kunming-dongchuan']);
  });
});

describe('fashen pack', () => {
  it('builds a pack into one JSON file that the import schema accepts, and checks with it', () => {
    const out = join(tmp, 'mile.json');
    const r = fashen('pack', 'build', 'rules/honghe-mile', '--out', out);
    expect(r.code).toBe(0);
    const built = BuiltPackSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(built.manifest.id).toBe('honghe-mile');
    const c = fashen('check', '--format', 'json', '--pack', out, draftFile);
    expect(JSON.parse(c.out)[0].packs.map((p: { id: string }) => p.id)).toEqual(['national', 'honghe-mile']);
  });

  it('runs a pack’s examples', () => {
    const r = fashen('pack', 'test', 'rules/national');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/national: (\d+)\/\1 个示例通过/);
  });

  it('refuses a pack file that breaks the schema, naming the field', () => {
    const bad = join(tmp, 'bad.json');
    const built = JSON.parse(fashen('pack', 'build', 'rules/national').out);
    built.rules[0].severity = 'fatal';
    writeFileSync(bad, JSON.stringify(built));
    const r = fashen('check', '--pack', bad, draftFile);
    expect(r.code).toBe(2);
    expect(r.err).toContain('rules.0.severity');
  });
});
