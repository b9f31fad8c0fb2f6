// Node-only: turns one input file (.txt, .html, .docx) into the plain text the engine checks.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import iconv from 'iconv-lite';

/** The format a file was read as. */
export type ReadFormat = 'txt' | 'html' | 'docx';

/** Plain text extracted from one input file, with how it was decoded. */
export interface ReadDocument {
  /** the path exactly as the caller gave it */
  file: string;
  /** extracted text, line endings normalized to "\n" */
  text: string;
  format: ReadFormat;
  /** the decoder used for byte formats (e.g. 'utf-8', 'gb18030', 'utf-16le'); absent for .docx */
  encoding?: string;
  /** <title>/<h1> for HTML, otherwise the first non-empty line */
  title?: string;
}

/** A file that cannot be turned into text; the message names the file in Chinese and English. */
export class ReadError extends Error {
  override name = 'ReadError';
  constructor(
    public readonly file: string,
    public readonly messageZh: string,
    public readonly messageEn: string,
  ) {
    super(`${messageZh} / ${messageEn}`);
  }
}

function fail(file: string, reasonZh: string, reasonEn: string): ReadError {
  return new ReadError(file, `无法读取文件 ${file}：${reasonZh}`, `Cannot read file ${file}: ${reasonEn}`);
}

const notText = (file: string) => fail(file, '不是文本文件', 'not a text file');
const noText = (file: string) => fail(file, '文件中没有文字内容', 'the file contains no text');

const TEXT_EXTS = new Set(['.txt', '.text', '.md']);
const HTML_EXTS = new Set(['.html', '.htm', '.xhtml', '.shtml']);

/** Reads a .txt/.html/.docx file into plain text; other extensions are sniffed (zip → docx, HTML → html, else text). */
export async function readDocument(file: string): Promise<ReadDocument> {
  const bytes = await readBytes(file);
  const ext = extname(file).toLowerCase();
  let kind: ReadFormat | Unsupported;
  if (TEXT_EXTS.has(ext)) kind = 'txt';
  else if (HTML_EXTS.has(ext)) kind = 'html';
  else if (ext === '.docx') kind = sniff(bytes) === 'ole' ? 'ole' : 'docx';
  else kind = sniff(bytes);

  switch (kind) {
    case 'txt':
      return readText(file, bytes);
    case 'html':
      return readHtml(file, bytes);
    case 'docx':
      return readDocx(file, bytes);
    case 'ole':
      // An OLE container is either a pre-2007 .doc or a password-protected .docx; mammoth reads neither.
      if (ext === '.docx') {
        throw fail(
          file,
          '不是有效的 .docx 文件（可能是旧版 .doc 或已加密），请在 Word 中另存为 .docx',
          'not a valid .docx (it may be a legacy .doc or password-protected); save it as .docx in Word',
        );
      }
      throw fail(file, '不支持旧版 Word（.doc）格式，请另存为 .docx', 'the legacy Word (.doc) format is not supported; save it as .docx');
    case 'pdf':
      throw fail(file, '不支持 PDF 文件，请另存为 .docx 或 .txt', 'PDF is not supported; save it as .docx or .txt');
    case 'rtf':
      throw fail(file, '不支持 RTF 文件，请另存为 .docx 或 .txt', 'RTF is not supported; save it as .docx or .txt');
  }
}

async function readBytes(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw fail(file, '这是一个目录，不是文件', 'it is a directory, not a file');
    if (!info.isFile()) throw fail(file, '不是普通文件', 'not a regular file');
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw fsError(file, error);
  }
  if (bytes.length === 0) throw fail(file, '文件为空', 'the file is empty');
  return bytes;
}

function fsError(file: string, error: unknown): ReadError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return fail(file, '文件不存在', 'no such file');
    case 'EISDIR':
      return fail(file, '这是一个目录，不是文件', 'it is a directory, not a file');
    case 'EACCES':
    case 'EPERM':
      return fail(file, '没有读取权限', 'permission denied');
    case 'ENOTDIR':
      return fail(file, '路径中有一段不是目录', 'a component of the path is not a directory');
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return fail(file, `读取出错（${detail}）`, `read error (${detail})`);
    }
  }
}

