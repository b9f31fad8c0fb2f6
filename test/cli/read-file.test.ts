import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToText, readDocument, ReadError } from '../../lib/cli/read-file';

// Inputs are built at test time from the real seed drafts; nothing of them is copied into the project.
const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

interface Seed {
  name: string;
  text: string;
  lines: string[];
}

let seeds: Seed[] = [];
let tmp = '';

beforeAll(async () => {
  const names = (await readdir(SEEDS_DIR)).filter((n) => n.endsWith('.txt')).sort();
  seeds = await Promise.all(
    names.map(async (name) => {
      const text = (await readFile(join(SEEDS_DIR, name), 'utf8')).replace(/\r\n?/g, '\n');
      return { name, text, lines: text.split('\n') };
    }),
  );
  tmp = await mkdtemp(join(tmpdir(), 'fashen-read-file-'));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

function seedAt(i: number): Seed {
  const seed = seeds[i % seeds.length];
  if (!seed) throw new Error(`no seed documents in ${SEEDS_DIR}`);
  return seed;
}

/** What a paragraph-per-line reader must return: non-blank lines, trailing spaces trimmed. */
function paragraphLines(seed: Seed): string[] {
  return seed.lines.map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
}

/** How a browser shows a line of text: runs of ASCII whitespace become one space, edges trimmed. */
function rendered(line: string): string {
  return line.replace(/[ \t]+/g, ' ').trim();
}

async function write(name: string, data: string | Uint8Array): Promise<string> {
  const path = join(tmp, name);
  await writeFile(path, data);
  return path;
}

async function expectReadError(file: string, zh: RegExp, en: RegExp): Promise<ReadError> {
  const error = await readDocument(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReadError);
  const re = error as ReadError;
  expect(re.file).toBe(file);
  expect(re.name).toBe('ReadError');
  expect(re.messageZh).toContain(file);
  expect(re.messageEn).toContain(file);
  expect(re.messageZh).toMatch(zh);
  expect(re.messageEn).toMatch(en);
  expect(re.message).toBe(`${re.messageZh} / ${re.messageEn}`);
  return re;
}

describe('readDocument: .txt encodings', () => {
  const cases = [0, 1, 2, 3, 4];

  it('finds the seed documents', () => {
    expect(seeds.length).toBeGreaterThan(0);
  });

  it.each(cases)('plain UTF-8 seed #%i reads back unchanged', async (i) => {
    const seed = seedAt(i);
    const file = await write(`utf8-${i}.txt`, Buffer.from(seed.text, 'utf8'));
    const doc = await readDocument(file);
    expect(doc).toMatchObject({ file, format: 'txt', encoding: 'utf-8', text: seed.text });
    expect(doc.title).toBe(paragraphLines(seed)[0]?.trim());
  });

  it.each(cases)('GB18030 seed #%i reads back identical to the UTF-8 original', async (i) => {
    const seed = seedAt(i);
    const file = await write(`gb18030-${i}.txt`, iconv.encode(seed.text, 'gb18030'));
    const doc = await readDocument(file);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text).toBe(seed.text);
  });

  it.each(cases)('UTF-8 with BOM seed #%i loses the BOM only', async (i) => {
    const seed = seedAt(i);
    const file = await write(`bom-${i}.txt`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed.text, 'utf8')]));
    const doc = await readDocument(file);
    expect(doc.encoding).toBe('utf-8');
    expect(doc.text).toBe(seed.text);
  });

  it.each(cases)('UTF-16LE and UTF-16BE with BOM seed #%i', async (i) => {
    const seed = seedAt(i);
    const le = await write(`utf16le-${i}.txt`, iconv.encode(seed.text, 'utf-16le', { addBOM: true }));
    const be = await write(`utf16be-${i}.txt`, iconv.encode(seed.text, 'utf-16be', { addBOM: true }));
    expect(await readDocument(le)).toMatchObject({ encoding: 'utf-16le', text: seed.text });
    expect(await readDocument(be)).toMatchObject({ encoding: 'utf-16be', text: seed.text });
  });

  it.each(['utf-16le', 'utf-16be'] as const)('%s without a BOM is recognised by decoding both byte orders', async (encoding) => {
    const seed = seedAt(0);
    const file = await write(`${encoding}-nobom.txt`, iconv.encode(seed.text, encoding));
    expect(await readDocument(file)).toMatchObject({ encoding, text: seed.text });
  });

  it('CRLF line endings become LF', async () => {
    const seed = seedAt(1);
    const file = await write('crlf.txt', iconv.encode(seed.text.replace(/\n/g, '\r\n'), 'gb18030'));
    expect((await readDocument(file)).text).toBe(seed.text);
  });

  it('a UTF-8 file with one broken byte stays UTF-8 instead of turning into GB18030 mojibake', async () => {
    const seed = seedAt(2);
    const cut = seed.text.indexOf('\n', seed.text.length >> 1) + 1;
    const before = seed.text.slice(0, cut);
    const after = seed.text.slice(cut);
    const file = await write('broken-utf8.txt', Buffer.concat([Buffer.from(before), Buffer.from([0xff]), Buffer.from(after)]));
    const doc = await readDocument(file);
    expect(doc.encoding).toBe('utf-8');
    expect(doc.text).toBe(`${before}\uFFFD${after}`);
  });

  it('a file without extension is sniffed and read as text', async () => {
    const seed = seedAt(3);
    const file = await write('no-extension', iconv.encode(seed.text, 'gb18030'));
    expect(await readDocument(file)).toMatchObject({ format: 'txt', encoding: 'gb18030', text: seed.text });
  });
});

