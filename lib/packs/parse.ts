import { parse as parseYaml } from 'yaml';
import { describeZodError, PackValidationError } from './errors';
import { BuiltPackSchema, ManifestSchema, RuleSchema, type BuiltPack, type Rule } from './schema';

function parseYamlText(source: string, text: string): unknown {
  try {
    return parseYaml(text);
  } catch (e) {
    throw new PackValidationError(source, [{ path: '', zh: `YAML 语法错误：${(e as Error).message}`, en: `YAML syntax error: ${(e as Error).message}` }]);
  }
}

/** Parse a pack from its manifest and rule file texts (YAML); the file name must be the rule id. */
export function parsePackSources(dirName: string, manifestText: string, ruleFiles: { file: string; source: string }[]): BuiltPack {
  const manifestResult = ManifestSchema.safeParse(parseYamlText(`${dirName}/pack.yaml`, manifestText));
  if (!manifestResult.success) throw describeZodError(`${dirName}/pack.yaml`, manifestResult.error);
  const rules: Rule[] = [];
  const ids = new Set<string>();
  for (const { file, source } of ruleFiles) {
    const where = `${dirName}/${file}`;
    const r = RuleSchema.safeParse(parseYamlText(where, source));
    if (!r.success) throw describeZodError(where, r.error);
    const expected = file.replace(/\.ya?ml$/, '');
    if (r.data.id !== expected) {
      throw new PackValidationError(where, [{ path: 'id', zh: `规则编号 ${r.data.id} 与文件名 ${expected} 不一致`, en: `rule id ${r.data.id} does not match file name ${expected}` }]);
    }
    if (ids.has(r.data.id)) throw new PackValidationError(where, [{ path: 'id', zh: `规则编号重复：${r.data.id}`, en: `duplicate rule id ${r.data.id}` }]);
    ids.add(r.data.id);
    rules.push(r.data);
  }
  const built = BuiltPackSchema.safeParse({ format: 'fashen-pack/1', manifest: manifestResult.data, rules });
  if (!built.success) throw describeZodError(dirName, built.error);
  return built.data;
}