type Unsupported = 'ole' | 'pdf' | 'rtf';

/** Guesses the format from magic bytes, for files whose extension says nothing (or .doc/.wps). */
function sniff(bytes: Buffer): ReadFormat | Unsupported {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  // Many "Word" files saved by government sites are really HTML with a .doc extension.
  if (/^(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|head|meta|body)[\s>]/i.test(head)) return 'html';
  return 'txt';
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

// ---------------------------------------------------------------------------------------------
// Text decoding

interface Decoded {
  text: string;
  encoding: string;
}

const GB_LABELS = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'windows-936', 'ms936', 'euc-cn', 'csgb2312', 'chinese', 'iso-ir-58']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** Maps a declared charset label to an iconv-lite decoder name; undefined when unknown or UTF-8. */
function decoderFor(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const name = label.trim().toLowerCase();
  if (UTF8_LABELS.has(name)) return undefined;
  // GB18030 is a superset of GB2312 and GBK, and pages declaring gb2312 often use GBK-only characters.
  if (GB_LABELS.has(name)) return 'gb18030';
  return iconv.encodingExists(name) ? name : undefined;
}

function decodeBytes(file: string, bytes: Buffer, declared?: string): Decoded {
  // A byte-order mark outranks any declaration, as in browsers.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return checked(file, new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return checked(file, iconv.decode(bytes.subarray(2), 'utf-16le', { stripBOM: false }), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return checked(file, iconv.decode(bytes.subarray(2), 'utf-16be', { stripBOM: false }), 'utf-16be');

  if (bytes.indexOf(0) !== -1) {
    const utf16 = bomlessUtf16(bytes);
    if (!utf16) throw notText(file);
    return checked(file, iconv.decode(bytes, utf16, { stripBOM: false }), utf16);
  }

  let utf8: string | undefined;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = undefined;
  }

  const decoder = decoderFor(declared);
  if (decoder) {
    const text = iconv.decode(bytes, decoder);
    // A page saved as UTF-8 but still declaring gb2312 decodes to replacement characters; trust the bytes.
    if (utf8 !== undefined && text.includes('\uFFFD')) return checked(file, utf8, 'utf-8');
    return checked(file, text, decoder);
  }
  if (utf8 !== undefined) return checked(file, utf8, 'utf-8');

  // A UTF-8 file with a few broken bytes (a truncated copy, one bad character) stays UTF-8;
  // GBK text read as UTF-8 breaks on nearly every Chinese character instead.
  const lossy = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let nonAscii = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c > 0x7f) nonAscii++;
  }
  if (replaced * 100 <= nonAscii) return checked(file, lossy, 'utf-8');
  return checked(file, iconv.decode(bytes, 'gb18030'), 'gb18030');
}

/**
 * UTF-16 without a BOM. NUL parity alone is too weak (一 U+4E00 is common and puts a NUL on the
 * "wrong" side), so each byte order is decoded and kept only if it reads as Chinese or ASCII text.
 */
function bomlessUtf16(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, 65536);
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    if (looksLikeText(iconv.decode(sample, encoding, { stripBOM: false }))) return encoding;
  }
  return undefined;
}

/** True when nearly every character is printable ASCII, CJK or common punctuation. */
function looksLikeText(text: string): boolean {
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c <= 0x7e) || c === 0x09 || c === 0x0a || c === 0x0d ||
      (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)
    ) good++;
  }
  return text.length > 0 && good * 10 >= text.length * 9;
}

/** Rejects decoded text that is mostly control or replacement characters: binary data in disguise. */
function checked(file: string, text: string, encoding: string): Decoded {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) || c === 0x7f || c === 0xfffd) bad++;
  }
  if (bad > 8 && bad * 50 > text.length) throw notText(file);
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}

function firstLine(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t) return t;
  }
  return undefined;
}

