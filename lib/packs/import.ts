// The import pipeline (issue 4): a pack file from a USB stick or an intranet share becomes an
// installed, active pack version, or nothing changes at all. Steps, each refusing with its own
// bilingual error naming the field path: size limit → UTF-8 → JSON → zod (envelope and pack) →
// content checks (duplicate ids, markup, self-extension) → signature against trusted keys →
// version (no downgrade except rollback) → every pattern under the regex guard → layering →
// every example of every rule re-run → one Dexie transaction that writes and activates.
import { z } from 'zod';
import type { FashenDb, PackRecord, PackSource } from '../store/db';
import { diffPacks, type PackDiff } from '../store/diff';
import { PackError } from '../store/pack-error';
import { applyRuleSwitches, assertCompiles, chainOf, readSnapshot, recordOf, trustedKeys, type Snapshot } from '../store/packs';
import { compareVersions } from '../store/semver';
import { zodIssueText } from './errors';
import { compilePack, PackCompileError, type CompiledPack } from './compile';
import { runPackExamples } from './examples';
import { compileGuarded, UnsafePatternError } from './regex-guard';
import { BuiltPackSchema, type BuiltPack } from './schema';
import { canonicalJson, sha256Hex, SignatureSchema, SIGNED_FORMAT, verifyPack, type PublicKey, type Signature } from './sign';

/** Largest pack file accepted: a 1,000-rule pack is about 1 MB. */
export const MAX_PACK_BYTES = 8 * 1024 * 1024;
/** Most rules one pack may carry (bounds compile and example work). */
export const MAX_RULES = 5000;

export { PackError };

const UNSIGNED_FORMAT = 'fashen-pack/1';

const SignedEnvelopeSchema = z.strictObject({
  format: z.literal(SIGNED_FORMAT),
  pack: BuiltPackSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256: 64 lowercase hex digits / sha256 须为 64 位小写十六进制'),
  signature: SignatureSchema,
});

function zodError(error: z.ZodError): PackError {
  const lines = error.issues.map((issue) => {
    const text = zodIssueText(issue, false);
    return { ...text, path: text.path || '(根/root)' };
  });
  const first = lines[0]!;
  const more = lines.length > 1 ? { zh: `（另有 ${lines.length - 1} 处问题）`, en: ` (and ${lines.length - 1} more)` } : { zh: '', en: '' };
  return new PackError('schema', `字段不合规：${first.zh}${more.zh}`, `invalid field: ${first.en}${more.en}`, first.path, lines.slice(0, 50).map((l) => `${l.path}: ${l.zh} / ${l.en}`));
}

/** A pack file, read: the validated pack, the exact JSON value that was signed, and its signature block. */
export interface ParsedPackFile {
  pack: BuiltPack;
  raw: unknown;
  sha256: string | null;
  signature: Signature | null;
}

/** Size, encoding, JSON and schema: everything that needs no key and no database. */
export function parsePackFile(bytes: Uint8Array): ParsedPackFile {
  if (bytes.byteLength > MAX_PACK_BYTES) {
    throw new PackError('too-large', `文件过大（${(bytes.byteLength / 1048576).toFixed(1)} MB，上限 ${MAX_PACK_BYTES / 1048576} MB）`, `file too large (${(bytes.byteLength / 1048576).toFixed(1)} MB, limit ${MAX_PACK_BYTES / 1048576} MB)`);
  }
  if (bytes.byteLength === 0) throw new PackError('empty', '文件为空', 'the file is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new PackError('encoding', '文件不是有效的 UTF-8 文本', 'the file is not valid UTF-8 text');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PackError('json', `不是有效的 JSON：${(e as Error).message}`, `not valid JSON: ${(e as Error).message}`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new PackError('schema', '文件顶层须为对象（规则包或签名规则包）', 'the top level must be an object (a pack or a signed pack)', '(根/root)');
  }
  const format = (json as { format?: unknown }).format;
  if (format === SIGNED_FORMAT) {
    const r = SignedEnvelopeSchema.safeParse(json);
    if (!r.success) throw zodError(r.error);
    return { pack: r.data.pack, raw: (json as { pack: unknown }).pack, sha256: r.data.sha256, signature: r.data.signature };
  }
  if (format === UNSIGNED_FORMAT) {
    const r = BuiltPackSchema.safeParse(json);
    if (!r.success) throw zodError(r.error);
    return { pack: r.data, raw: json, sha256: null, signature: null };
  }
  throw new PackError('format', `未知的文件格式 ${JSON.stringify(format ?? null).slice(0, 80)}（应为 ${SIGNED_FORMAT}）`, `unknown file format ${JSON.stringify(format ?? null).slice(0, 80)} (expected ${SIGNED_FORMAT})`, 'format');
}

