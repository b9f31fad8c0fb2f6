import { describe, expect, it } from 'vitest';
import { check } from '../../lib/engine/index';
import { compilePack, PackCompileError } from '../../lib/packs/compile';
import { PackValidationError } from '../../lib/packs/errors';
import { loadBuiltinPacks, resolveChain } from '../../lib/packs/load';
import { parsePackSources } from '../../lib/packs/parse';
import type { BuiltPack } from '../../lib/packs/schema';

const packs = loadBuiltinPacks();
const national = packs.get('national')!;

function local(overrides: Partial<BuiltPack['manifest']>, rules: BuiltPack['rules'] = []): BuiltPack {
  return { format: 'fashen-pack/1', manifest: { ...national.manifest, id: 'test-local', extends: 'national', guards: {}, disable: [], ...overrides }, rules };
}

describe('layering', () => {
  it('a local pack overrides parameters and keeps the rest', () => {
    const c = compilePack([national, local({ parameters: { provisionalValidityMaxYears: 2 } })]);
    expect(c.params).toMatchObject({ validityMaxYears: 5, provisionalValidityMaxYears: 2, commentMinDays: 30 });
  });

  it('a 暂行 document with a 3-year period is too long where the pack allows 2', () => {
    const text = '某某市停车管理暂行办法\n第二十条 本办法自2024年1月1日起施行，有效期3年。';
    expect(check(text, compilePack([national])).validity.status).toBe('ok');
    expect(check(text, compilePack([national, local({ parameters: { provisionalValidityMaxYears: 2 } })])).validity).toMatchObject({ status: 'too_long', limitYears: 2 });
  });

  it('disabling a rule removes its findings', () => {
    const text = '违反本办法的，由县城市管理局处一千元以上五千元以下罚款。';
    expect(check(text, compilePack([national])).findings.map((f) => f.ruleId)).toContain('penalty-fine');
    expect(check(text, compilePack([national, local({ disable: ['penalty-fine'] })])).findings.map((f) => f.ruleId)).not.toContain('penalty-fine');
  });

  it('refuses a chain whose extends does not match its base', () => {
    expect(() => compilePack([national, local({ extends: 'guangdong' })])).toThrow(PackCompileError);
  });

  it('refuses a rule that refers to an unknown guard set', () => {
    const rule = { ...national.rules.find((r) => r.id === 'penalty-fine')!, unless: ['@nope'] } as BuiltPack['rules'][number];
    expect(() => compilePack([national, local({}, [rule])])).toThrow(/@nope/);
  });

  it('every local pack resolves to national + itself', () => {
    for (const [id, pack] of packs) if (id !== 'national') expect(resolveChain(pack, packs).map((p) => p.manifest.id)).toEqual(['national', id]);
  });
});

describe('rule file validation', () => {
  const manifest = 'id: x-pack\nname: { zh-CN: 测试, en: test }\nversion: 1.0.0\njurisdiction: { code: X, name: 测试, level: city }\nvalidAsOf: 2026-01-01\n';
  it.each([
    ['severity: fatal', 'severity'],
    ['examples: { flag: [没有标记], pass: [a] }', 'examples.flag.0'],
    ['basis: []', 'basis'],
  ])('names the field path when %s', (patch, path) => {
    const base = national.rules.find((r) => r.id === 'penalty-warning')!;
    const yaml = JSON.stringify({ ...base }).replace(/^\{/, '{');
    const broken = yaml; // JSON is YAML: start from a valid rule, then break one field
    const obj = JSON.parse(broken) as Record<string, unknown>;
    const [key, value] = patch.split(/: (.*)/s) as [string, string];
    obj[key] = key === 'severity' ? value : key === 'basis' ? [] : { flag: ['没有标记'], pass: ['a'] };
    try {
      parsePackSources('x-pack', manifest, [{ file: 'penalty-warning.yaml', source: JSON.stringify(obj) }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PackValidationError);
      expect((e as PackValidationError).issues.map((i) => i.path)).toContain(path);
      expect((e as Error).message).toMatch(/[一-龥]/);
    }
  });

  it('refuses a rule whose id does not match its file name', () => {
    const base = national.rules.find((r) => r.id === 'penalty-warning')!;
    expect(() => parsePackSources('x-pack', manifest, [{ file: 'other-name.yaml', source: JSON.stringify(base) }])).toThrow(/与文件名 other-name 不一致/);
  });
});
