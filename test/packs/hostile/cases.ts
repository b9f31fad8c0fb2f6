// The hostile-pack suite (issue 4): files a broken build, a careless editor or an attacker could
// put on a USB stick. Each case is generated at run time (keys included) and names the refusal it
// must get. `npx tsx test/packs/hostile/generate.ts DIR` writes them out for trying by hand.
import type { BuiltPack } from '../../../lib/packs/schema';
import { signPack, type PrivateKey } from '../../../lib/packs/sign';
import { bump, national, testKeys } from '../../store/fixture';

/** One hostile file and the refusal it must get. */
export interface HostileCase {
  name: string;
  file: () => Promise<Uint8Array>;
  code: string;
  /** the field path the error must name (exact string or pattern) */
  path?: string | RegExp;
  /** the error text (zh or en) must match */
  says?: RegExp;
  /** import it with the developer switch on (the refusal must hold even then) */
  trustFile?: boolean;
}

const enc = new TextEncoder();
const text = (s: string) => async () => enc.encode(s);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A valid next version of national (1.1.0) as plain JSON, to be broken by `edit`. */
function base(): Json {
  return JSON.parse(JSON.stringify(bump(national, '1.1.0'))) as Json;
}

async function signed(pack: unknown, key?: PrivateKey): Promise<Json> {
  return (await signPack(pack, key ?? (await testKeys()).trusted.privateKey)) as unknown as Json;
}

/** Break the pack, then sign it properly: the refusal must come from the content, not the signature. */
function packCase(name: string, code: string, path: string | RegExp | undefined, edit: (p: Json) => void, says?: RegExp): HostileCase {
  return {
    name,
    code,
    path,
    says,
    file: async () => {
      const p = base();
      edit(p);
      return enc.encode(JSON.stringify(await signed(p)));
    },
  };
}

/** Sign a valid pack, then break the envelope. */
function envelopeCase(name: string, code: string, path: string | RegExp | undefined, edit: (e: Json) => void | Promise<void>, trustFile = false): HostileCase {
  return {
    name,
    code,
    path,
    trustFile,
    file: async () => {
      const e = await signed(base());
      await edit(e);
      return enc.encode(JSON.stringify(e));
    },
  };
}

const rule = (p: Json, id: string): Json => (p.rules as Json[]).find((r) => r.id === id)!;
const idx = (id: string): number => national.rules.findIndex((r) => r.id === id);
const FINE = idx('penalty-fine');