// Text shown to people must be text: no markup (React escapes it anyway; this refuses the file
// that tries), no bidirectional overrides that make a message read differently from what it is.
const MARKUP = /<\s*\/?\s*[A-Za-z!?]|javascript\s*:|data\s*:\s*text\/html/i;
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function textProblem(s: string): { zh: string; en: string } | null {
  if (MARKUP.test(s)) return { zh: '文字中含有 HTML 标记或脚本', en: 'text contains HTML markup or script' };
  if (INVISIBLE.test(s)) return { zh: '文字中含有控制字符或双向文字覆盖字符', en: 'text contains control or bidirectional-override characters' };
  return null;
}

/** Content checks zod cannot express; `prefix` is where the pack sits in the file ('pack.' when signed). */
export function checkPackContent(pack: BuiltPack, prefix: string): void {
  const p = (path: string): string => `${prefix}${path}`;
  if (pack.rules.length > MAX_RULES) throw new PackError('too-many-rules', `规则过多（${pack.rules.length} 条，上限 ${MAX_RULES}）`, `too many rules (${pack.rules.length}, limit ${MAX_RULES})`, p('rules'));
  const m = pack.manifest;
  if (m.extends === m.id) throw new PackError('extends-self', '规则包不能继承自身', 'a pack cannot extend itself', p('manifest.extends'));
  const texts: [string, string][] = [
    ['manifest.name.zh-CN', m.name['zh-CN']],
    ['manifest.name.en', m.name.en],
    ['manifest.jurisdiction.name', m.jurisdiction.name],
    ['manifest.jurisdiction.code', m.jurisdiction.code],
    ...m.notes.map((n, i): [string, string] => [`manifest.notes.${i}`, n]),
    ...Object.entries(m.parameterBasis).map(([k, v]): [string, string] => [`manifest.parameterBasis.${k}`, v]),
  ];
  const seen = new Map<string, number>();
  pack.rules.forEach((r, i) => {
    const at = `rules.${i}`;
    const dup = seen.get(r.id);
    if (dup !== undefined) throw new PackError('duplicate-id', `规则编号重复：${r.id}（另见 rules.${dup}）`, `duplicate rule id ${r.id} (also at rules.${dup})`, p(`${at}.id`));
    seen.set(r.id, i);
    texts.push([`${at}.name`, r.name], [`${at}.messages.zh-CN`, r.messages['zh-CN']], [`${at}.messages.en`, r.messages.en]);
    if (r.suggestion) texts.push([`${at}.suggestion.zh-CN`, r.suggestion['zh-CN']], [`${at}.suggestion.en`, r.suggestion.en]);
    r.basis.forEach((b, j) => texts.push([`${at}.basis.${j}`, b]));
    (r.unverified ?? []).forEach((b, j) => texts.push([`${at}.unverified.${j}`, b]));
    r.examples.flag.forEach((e, j) => texts.push([`${at}.examples.flag.${j}`, e]));
    r.examples.pass.forEach((e, j) => texts.push([`${at}.examples.pass.${j}`, e]));
  });
  for (const [path, s] of texts) {
    const problem = textProblem(s);
    if (problem) throw new PackError('markup', problem.zh, problem.en, p(path));
  }
}

/**
 * Find the pattern the regex guard refuses and name its path. Only called once compilation has
 * failed: on the happy path compilePack's own guarded compile is the only one.
 */
function locateUnsafePattern(pack: BuiltPack, prefix: string): PackError | null {
  const all: [string, string][] = [];
  for (const [name, list] of Object.entries(pack.manifest.guards)) list.forEach((src, j) => all.push([src, `manifest.guards.${name}.${j}`]));
  pack.rules.forEach((r, i) => {
    if (r.check !== 'clause') return;
    for (const field of ['match', 'requires', 'unless', 'unlessParagraph', 'requireBefore', 'unlessBefore', 'unlessAfter'] as const) {
      r[field].forEach((src, j) => {
        if (!src.startsWith('@')) all.push([src, `rules.${i}.${field}.${j}`]);
      });
    }
  });
  for (const [src, path] of all) {
    try {
      compileGuarded(src, 'yd');
    } catch (e) {
      if (e instanceof UnsafePatternError) return new PackError('unsafe-pattern', e.zh, e.en, `${prefix}${path}`);
      throw e;
    }
  }
  return null;
}

