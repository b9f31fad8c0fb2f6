// fashen CLI: the same engine over files. `npm run -s fashen -- help` lists the commands.
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { check } from '../engine/index';
import { compilePack } from '../packs/compile';
import { describeZodError, PackValidationError } from '../packs/errors';
import { runPackExamples } from '../packs/examples';
import { loadBuiltinPacks, loadPackDir, resolveChain } from '../packs/load';
import { BuiltPackSchema, type BuiltPack } from '../packs/schema';
import { toJson, toText, type FileReport } from './format';
import { packSignCommand, SIGN_SUBCOMMANDS } from './pack-sign';
import { readDocument, ReadError } from './read-file';

const USAGE = `用法 / Usage:
  fashen check [--format text|json] [--pack ID|FILE]... FILE...
  fashen pack build rules/<pack> [--out PACK.json]
  fashen pack test rules/<pack>
  fashen pack keygen --out KEYDIR [--name NAME]
  fashen pack sign PACK.json --key KEYDIR [--out SIGNED.json]
  fashen pack verify SIGNED.json --trust KEYDIR   (0 完好且由该密钥签名 intact and signed by that key; 1 否则 otherwise)
退出码 / exit codes: 0 无错误级问题 no error-level finding; 1 有错误级问题 error-level findings; 2 用法错误或文件无法读取 bad usage or unreadable file`;

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

/** A pack given on the command line: a built-in id, a pack folder, or a built pack JSON file. */
function loadPackArg(arg: string, builtins: Map<string, BuiltPack>): BuiltPack {
  const builtin = builtins.get(arg);
  if (builtin) return builtin;
  if (!existsSync(arg)) fail(`找不到规则包 ${arg}（既不是内置规则包编号，也不是文件） / unknown pack ${arg} (neither a built-in id nor a file); built-in: ${[...builtins.keys()].join(', ')}`);
  if (statSync(arg).isDirectory()) return loadPackDir(arg);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(arg, 'utf8'));
  } catch (e) {
    fail(`规则包文件 ${arg} 不是有效的 JSON：${(e as Error).message} / pack file ${arg} is not valid JSON`);
  }
  const parsed = BuiltPackSchema.safeParse(json);
  if (!parsed.success) throw describeZodError(arg, parsed.error);
  return parsed.data;
}

function chainFor(packArgs: string[]) {
  const builtins = loadBuiltinPacks();
  const given = (packArgs.length ? packArgs : ['national']).map((a) => loadPackArg(a, builtins));
  const available = new Map(builtins);
  for (const p of given) available.set(p.manifest.id, p);
  // The last pack named is the most specific one; its `extends` chain supplies the rest.
  return resolveChain(given[given.length - 1]!, available);
}

async function cmdCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, pack: { type: 'string', multiple: true, default: [] } },
  });
  if (values.format !== 'text' && values.format !== 'json') fail(`--format 只能是 text 或 json / --format must be text or json, got ${values.format}`);
  if (positionals.length === 0) fail('请指定至少一个文件 / give at least one FILE');
  const compiled = compilePack(chainFor(values.pack));
  const out: FileReport[] = [];
  let exit = 0;
  for (const file of positionals) {
    try {
      const doc = await readDocument(file);
      const report = check(doc.text, compiled, doc.title ? { title: doc.title } : {});
      if (report.findings.some((f) => f.severity === 'error')) exit = Math.max(exit, 1);
      if (values.format === 'json') out.push(toJson(file, report));
      else process.stdout.write(toText(file, report) + '\n\n');
    } catch (e) {
      const message = e instanceof ReadError ? e.message : `无法检查文件 ${file} / cannot check ${file}: ${(e as Error).message}`;
      exit = 2;
      process.stderr.write(message + '\n');
      if (values.format === 'json') out.push({ file, error: message });
    }
  }
  if (values.format === 'json') process.stdout.write(JSON.stringify(out, null, 1) + '\n');
  else {
    const n = positionals.length;
    process.stdout.write(`检查了 ${n} 个文件，使用规则包 ${compiled.packs.map((p) => `${p.id}@${p.version}`).join(' + ')} / checked ${n} file(s)\n`);
  }
  return exit;
}

function cmdPack(args: string[]): number {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { out: { type: 'string' } } });
  const dir = positionals[0];
  if (!dir) fail('请指定规则包目录，如 rules/national / give a pack folder such as rules/national');
  const pack = loadPackDir(dir);
  const builtins = loadBuiltinPacks();
  const available = new Map(builtins);
  available.set(pack.manifest.id, pack);
  const chain = resolveChain(pack, available);
  const compiled = compilePack(chain);
  if (sub === 'build') {
    const json = JSON.stringify(pack, null, 1) + '\n';
    if (values.out) {
      mkdirSync(dirname(resolve(values.out)), { recursive: true });
      writeFileSync(values.out, json);
      process.stderr.write(`已写出 ${values.out}（${pack.manifest.id}@${pack.manifest.version}，${pack.rules.length} 条规则） / wrote ${values.out}\n`);
    } else process.stdout.write(json);
    return 0;
  }
  if (sub === 'test') {
    const failures = runPackExamples(chain, compiled);
    const total = pack.rules.reduce((n, r) => n + r.examples.flag.length + r.examples.pass.length, 0);
    for (const f of failures) process.stdout.write(`✗ ${f.ruleId} ${f.kind}: ${f.example.replace(/\n/g, '⏎')}\n    ${f.reason}\n`);
    process.stdout.write(`${pack.manifest.id}: ${total - failures.length}/${total} 个示例通过 / examples pass\n`);
    return failures.length ? 1 : 0;
  }
  fail(`未知的 pack 子命令 ${sub ?? ''} / unknown pack subcommand`);
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === 'check') return await cmdCheck(rest);
    // keygen/sign/verify: the publisher's commands (issue 4, lib/cli/pack-sign.ts)
    if (cmd === 'pack' && (SIGN_SUBCOMMANDS as readonly string[]).includes(rest[0] ?? '')) return await packSignCommand(rest[0]!, rest.slice(1));
    if (cmd === 'pack') return cmdPack(rest);
    if (cmd === 'help' || cmd === '--help' || cmd === '-h') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    fail(cmd ? `未知命令 ${cmd} / unknown command ${cmd}` : '缺少命令 / missing command');
  } catch (e) {
    if (e instanceof UsageError || e instanceof PackValidationError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
}

// `fashen check … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