function readText(file: string, bytes: Buffer): ReadDocument {
  const { text, encoding } = decodeBytes(file, bytes);
  // Only the BOM and line endings change: offsets the engine reports should match what the author sees.
  const title = firstLine(text);
  if (title === undefined) throw noText(file);
  return { file, text, format: 'txt', encoding, title };
}

// ---------------------------------------------------------------------------------------------
// .docx

async function readDocx(file: string, bytes: Buffer): Promise<ReadDocument> {
  const corrupt = () =>
    fail(file, '不是有效的 Word（.docx）文件，可能已损坏', 'not a valid Word (.docx) file; it may be corrupt');
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) throw corrupt();
  // Loaded lazily: mammoth and its zip/xml stack are only needed for .docx input.
  const { default: mammoth } = await import('mammoth');
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    throw corrupt();
  }
  // mammoth ends every paragraph with "\n\n"; one paragraph per line keeps 第X条 and each 款 on its own line.
  const text = tidyLines(raw.replace(/\r\n?/g, '\n'), 0);
  const title = firstLine(text);
  if (title === undefined) throw noText(file);
  return { file, text, format: 'docx', title };
}

/** Trims trailing spaces per line, keeps at most `maxBlank` consecutive blank lines, drops blank edges. */
function tidyLines(text: string, maxBlank: number): string {
  const out: string[] = [];
  let blank = 0;
  for (const line of text.split('\n')) {
    const t = line.trimEnd();
    if (t === '') {
      blank++;
      continue;
    }
    if (out.length > 0) for (let i = 0; i < Math.min(blank, maxBlank); i++) out.push('');
    blank = 0;
    out.push(t);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// .html

function readHtml(file: string, bytes: Buffer): ReadDocument {
  const { text: html, encoding } = decodeBytes(file, bytes, declaredCharset(bytes));
  const { text, title } = htmlToText(html);
  const fallback = firstLine(text);
  if (fallback === undefined) throw noText(file);
  return { file, text, format: 'html', encoding, title: title ?? fallback };
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv Content-Type). */
function declaredCharset(bytes: Buffer): string | undefined {
  // Browsers look only at the first 1024 bytes; real pages sometimes put long scripts first, so look further.
  const head = bytes.subarray(0, 8192).toString('latin1');
  const meta = /<meta\b[^>]{0,512}?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})/i.exec(head);
  if (meta) return meta[1];
  const xml = /^\s*<\?xml[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})/i.exec(head);
  return xml?.[1];
}

// Elements whose start or end breaks the line, as their default CSS display would.
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot',
  'thead', 'tr', 'ul', 'xmp',
]);
// Elements whose content is never shown as text; skipped up to their closing tag without parsing.
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'xml']);
const FOREIGN_TAGS = new Set(['svg', 'math', 'xml']);
// Elements allowed inside <head>; any other start tag means the body has begun even without <body>.
const HEAD_TAGS = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'title', 'style', 'script', 'noscript', 'template']);

const closerCache = new Map<string, RegExp>();
function closerOf(name: string): RegExp {
  let re = closerCache.get(name);
  if (!re) {
    // Literal prefix search, so linear; the lookahead stops </scriptx from matching </script.
    re = new RegExp(`</${name}(?=[\\s/>]|$)`, 'gi');
    closerCache.set(name, re);
  }
  return re;
}