/** Compile the pack on its base chain and re-run every example of every rule. */
export function checkPackBehaviour(chain: BuiltPack[], prefix: string, timings?: Record<string, number>): CompiledPack {
  let compiled: CompiledPack;
  const t0 = performance.now();
  try {
    compiled = compilePack(chain);
  } catch (e) {
    if (e instanceof UnsafePatternError) throw locateUnsafePattern(chain[chain.length - 1]!, prefix) ?? new PackError('unsafe-pattern', e.zh, e.en, `${prefix}rules`);
    if (e instanceof PackCompileError) throw new PackError('compile', e.zh, e.en, `${prefix}rules`);
    throw e;
  }
  if (timings) timings.compile = performance.now() - t0;
  const failures = runPackExamples(chain, compiled);
  if (failures.length) {
    const pack = chain[chain.length - 1]!;
    const f = failures[0]!;
    const i = pack.rules.findIndex((r) => r.id === f.ruleId);
    const rule = pack.rules[i]!;
    const j = (f.kind === 'flag' ? rule.examples.flag : rule.examples.pass).indexOf(f.example);
    throw new PackError(
      'example-failed',
      `规则 ${f.ruleId} 的${f.kind === 'flag' ? '应标出' : '不应标出'}示例未通过：${f.reason}${failures.length > 1 ? `（共 ${failures.length} 个示例未通过）` : ''}`,
      `rule ${f.ruleId}: ${f.kind} example fails: ${f.reason}${failures.length > 1 ? ` (${failures.length} failing examples)` : ''}`,
      `${prefix}rules.${i}.examples.${f.kind}.${j}`,
      failures.slice(0, 50).map((x) => `${x.ruleId} ${x.kind}: ${x.example} — ${x.reason}`),
    );
  }
  return compiled;
}

/** Options of one import. */
export interface ImportOptions {
  /** the developer switch: install an unsigned file, or one signed by an untrusted key */
  trustFile?: boolean;
  fileName?: string;
  now?: number;
  /** filled with the milliseconds of each step (the import bench prints them) */
  timings?: Record<string, number>;
}

/** What an import did. */
export interface ImportResult {
  id: string;
  version: string;
  previous: string | null;
  signed: boolean;
  publisher: string | null;
  keyId: string | null;
  diff: PackDiff;
}

/** Signature and trust: the key that signed it, or null for a file the user chose to trust. */
async function checkSignature(file: ParsedPackFile, bytes: Uint8Array<ArrayBuffer>, keys: PublicKey[], trustFile: boolean): Promise<PublicKey | null> {
  if (!file.signature || file.sha256 === null) {
    if (trustFile) return null;
    throw new PackError('unsigned', '规则包未签名；只有开启“信任此文件”开发者开关才能安装', 'the pack is not signed; only the "trust this file" developer switch can install it', 'signature');
  }
  const v = await verifyPack(file.raw, file.sha256, file.signature, keys, bytes);
  if (v.ok) return v.key;
  // a hash or signature that does not hold means the file was altered: never installable
  if (v.problem.code === 'untrusted-key' && trustFile) return null;
  const path = v.problem.code === 'sha256-mismatch' ? 'sha256' : v.problem.code === 'untrusted-key' ? 'signature.keyId' : 'signature.value';
  throw new PackError(v.problem.code, v.problem.zh, v.problem.en, path);
}

function checkVersion(snap: Snapshot, pack: BuiltPack, sha256: string, prefix: string): void {
  const { id, version } = pack.manifest;
  const installed = snap.records.filter((r) => r.id === id);
  const same = installed.find((r) => r.version === version);
  if (same) {
    if (same.sha256 === sha256) throw new PackError('already-installed', `规则包 ${id} ${version} 已安装，内容相同`, `pack ${id} ${version} is already installed with the same content`, `${prefix}manifest.version`);
    throw new PackError('version-conflict', `已安装的 ${id} ${version} 内容不同；发布者须提高版本号`, `a different ${id} ${version} is installed; the publisher must raise the version`, `${prefix}manifest.version`);
  }
  const newest = installed.map((r) => r.version).sort(compareVersions).pop();
  if (newest !== undefined && compareVersions(version, newest) < 0) {
    throw new PackError('downgrade', `版本 ${version} 低于已安装的 ${newest}；退回旧版本请使用“回退”`, `version ${version} is lower than the installed ${newest}; use rollback to go back`, `${prefix}manifest.version`);
  }
}