async function seedDocx(seed: Seed): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: seed.lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return Packer.toBuffer(doc);
}

describe('readDocument: .docx', () => {
  it.each([0, 1, 2, 3, 4])('seed #%i written with the docx package reads back one paragraph per line', async (i) => {
    const seed = seedAt(i);
    const file = await write(`seed-${i}.docx`, await seedDocx(seed));
    const doc = await readDocument(file);
    const lines = paragraphLines(seed);
    expect(doc.format).toBe('docx');
    expect(doc.encoding).toBeUndefined();
    expect(doc.text).toBe(lines.join('\n'));
    expect(doc.title).toBe(lines[0]?.trim());
  });

  it('a .docx saved without extension is recognised by its zip signature', async () => {
    const seed = seedAt(0);
    const file = await write('docx-no-extension', await seedDocx(seed));
    expect(await readDocument(file)).toMatchObject({ format: 'docx', text: paragraphLines(seed).join('\n') });
  });
});

const ENTITIES: [RegExp, string][] = [
  [/&/g, '&amp;'],
  [/</g, '&lt;'],
  [/>/g, '&gt;'],
  [/"/g, '&quot;'],
  [/'/g, '&#39;'],
  [/“/g, '&ldquo;'],
  [/”/g, '&rdquo;'],
  [/—/g, '&mdash;'],
  [/…/g, '&hellip;'],
  // U+2022 has no GBK code, so a GBK page must spell it as an entity.
  [/•/g, '&bull;'],
  [/、/g, '&#12289;'],
  [/，/g, '&#xFF0C;'],
];

function escapeHtml(line: string): string {
  return ENTITIES.reduce((s, [re, entity]) => s.replace(re, entity), line);
}

/**
 * A page the way government sites publish drafts: <p> paragraphs indented with &emsp;, runs joined
 * by <br>, entities, plus script/style/comment text that must not leak into the result.
 */
function seedHtml(seed: Seed, charsetTag: string): { html: string; expected: string; title: string } {
  const lines = seed.lines.filter((l) => l.trim() !== '');
  const title = rendered(lines[0] ?? '');
  const body: string[] = [];
  const expected: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] ?? '';
    if (k % 3 === 0) {
      body.push(`<p class="MsoNormal" style='text-indent:2em'>&emsp;&emsp;${escapeHtml(line.trim())}&nbsp;</p>`);
      expected.push(`\u2003\u2003${rendered(line)}`);
    } else if (k % 3 === 1) {
      body.push(`<div>\n  <span>${escapeHtml(line)}</span><br/>`);
      expected.push(rendered(line));
    } else {
      body.push(`\n  ${escapeHtml(line)}\n</div>`);
      expected.push(rendered(line));
    }
  }
  if (lines.length % 3 === 2) body.push('</div>');
  const html = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head>',
    charsetTag,
    `<title>${escapeHtml(title)}</title>`,
    '<style>p { margin: 0 } .x::before { content: "STYLE-LEAK" }</style>',
    '<script>var leak = "SCRIPT-LEAK 第一条 </p>"; if (a < b && c > d) { document.write("<p>x</p>"); }</script>',
    '</head>',
    '<body>',
    '<!-- COMMENT-LEAK <p>第二条</p> -->',
    ...body,
    '<script type="text/javascript">\nwindow.SCRIPT_LEAK = "<br>";\n</script>',
    '</body></html>',
  ].join('\n');
  return { html, expected: expected.join('\n'), title };
}