function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isNameChar(c: number): boolean {
  return isAlpha(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a || c === 0x5f;
}

function isHtmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/** Index of the '>' ending a tag whose attributes start at `from`, skipping quoted attribute values; -1 if none. */
function tagEnd(html: string, from: number): number {
  let j = from;
  const n = html.length;
  while (j < n) {
    const c = html.charCodeAt(j);
    if (c === 0x3e) return j;
    j++;
    if (c !== 0x3d) continue;
    while (j < n && isHtmlSpace(html.charCodeAt(j))) j++;
    const q = html.charCodeAt(j);
    if (q === 0x22 || q === 0x27) {
      const close = html.indexOf(q === 0x22 ? '"' : "'", j + 1);
      if (close === -1) return -1;
      j = close + 1;
    }
  }
  return -1;
}

/** Converts HTML to plain text in one linear pass, the way a browser lays out blocks and spaces. */
export function htmlToText(html: string): { text: string; title?: string } {
  const out: string[] = [];
  let atLineStart = true;
  let pendingSpace = false;
  let inHead = false;
  let preDepth = 0;
  let titleText: string | undefined;
  let h1Title: string | undefined;
  let h1Parts: string[] | undefined;

  const emit = (s: string) => {
    if (!s) return;
    out.push(s);
    atLineStart = s.charCodeAt(s.length - 1) === 0x0a;
    h1Parts?.push(s);
  };
  const newline = () => {
    if (!atLineStart) emit('\n');
    pendingSpace = false;
  };
  const text = (raw: string) => {
    if (inHead) {
      if (/^[ \t\n\r\f]*$/.test(raw)) return;
      inHead = false;
    }
    const decoded = decodeEntities(raw);
    if (preDepth > 0) {
      emit(decoded.replace(/\r\n?/g, '\n'));
      pendingSpace = false;
      return;
    }
    // CSS white-space: normal collapses ASCII whitespace only; &nbsp; and U+3000 indentation survive.
    const collapsed = decoded.replace(/[ \t\n\r\f]+/g, ' ');
    if (collapsed === ' ') {
      pendingSpace = true;
      return;
    }
    const lead = collapsed.charCodeAt(0) === 0x20;
    const trail = collapsed.charCodeAt(collapsed.length - 1) === 0x20;
    const core = collapsed.slice(lead ? 1 : 0, trail ? -1 : undefined);
    if (!core) return;
    if ((pendingSpace || lead) && !atLineStart) emit(' ');
    emit(core);
    pendingSpace = trail;
  };

  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    if (lt > i) text(html.slice(i, lt));
    i = lt;
    const next = html.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      if (html.startsWith('<!--', i)) {
        const close = html.indexOf('-->', i + 4);
        i = close === -1 ? n : close + 3;
      } else {
        // <!DOCTYPE>, <![CDATA[...]]> and other declarations: bogus comments in HTML.
        const close = html.indexOf('>', i + 2);
        i = close === -1 ? n : close + 1;
      }
      continue;
    }
    if (next === 0x3f /* ? */) {
      const close = html.indexOf('>', i + 2);
      i = close === -1 ? n : close + 1;
      continue;
    }
    const closing = next === 0x2f; /* / */
    const nameStart = i + (closing ? 2 : 1);
    if (!isAlpha(html.charCodeAt(nameStart))) {
      // A bare '<' as in "a < b" is text.
      text('<');
      i = lt + 1;
      continue;
    }
    let nameEnd = nameStart + 1;
    while (nameEnd < n && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const end = tagEnd(html, nameEnd);
    if (end === -1) break; // an unterminated tag at EOF is dropped, as browsers do
    i = end + 1;

    // Foreign content (svg, math) honours <x/>; for HTML elements a trailing slash means nothing.
    const selfClosed = html.charCodeAt(end - 1) === 0x2f && FOREIGN_TAGS.has(name);
    if (!closing && !selfClosed && (SKIP_TAGS.has(name) || name === 'title')) {
      const closer = closerOf(name);
      closer.lastIndex = i;
      const m = closer.exec(html);
      const contentEnd = m ? m.index : n;
      if (name === 'title' && titleText === undefined) {
        titleText = decodeEntities(html.slice(i, contentEnd)).replace(/\s+/g, ' ').trim() || undefined;
      }
      if (!m) break;
      const close = tagEnd(html, m.index + 2 + name.length);
      i = close === -1 ? n : close + 1;
      continue;
    }

    if (name === 'head') {
      inHead = !closing;
      continue;
    }
    if (inHead && (closing || !HEAD_TAGS.has(name))) inHead = false;

    switch (name) {
      case 'br':
        if (!closing) {
          emit('\n');
          pendingSpace = false;
        }
        break;
      case 'td':
      case 'th':
        // Cells of one row share a line, separated by a tab.
        if (!closing && !atLineStart) {
          emit('\t');
          pendingSpace = false;
        }
        break;
      default:
        if (BLOCK_TAGS.has(name)) {
          newline();
          if (name === 'pre' || name === 'listing' || name === 'xmp') preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
          if (name === 'h1' && h1Title === undefined) {
            if (!closing) h1Parts ??= [];
            else if (h1Parts !== undefined) {
              h1Title = h1Parts.join('').replace(/\s+/g, ' ').trim() || undefined;
              h1Parts = undefined;
            }
          }
        }
    }
  }

  return { text: tidyLines(out.join(''), 1), title: titleText ?? h1Title };
}

