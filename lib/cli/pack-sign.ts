// Publisher commands (issue 4): pack keygen | sign | verify. A legal office makes a key pair once,
// builds a pack from rules/<pack>, signs it, and hands out SIGNED.json; `verify` is what anyone
// can run on the file before passing it on. Exit codes: 0 ok, 1 the file does not verify, 2 usage.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateForSigning, parsePackFile } from '../packs/import';
import { loadBuiltinPacks } from '../packs/load';
import { BuiltPackSchema } from '../packs/schema';
import { generateKeyPair, PrivateKeySchema, PublicKeySchema, signPack, verifyPack, type PrivateKey, type PublicKey } from '../packs/sign';
import { PackError } from '../store/pack-error';

/** File names inside a key folder. */
export const PUBLIC_FILE = 'publisher.pub.json';
export const PRIVATE_FILE = 'publisher.key.json';

/** A problem with the command line: exit code 2. */
export class SignUsageError extends Error {}

function usage(message: string): never {
  throw new SignUsageError(message);
}

function readJson(file: string): unknown {
  if (!existsSync(file)) usage(`找不到文件 ${file} / no such file ${file}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    usage(`${file} 不是有效的 JSON / ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

function keyFile(arg: string, name: string): string {
  return existsSync(arg) && statSync(arg).isDirectory() ? join(arg, name) : arg;
}

function readPrivateKey(arg: string): PrivateKey {
  const r = PrivateKeySchema.safeParse(readJson(keyFile(arg, PRIVATE_FILE)));
  if (!r.success) usage(`${arg} 不是 fashen 私钥 / ${arg} is not a fashen private key: ${r.error.issues[0]?.path.join('.')}`);
  return r.data;
}

function readPublicKey(arg: string): PublicKey {
  const r = PublicKeySchema.safeParse(readJson(keyFile(arg, PUBLIC_FILE)));
  if (!r.success) usage(`${arg} 不是 fashen 公钥 / ${arg} is not a fashen public key: ${r.error.issues[0]?.path.join('.')}`);
  return r.data;
}

async function keygen(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, name: { type: 'string' } } });
  if (!values.out) usage('请用 --out 指定密钥目录 / give --out KEYDIR');
  const dir = resolve(values.out);
  if (existsSync(join(dir, PRIVATE_FILE)) || existsSync(join(dir, PUBLIC_FILE))) usage(`${dir} 中已有密钥，不会覆盖 / ${dir} already holds a key; not overwriting`);
  mkdirSync(dir, { recursive: true });
  const { publicKey, privateKey } = await generateKeyPair(values.name ?? 'fashen publisher');
  writeFileSync(join(dir, PRIVATE_FILE), JSON.stringify(privateKey, null, 1) + '\n', { mode: 0o600 });
  chmodSync(join(dir, PRIVATE_FILE), 0o600);
  writeFileSync(join(dir, PUBLIC_FILE), JSON.stringify(publicKey, null, 1) + '\n');
  process.stderr.write(
    `已生成密钥 ${publicKey.keyId}（${publicKey.name}）：私钥 ${join(dir, PRIVATE_FILE)} 请妥善保管，公钥 ${join(dir, PUBLIC_FILE)} 分发给使用者 / ` +
      `key ${publicKey.keyId} written: keep ${PRIVATE_FILE} secret, hand out ${PUBLIC_FILE}\n`,
  );
  process.stdout.write(`${publicKey.keyId}\n`);
  return 0;
}

async function sign(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { key: { type: 'string' }, out: { type: 'string' } } });
  const file = positionals[0];
  if (!file) usage('请指定规则包文件 PACK.json / give PACK.json');
  if (!values.key) usage('请用 --key 指定密钥目录 / give --key KEYDIR');
  const key = readPrivateKey(values.key);
  const raw = readJson(file);
  const parsed = BuiltPackSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new PackError('schema', '规则包不合规，拒绝签名', 'the pack is invalid; not signing', i?.path.join('.') ?? '');
  }
  // sign only what the extension would accept: same checks as its import pipeline
  const builtins = loadBuiltinPacks();
  builtins.delete(parsed.data.manifest.id);
  validateForSigning(parsed.data, builtins);
  const signed = await signPack(raw, key);
  const json = JSON.stringify(signed, null, 1) + '\n';
  if (values.out) {
    mkdirSync(dirname(resolve(values.out)), { recursive: true });
    writeFileSync(values.out, json);
    process.stderr.write(`已签名 ${parsed.data.manifest.id}@${parsed.data.manifest.version}（密钥 ${key.keyId}，sha256 ${signed.sha256}） → ${values.out} / signed\n`);
  } else process.stdout.write(json);
  return 0;
}

async function verify(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { trust: { type: 'string', multiple: true, default: [] } } });
  const file = positionals[0];
  if (!file) usage('请指定签名规则包 SIGNED.json / give SIGNED.json');
  if (!values.trust.length) usage('请用 --trust 指定受信任的密钥目录或公钥文件 / give --trust KEYDIR');
  const keys = values.trust.map(readPublicKey);
  if (!existsSync(file)) usage(`找不到文件 ${file} / no such file ${file}`);
  try {
    const parsed = parsePackFile(readFileSync(file));
    if (!parsed.signature || parsed.sha256 === null) throw new PackError('unsigned', '文件未签名', 'the file is not signed', 'signature');
    const v = await verifyPack(parsed.raw, parsed.sha256, parsed.signature, keys);
    if (!v.ok) throw new PackError(v.problem.code, v.problem.zh, v.problem.en);
    const m = parsed.pack.manifest;
    process.stdout.write(`✓ ${m.id}@${m.version}（${parsed.pack.rules.length} 条规则）由 ${v.key.name}（${v.key.keyId}）签名，内容完整 / intact and signed by ${v.key.name}\n  sha256 ${parsed.sha256}\n`);
    return 0;
  } catch (e) {
    if (e instanceof PackError) {
      process.stdout.write(`✗ ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** `pack keygen|sign|verify …`: the publisher's side. */
export async function packSignCommand(sub: string, args: string[]): Promise<number> {
  try {
    if (sub === 'keygen') return await keygen(args);
    if (sub === 'sign') return await sign(args);
    return await verify(args);
  } catch (e) {
    if (e instanceof PackError) {
      process.stderr.write(`${e.message}\n${e.details.map((d) => `  ${d}\n`).join('')}`);
      return 1;
    }
    throw e;
  }
}

/** Subcommands this module answers. */
export const SIGN_SUBCOMMANDS = ['keygen', 'sign', 'verify'] as const;