/** The whole pipeline. Throws PackError; on any throw the database is exactly as it was. */
export async function importPack(db: FashenDb, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  let t = performance.now();
  const lap = (step: string): void => {
    const now = performance.now();
    if (opts.timings) opts.timings[step] = now - t;
    t = now;
  };
  const file = parsePackFile(bytes);
  lap('parse');
  const prefix = file.signature ? 'pack.' : '';
  checkPackContent(file.pack, prefix);
  const canonical = canonicalJson(file.raw);
  const canonicalUtf8 = new TextEncoder().encode(canonical) as Uint8Array<ArrayBuffer>;
  const key = await checkSignature(file, canonicalUtf8, await trustedKeys(db), opts.trustFile === true);
  const digest = file.sha256 ?? (await sha256Hex(canonicalUtf8));
  lap('signature');

  const snap = await readSnapshot(db);
  const pack = file.pack;
  const { id, version } = pack.manifest;
  checkVersion(snap, pack, digest, prefix);
  const base = pack.manifest.extends;
  if (base !== undefined && !snap.active.has(base)) {
    throw new PackError('missing-base', `规则包继承的 ${base} 未安装`, `the pack extends ${base}, which is not installed`, `${prefix}manifest.extends`);
  }
  const chain = base === undefined ? [pack] : [...chainOf(snap, base), pack];
  checkPackBehaviour(chain, prefix, opts.timings);
  lap('compile+examples');

  // A local pack becomes the stack's top; a new base must still carry the local pack in use.
  const top = base !== undefined ? id : snap.stack;
  let stackChain: BuiltPack[];
  try {
    stackChain = chainOf(snap, top, pack);
  } catch (e) {
    throw e instanceof PackError ? new PackError('stack', e.zh, e.en, `${prefix}manifest.extends`) : e;
  }
  const sameAsChecked = stackChain.length === chain.length && stackChain.every((p, i) => p === chain[i]);
  const switched = snap.disabledRules.some((k) => stackChain.some((p) => k.startsWith(`${p.manifest.id}/`)));
  if (!sameAsChecked || switched) {
    try {
      assertCompiles(applyRuleSwitches(stackChain, snap.disabledRules));
    } catch (e) {
      const err = e as PackError;
      throw new PackError('stack', `启用后当前规则组合无法编译：${err.zh}`, `the active stack would not compile: ${err.en}`, `${prefix}manifest`);
    }
  }

  const previous = snap.active.get(id) ?? null;
  const diff = diffPacks(recordOf(snap, id, previous ?? undefined)?.pack ?? null, pack);
  const source: PackSource = key ? 'signed-file' : 'trusted-file';
  const record: PackRecord = {
    id,
    version,
    pack,
    canonical,
    sha256: digest,
    signature: key ? file.signature : null,
    keyId: key?.keyId ?? null,
    publisher: key?.name ?? null,
    installedAt: opts.now ?? Date.now(),
    source,
    fileName: opts.fileName?.slice(0, 255) ?? null,
  };

  lap('stack');
  await db.transaction('rw', db.packs, db.active, db.settings, async () => {
    // another import may have landed while the signature was checked
    const now = await readSnapshot(db);
    checkVersion(now, pack, digest, prefix);
    if ((now.active.get(id) ?? null) !== previous || now.stack !== snap.stack) {
      throw new PackError('conflict', '规则包在导入过程中被其他操作修改，请重试', 'the packs changed during the import; try again');
    }
    await db.packs.add(record);
    await db.active.put({ id, version });
    if (top !== now.stack) await db.settings.put({ key: 'stack', value: top });
    if (now.disabledPacks.includes(id)) await db.settings.put({ key: 'disabledPacks', value: now.disabledPacks.filter((p) => p !== id) });
  });
  lap('write');
  return { id, version, previous, signed: key !== null, publisher: key?.name ?? null, keyId: key?.keyId ?? null, diff };
}

/** The base chain of a pack outside any database (the CLI signs only packs that would import). */
export function validateForSigning(pack: BuiltPack, available: Map<string, BuiltPack>): void {
  checkPackContent(pack, '');
  const chain: BuiltPack[] = [pack];
  let cur = pack;
  while (cur.manifest.extends) {
    const b = cur.manifest.id === cur.manifest.extends ? undefined : available.get(cur.manifest.extends);
    if (!b) throw new PackError('missing-base', `规则包继承的 ${cur.manifest.extends} 不存在`, `the pack extends ${cur.manifest.extends}, which does not exist`, 'manifest.extends');
    chain.unshift(b);
    cur = b;
    if (chain.length > 8) throw new PackError('extends-cycle', '规则包继承关系成环', 'pack extends cycle');
  }
  checkPackBehaviour(chain, '');
}