// ---------------------------------------------------------------------------------------------
// Entities

const NAMED_ENTITIES = new Map<string, string>([
  ['nbsp', '\u00a0'], ['ensp', '\u2002'], ['emsp', '\u2003'], ['thinsp', '\u2009'], ['zwnj', '\u200c'], ['zwj', '\u200d'],
  ['lrm', '\u200e'], ['rlm', '\u200f'], ['shy', ''],
  ['lt', '<'], ['gt', '>'], ['amp', '&'], ['quot', '"'], ['apos', "'"], ['LT', '<'], ['GT', '>'], ['AMP', '&'], ['QUOT', '"'],
  ['ldquo', '\u201c'], ['rdquo', '\u201d'], ['lsquo', '\u2018'], ['rsquo', '\u2019'], ['sbquo', '\u201a'], ['bdquo', '\u201e'],
  ['laquo', '\u00ab'], ['raquo', '\u00bb'], ['lsaquo', '\u2039'], ['rsaquo', '\u203a'],
  ['mdash', '\u2014'], ['ndash', '\u2013'], ['hellip', '\u2026'], ['middot', '\u00b7'], ['bull', '\u2022'], ['minus', '\u2212'],
  ['prime', '\u2032'], ['Prime', '\u2033'], ['permil', '\u2030'], ['dagger', '\u2020'], ['Dagger', '\u2021'], ['loz', '\u25ca'],
  ['copy', '\u00a9'], ['COPY', '\u00a9'], ['reg', '\u00ae'], ['REG', '\u00ae'], ['trade', '\u2122'],
  ['times', '\u00d7'], ['divide', '\u00f7'], ['plusmn', '\u00b1'], ['deg', '\u00b0'], ['micro', '\u00b5'],
  ['le', '\u2264'], ['ge', '\u2265'], ['ne', '\u2260'], ['asymp', '\u2248'], ['infin', '\u221e'],
  ['larr', '\u2190'], ['rarr', '\u2192'], ['uarr', '\u2191'], ['darr', '\u2193'], ['harr', '\u2194'],
  ['sect', '\u00a7'], ['para', '\u00b6'], ['yen', '\u00a5'], ['cent', '\u00a2'], ['pound', '\u00a3'], ['euro', '\u20ac'],
  ['frac12', '\u00bd'], ['frac14', '\u00bc'], ['frac34', '\u00be'], ['sup1', '\u00b9'], ['sup2', '\u00b2'], ['sup3', '\u00b3'],
  ['iexcl', '\u00a1'], ['iquest', '\u00bf'], ['ordm', '\u00ba'], ['ordf', '\u00aa'], ['not', '\u00ac'], ['macr', '\u00af'],
]);

// Browsers read &#128;–&#159; as Windows-1252, which old Word-exported pages rely on for quotes and dashes.
const CP1252 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function fromCodePoint(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return CP1252[code - 0x80] ?? '\ufffd';
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** Decodes named (common subset) and numeric character references; unknown names stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z][A-Za-z0-9]{1,31}));?/g, (all, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    return (name === undefined ? undefined : NAMED_ENTITIES.get(name)) ?? all;
  });
}