export function hostileCases(): HostileCase[] {
  return [
    // --- not a pack file at all
    { name: 'empty file', file: text(''), code: 'empty' },
    { name: 'a 50 MB file', file: async () => new Uint8Array(50 * 1024 * 1024).fill(0x20), code: 'too-large' },
    { name: 'just over the size limit, valid JSON inside', file: async () => enc.encode(`{"format":"fashen-signed-pack/1","pad":"${'x'.repeat(8 * 1024 * 1024)}"}`), code: 'too-large' },
    { name: 'invalid UTF-8', file: async () => new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), code: 'encoding' },
    { name: 'GBK-encoded text', file: async () => new Uint8Array([0xb7, 0xa8, 0xc9, 0xf3]), code: 'encoding' },
    { name: 'malformed JSON (garbage)', file: text('this is not json'), code: 'json' },
    { name: 'truncated JSON', file: async () => enc.encode(new TextDecoder().decode(await envelopeCase('', '', '', () => undefined).file()).slice(0, 500)), code: 'json' },
    { name: 'trailing comma', file: text('{"format":"fashen-signed-pack/1",}'), code: 'json' },
    { name: 'JSON with comments', file: text('// pack\n{"format":"fashen-signed-pack/1"}'), code: 'json' },
    { name: 'top level is an array', file: text('[1,2,3]'), code: 'schema', path: '(根/root)' },
    { name: 'top level is null', file: text('null'), code: 'schema' },
    { name: 'top level is a string', file: text('"fashen-signed-pack/1"'), code: 'schema' },
    { name: 'deeply nested arrays', file: text('['.repeat(100_000) + ']'.repeat(100_000)), code: 'schema' },
    { name: 'unknown format', file: text('{"format":"fashen-signed-pack/9","pack":{}}'), code: 'format', path: 'format' },
    { name: 'no format field', file: text('{"manifest":{},"rules":[]}'), code: 'format', path: 'format' },
    { name: 'a rule file (YAML), not a built pack', file: text('id: penalty-fine\nname: 设定罚款\n'), code: 'json' },

    // --- signature and trust
    { name: 'unsigned pack', file: async () => enc.encode(JSON.stringify(base())), code: 'unsigned', path: 'signature' },
    envelopeCase('signature block missing', 'schema', 'signature', (e) => void delete e.signature),
    envelopeCase('sha256 missing', 'schema', 'sha256', (e) => void delete e.sha256),
    envelopeCase('signature algorithm "none"', 'schema', 'signature.alg', (e) => void (e.signature.alg = 'none')),
    envelopeCase('signature algorithm RS256', 'schema', 'signature.alg', (e) => void (e.signature.alg = 'RS256')),
    envelopeCase('signature value not base64', 'schema', 'signature.value', (e) => void (e.signature.value = '!'.repeat(88))),
    envelopeCase('signature value too short', 'schema', 'signature.value', (e) => void (e.signature.value = e.signature.value.slice(0, 40))),
    envelopeCase('signature value all zero', 'bad-signature', 'signature.value', (e) => void (e.signature.value = `${'A'.repeat(86)}==`)),
    envelopeCase('signature bytes flipped', 'bad-signature', 'signature.value', (e) => {
      const v: string = e.signature.value;
      e.signature.value = (v[0] === 'A' ? 'B' : 'A') + v.slice(1);
    }),
    envelopeCase('sha256 not hex', 'schema', 'sha256', (e) => void (e.sha256 = 'z'.repeat(64))),
    envelopeCase('extra field in the envelope', 'schema', '(根/root)', (e) => void (e.note = 'trust me')),
    envelopeCase('extra field in the signature', 'schema', 'signature', (e) => void (e.signature.x5u = 'http://evil.example/key')),
    {
      name: 'signed by an untrusted key',
      code: 'untrusted-key',
      path: 'signature.keyId',
      file: async () => enc.encode(JSON.stringify(await signed(base(), (await testKeys()).stranger.privateKey))),
    },
    envelopeCase('untrusted signer claims the trusted key id', 'bad-signature', 'signature.value', async (e) => {
      const other = await signed(base(), (await testKeys()).stranger.privateKey);
      e.signature.value = other.signature.value;
    }),
    envelopeCase('valid signature, then a rule tampered (fine rule disabled)', 'sha256-mismatch', 'sha256', (e) => void (rule(e.pack, 'penalty-fine').enabled = false)),
    envelopeCase('valid signature, then a rule removed', 'sha256-mismatch', 'sha256', (e) => void (e.pack.rules = e.pack.rules.filter((r: Json) => r.id !== 'penalty-fine'))),
    envelopeCase('valid signature, then a pattern loosened', 'sha256-mismatch', 'sha256', (e) => void (rule(e.pack, 'penalty-fine').match = ['永远不会出现的文字'])),
    envelopeCase(
      'tampered rule with the sha256 recomputed',
      'bad-signature',
      'signature.value',
      async (e) => {
        rule(e.pack, 'penalty-fine').enabled = false;
        const fresh = await signed(e.pack);
        e.sha256 = fresh.sha256; // the hash now matches; the signature does not
      },
    ),
    envelopeCase('tampered pack is refused even with the developer switch', 'sha256-mismatch', 'sha256', (e) => void (e.pack.manifest.parameters.commentMinDays = 1), true),
    envelopeCase('a signature from another pack pasted on', 'sha256-mismatch', 'sha256', async (e) => {
      const other = await signed(bump(national, '9.9.9'));
      e.sha256 = other.sha256;
      e.signature = other.signature;
    }),

    // --- schema: every refusal names its field
    packCase('wrong format inside the signed pack', 'schema', 'pack.format', (p) => void (p.format = 'fashen-pack/2')),
    packCase('manifest missing', 'schema', 'pack.manifest', (p) => void delete p.manifest),
    packCase('manifest id with capitals and spaces', 'schema', 'pack.manifest.id', (p) => void (p.manifest.id = 'National Pack')),
    packCase('version not semver', 'schema', 'pack.manifest.version', (p) => void (p.manifest.version = 'v2')),
    packCase('validAsOf not a date', 'schema', 'pack.manifest.validAsOf', (p) => void (p.manifest.validAsOf = '2026年1月1日')),
    packCase('jurisdiction level unknown', 'schema', 'pack.manifest.jurisdiction.level', (p) => void (p.manifest.jurisdiction.level = 'planet')),
    packCase('pack name without English', 'schema', 'pack.manifest.name.en', (p) => void delete p.manifest.name.en),
    packCase('comment period of zero days', 'schema', 'pack.manifest.parameters.commentMinDays', (p) => void (p.manifest.parameters.commentMinDays = 0)),
    packCase('validity as a string', 'schema', 'pack.manifest.parameters.validityMaxYears', (p) => void (p.manifest.parameters.validityMaxYears = '5')),
    packCase('rules is an object', 'schema', 'pack.rules', (p) => void (p.rules = { 'penalty-fine': {} })),
    packCase('rule without id', 'schema', `pack.rules.${FINE}.id`, (p) => void delete rule(p, 'penalty-fine').id),
    packCase('rule id with a slash', 'schema', `pack.rules.${FINE}.id`, (p) => void (rule(p, 'penalty-fine').id = '../../etc')),
    packCase('rule category unknown', 'schema', `pack.rules.${FINE}.category`, (p) => void (rule(p, 'penalty-fine').category = 'tax')),
    packCase('rule severity unknown', 'schema', `pack.rules.${FINE}.severity`, (p) => void (rule(p, 'penalty-fine').severity = 'fatal')),
    packCase('rule check kind unknown', 'schema', `pack.rules.${FINE}.check`, (p) => void (rule(p, 'penalty-fine').check = 'eval')),
    packCase('rule with an unknown field', 'schema', `pack.rules.${FINE}`, (p) => void (rule(p, 'penalty-fine').script = 'alert(1)')),
    packCase('message as a number', 'schema', `pack.rules.${FINE}.messages.zh-CN`, (p) => void (rule(p, 'penalty-fine').messages['zh-CN'] = 42)),
    packCase('empty basis', 'schema', `pack.rules.${FINE}.basis`, (p) => void (rule(p, 'penalty-fine').basis = [])),
    packCase('flag example without a [[marked]] span', 'schema', `pack.rules.${FINE}.examples.flag.0`, (p) => void (rule(p, 'penalty-fine').examples.flag[0] = '没有标记的示例')),
    packCase('no pass example', 'schema', `pack.rules.${FINE}.examples.pass`, (p) => void (rule(p, 'penalty-fine').examples.pass = [])),
    packCase('__proto__ key in a rule', 'schema', `pack.rules.${FINE}`, (p) => {
      Object.defineProperty(rule(p, 'penalty-fine'), '__proto__', { value: { enabled: false }, enumerable: true });
    }),

    // --- content
    packCase('duplicate rule ids', 'duplicate-id', `pack.rules.${national.rules.length}.id`, (p) => void p.rules.push(JSON.parse(JSON.stringify(rule(p, 'penalty-fine'))))),
    packCase('a pack that extends itself', 'extends-self', 'pack.manifest.extends', (p) => void (p.manifest.extends = 'national')),
    packCase('extends a pack that is not installed', 'missing-base', 'pack.manifest.extends', (p) => {
      p.manifest.id = 'orphan-county';
      p.manifest.extends = 'shangri-la';
    }),
    packCase('HTML in a message', 'markup', `pack.rules.${FINE}.messages.zh-CN`, (p) => void (rule(p, 'penalty-fine').messages['zh-CN'] = '<img src=x onerror=alert(1)>设定罚款')),
    packCase('script in a suggestion', 'markup', `pack.rules.${FINE}.suggestion.en`, (p) => void (rule(p, 'penalty-fine').suggestion.en = 'Remove it <script>fetch("//evil")</script>')),
    packCase('javascript: URL in the basis', 'markup', `pack.rules.${FINE}.basis.0`, (p) => void (rule(p, 'penalty-fine').basis[0] = 'javascript:alert(document.cookie)')),
    packCase('HTML in the pack name', 'markup', 'pack.manifest.name.zh-CN', (p) => void (p.manifest.name['zh-CN'] = '<b>全国</b>规则包')),
    packCase('closing tag in a note', 'markup', 'pack.manifest.notes.0', (p) => void (p.manifest.notes = ['</div><iframe src=//evil>'])),
    packCase('right-to-left override in a rule name', 'markup', `pack.rules.${FINE}.name`, (p) => void (rule(p, 'penalty-fine').name = '设定\u202E款罚')),
    packCase('control character in a message', 'markup', `pack.rules.${FINE}.messages.en`, (p) => void (rule(p, 'penalty-fine').messages.en = 'fine\u0007')),

    // --- patterns under the regex guard
    packCase('catastrophic regex (a+)+', 'unsafe-pattern', `pack.rules.${FINE}.match.0`, (p) => void (rule(p, 'penalty-fine').match[0] = '(罚+)+款'), /nested quantifiers|嵌套量词/),
    packCase('catastrophic alternation (a|aa)*', 'unsafe-pattern', `pack.rules.${FINE}.match.0`, (p) => void (rule(p, 'penalty-fine').match[0] = '(罚|罚罚)*款')),
    packCase('unbounded wildcard .*', 'unsafe-pattern', `pack.rules.${FINE}.match.0`, (p) => void (rule(p, 'penalty-fine').match[0] = '处.*罚款')),
    packCase('backreference', 'unsafe-pattern', `pack.rules.${FINE}.match.0`, (p) => void (rule(p, 'penalty-fine').match[0] = '(罚)\\1款')),
    packCase('repetition bound too high', 'unsafe-pattern', `pack.rules.${FINE}.match.0`, (p) => void (rule(p, 'penalty-fine').match[0] = '处[^。]{0,5000}罚款')),
    packCase('invalid regex syntax', 'unsafe-pattern', `pack.rules.${FINE}.match.0`, (p) => void (rule(p, 'penalty-fine').match[0] = '处(罚款'), /语法错误|invalid regular expression/),
    packCase('catastrophic regex in an unless guard', 'unsafe-pattern', `pack.rules.${FINE}.unless.0`, (p) => void (rule(p, 'penalty-fine').unless[0] = '(\\d+)*元')),
    packCase('catastrophic regex in a named guard set', 'unsafe-pattern', /^pack\.manifest\.guards\.[a-z-]+\.0$/, (p) => {
      const name = Object.keys(p.manifest.guards)[0]!;
      p.manifest.guards[name][0] = '([^。]+)+$';
    }),
    packCase('reference to an unknown guard set', 'compile', 'pack.rules', (p) => void rule(p, 'penalty-fine').unless.push('@no-such-set'), /@no-such-set/),

    // --- behaviour: every example re-run
    packCase('a flag example that is not flagged', 'example-failed', `pack.rules.${FINE}.examples.flag.0`, (p) => void (rule(p, 'penalty-fine').examples.flag[0] = '本办法自发布之日起[[施行]]。')),
    packCase('a pass example that is flagged', 'example-failed', `pack.rules.${FINE}.examples.pass.0`, (p) => void (rule(p, 'penalty-fine').examples.pass[0] = '逾期不改正的，处五百元罚款。')),
    packCase('a flagged span that is off by one', 'example-failed', `pack.rules.${FINE}.examples.flag.0`, (p) => void (rule(p, 'penalty-fine').examples.flag[0] = '逾期不改正的，[[罚款2000]]元。')),
    packCase('a pattern that matches nothing any more', 'example-failed', new RegExp(`^pack\\.rules\\.${FINE}\\.examples\\.flag\\.\\d+$`), (p) => void (rule(p, 'penalty-fine').match = ['永远不会出现的文字'])),

    // --- versions
    packCase('a downgrade (0.9.0 below the installed 1.0.0)', 'downgrade', 'pack.manifest.version', (p) => void (p.manifest.version = '0.9.0'), /回退|rollback/),
    packCase('a pre-release of the installed version', 'downgrade', 'pack.manifest.version', (p) => void (p.manifest.version = '1.0.0-rc.1')),
    packCase('the installed version with different content', 'version-conflict', 'pack.manifest.version', (p) => {
      p.manifest.version = '1.0.0';
      p.manifest.notes = [...p.manifest.notes, '改了内容却没改版本号'];
    }),
    {
      name: 'the installed version again, same content',
      code: 'already-installed',
      path: 'pack.manifest.version',
      file: async () => enc.encode(JSON.stringify(await signed(national as BuiltPack))),
    },
  ];
}