function expectNoLeaks(text: string): void {
  expect(text).not.toMatch(/LEAK|<|>/);
}

describe('readDocument: .html', () => {
  it.each([0, 1, 2, 3, 4])('UTF-8 page from seed #%i', async (i) => {
    const seed = seedAt(i);
    const { html, expected, title } = seedHtml(seed, '<meta charset="utf-8">');
    const file = await write(`seed-${i}.html`, Buffer.from(html, 'utf8'));
    const doc = await readDocument(file);
    expect(doc).toMatchObject({ format: 'html', encoding: 'utf-8', title });
    expectNoLeaks(doc.text);
    expect(doc.text).toBe(expected);
  });

  it.each([
    [0, '<meta charset="gbk">'],
    [1, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'],
    [2, '<META CHARSET=GB18030>'],
  ])('GBK-encoded page from seed #%i declaring %s', async (i, tag) => {
    const seed = seedAt(i);
    const { html, expected, title } = seedHtml(seed, tag);
    const bytes = iconv.encode(html, 'gbk');
    expect(iconv.decode(bytes, 'gbk')).toBe(html); // the page really is pure GBK
    const file = await write(`seed-gbk-${i}.htm`, bytes);
    const doc = await readDocument(file);
    expect(doc).toMatchObject({ format: 'html', encoding: 'gb18030', title });
    expectNoLeaks(doc.text);
    expect(doc.text).toBe(expected);
  });

  it('a page declaring gb2312 but saved as UTF-8 is read as UTF-8', async () => {
    const seed = seedAt(3);
    const { html, expected } = seedHtml(seed, '<meta charset="gb2312">');
    const doc = await readDocument(await write('mislabelled.html', Buffer.from(html, 'utf8')));
    expect(doc.encoding).toBe('utf-8');
    expect(doc.text).toBe(expected);
  });

  it('a Word-exported page with a .doc extension is sniffed as HTML', async () => {
    const seed = seedAt(4);
    const { html, expected } = seedHtml(seed, '<meta charset="gbk">');
    const doc = await readDocument(await write('exported.doc', iconv.encode(html, 'gbk')));
    expect(doc).toMatchObject({ format: 'html', encoding: 'gb18030', text: expected });
  });

  it('tables, pre, blank paragraphs and the <h1> title fallback', async () => {
    const lines = paragraphLines(seedAt(0)).map(rendered);
    const [a = '', b = '', c = '', d = '', e = ''] = lines;
    const html = [
      `<html><body><H1 class=t>${escapeHtml(a)}</H1>`,
      `<table><tr><td>${escapeHtml(b)}</td>\n<td>${escapeHtml(c)}</td></tr><tr><th>${escapeHtml(d)}</th></tr></table>`,
      '<p>&nbsp;</p><p>&nbsp;</p><br><br><br>',
      `<pre>${escapeHtml(e)}\n  ${escapeHtml(a)}</pre>`,
      '<svg viewBox="0 0 1 1"><title>SVG-LEAK</title><text>SVG-LEAK</text></svg><svg/>',
      `<ul><li>${escapeHtml(b)}<li>${escapeHtml(c)}</ul>a &lt; b &amp;&amp; c &gt; d &#128; &#0; &unknown; &lt`,
      '</body></html>',
    ].join('');
    const doc = await readDocument(await write('structure.html', html));
    expect(doc.title).toBe(a);
    expect(doc.text).toBe([a, `${b}\t${c}`, d, '', e, `  ${a}`, b, c, 'a < b && c > d \u20ac \uFFFD &unknown; <'].join('\n'));
  });

  it('converts a 5 MB page in linear time, including hostile markup', async () => {
    const seed = seedAt(1);
    const { html } = seedHtml(seed, '<meta charset="utf-8">');
    const body = html.slice(html.indexOf('<body>'));
    const big = '<html><head><title>t</title></head>' + body.repeat(Math.ceil(5_000_000 / body.length));
    expect(big.length).toBeGreaterThanOrEqual(5_000_000);
    const started = performance.now();
    const file = await write('big.html', big);
    const doc = await readDocument(file);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(doc.text.length).toBeGreaterThan(1_000_000);

    // Inputs that make backtracking parsers quadratic: endless '<', '&', open quotes and comments.
    const hostile = [
      '<'.repeat(200_000),
      '&'.repeat(200_000),
      '&#'.repeat(100_000),
      '<a href="x'.repeat(50_000),
      '<p '.repeat(100_000),
      '<!--' + 'x'.repeat(200_000),
      '<script>' + '</scrip'.repeat(50_000),
    ];
    for (const h of hostile) {
      const t0 = performance.now();
      htmlToText(h);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });
});

describe('readDocument: errors name the file in Chinese and English', () => {
  it('missing file', async () => {
    await expectReadError(join(tmp, 'no-such-draft.txt'), /文件不存在/, /no such file/);
  });

  it('a directory', async () => {
    const dir = join(tmp, 'a-directory.txt');
    await mkdir(dir, { recursive: true });
    await expectReadError(dir, /目录/, /directory/);
  });

  it('a corrupt .docx (random bytes)', async () => {
    const bytes = randomBytes(4096);
    bytes[0] = 0x00; // never a zip signature by chance
    await expectReadError(await write('random.docx', bytes), /\.docx/, /\.docx/);
  });

  it('a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('draft.txt', seedAt(0).text);
    const file = await write('not-word.docx', await zip.generateAsync({ type: 'nodebuffer' }));
    await expectReadError(file, /不是有效的 Word/, /not a valid Word/);
  });

  it('a truncated .docx', async () => {
    const whole = await seedDocx(seedAt(1));
    const file = await write('truncated.docx', whole.subarray(0, whole.length >> 1));
    await expectReadError(file, /不是有效的 Word/, /not a valid Word/);
  });

  it('an empty file', async () => {
    await expectReadError(await write('empty.txt', ''), /文件为空/, /empty/);
  });

  it('a file of blank lines only', async () => {
    await expectReadError(await write('blank.txt', '\n  \n\u3000\n'), /没有文字/, /no text/);
  });

  it.each([
    ['binary.txt', 'executable'],
    ['random.txt', 'random'],
    ['random-no-extension', 'random'],
  ])('a binary file %s (%s bytes)', async (name, kind) => {
    // The node executable itself is real binary data, full of NUL bytes.
    const bytes = kind === 'executable' ? (await readFile(process.execPath)).subarray(0, 65536) : randomBytes(65536);
    if (kind === 'random') bytes[0] = 0x00; // never a BOM or a file signature by chance
    await expectReadError(await write(name, bytes), /不是文本文件/, /not a text file/);
  });
});
