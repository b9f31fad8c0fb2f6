import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { LANGS, placeholders, resolveLang, tr, type Localized } from '../../lib/i18n/index';
import { localeDir, localeMessages, MANIFEST } from '../../lib/i18n/catalog/manifest';

// Issue 5: the whole UI in zh-CN and en, one language at a time. Every catalog entry has both
// languages with the same placeholders; the manifest's words become Chrome-format _locales files.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CATALOG_DIR = join(ROOT, 'lib/i18n/catalog');
/** Chinese text: ideographs, or CJK / full-width punctuation (a zh-CN "{label}（{n}）" is Chinese too). */
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
const IDEOGRAPH = /[\u3400-\u9fff]/;
const withoutPlaceholders = (text: string): string => text.replace(/\{\w+\}/g, '');
/** A pure format, the same in both languages and without words ("{id} v{version}"). */
const languageNeutral = (zh: string, en: string): boolean => zh === en && !/[A-Za-z]{2}/.test(withoutPlaceholders(zh));

const isLocalizedLike = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && ('zh-CN' in v || 'en' in v);

/** Every Localized entry exported by every catalog file (whatever files the directory holds). */
async function catalogEntries(): Promise<{ file: string; entries: [string, Record<string, unknown>][] }[]> {
  const files = readdirSync(CATALOG_DIR)
    .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const mod = (await import(pathToFileURL(join(CATALOG_DIR, file)).href)) as Record<string, unknown>;
      const entries: [string, Record<string, unknown>][] = [];
      for (const [exportName, value] of Object.entries(mod)) {
        if (typeof value !== 'object' || value === null) continue;
        for (const [key, entry] of Object.entries(value)) {
          if (isLocalizedLike(entry)) entries.push([`${exportName}.${key}`, entry]);
        }
      }
      return { file, entries };
    }),
  );
}

describe('UI catalogs', () => {
  test('the catalog directory holds at least the popup, options, common and manifest catalogs', () => {
    const files = readdirSync(CATALOG_DIR);
    for (const f of ['popup.ts', 'options.ts', 'common.ts', 'manifest.ts']) expect(files).toContain(f);
  });

  test('every entry has non-empty zh-CN and en, the same placeholders, and Chinese in zh-CN', async () => {
    const problems: string[] = [];
    for (const { file, entries } of await catalogEntries()) {
      if (entries.length === 0) problems.push(`${file}: no Localized entries exported`);
      for (const [name, entry] of entries) {
        const where = `${file} ${name}`;
        const zh = entry['zh-CN'];
        const en = entry.en;
        if (typeof zh !== 'string' || zh.trim() === '') problems.push(`${where}: empty zh-CN`);
        if (typeof en !== 'string' || en.trim() === '') problems.push(`${where}: empty en`);
        if (typeof zh !== 'string' || typeof en !== 'string') continue;
        if (!CJK.test(zh) && !languageNeutral(zh, en)) problems.push(`${where}: zh-CN has no Chinese: ${zh}`);
        if (placeholders(zh).join() !== placeholders(en).join()) problems.push(`${where}: placeholders differ: ${zh} | ${en}`);
        // one language per string: no "中文 / English" pairs left in an entry
        if (/ \/ [A-Za-z]{2}/.test(withoutPlaceholders(zh)) && IDEOGRAPH.test(zh)) problems.push(`${where}: zh-CN looks bilingual: ${zh}`);
        if (/ \/ /.test(en) && IDEOGRAPH.test(withoutPlaceholders(en).replace('法审', ''))) problems.push(`${where}: en looks bilingual: ${en}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('tr fills placeholders and leaves unknown ones visible', () => {
    const entry: Localized = { 'zh-CN': '错误 {count} 处', en: 'Errors: {count} {other}' };
    expect(tr(entry, 'zh-CN', { count: 3 })).toBe('错误 3 处');
    expect(tr(entry, 'en', { count: 0 })).toBe('Errors: 0 {other}');
    expect(tr(entry, 'en')).toBe('Errors: {count} {other}');
  });
});

describe('resolveLang: the setting, else the browser language, else 中文', () => {
  test.each([
    ['zh-CN', 'en-US', 'zh-CN'],
    ['en', 'zh-CN', 'en'],
    ['auto', 'en-US', 'en'],
    ['auto', 'en', 'en'],
    ['auto', 'EN-gb', 'en'],
    ['auto', 'zh-CN', 'zh-CN'],
    ['auto', 'zh-TW', 'zh-CN'],
    ['auto', 'zh', 'zh-CN'],
    ['auto', 'fr-FR', 'zh-CN'],
    ['auto', 'ja', 'zh-CN'],
    ['auto', '', 'zh-CN'],
    ['auto', undefined, 'zh-CN'],
    [undefined, 'en-US', 'en'],
    ['de', 'en-US', 'en'],
    [42, undefined, 'zh-CN'],
  ] as const)('setting %s, browser %s → %s', (setting, ui, want) => {
    expect(resolveLang(setting, ui)).toBe(want);
  });
});

describe('_locales generated from the manifest catalog', () => {
  test('one locale directory per UI language, zh_CN the default', () => {
    expect(LANGS.map(localeDir)).toEqual(['zh_CN', 'en']);
    expect(readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8')).toMatch(/default_locale:\s*'zh_CN'/);
  });

  test.each(LANGS)('%s messages follow Chrome’s format', (lang) => {
    const messages = JSON.parse(JSON.stringify(localeMessages(lang))) as Record<string, unknown>;
    expect(Object.keys(messages).sort()).toEqual(Object.keys(MANIFEST).sort());
    for (const [key, value] of Object.entries(messages)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(value).toEqual({ message: expect.any(String) });
      const message = (value as { message: string }).message;
      expect(message.length).toBeGreaterThan(0);
      // a lone '$' would start a Chrome placeholder
      expect(message.replaceAll('$$', '')).not.toContain('$');
    }
    expect((messages.extName as { message: string }).message.length).toBeLessThanOrEqual(75);
    expect((messages.extDescription as { message: string }).message.length).toBeLessThanOrEqual(132);
  });

  test('every __MSG_key__ in wxt.config.ts has a message', () => {
    const used = [...readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThanOrEqual(3);
    for (const key of used) expect(Object.keys(MANIFEST)).toContain(key);
  });
});

describe('converted UI files show one language at a time', () => {
  const files = [
    'entrypoints/popup/App.tsx',
    'entrypoints/popup/index.html',
    'entrypoints/options/App.tsx',
    'entrypoints/options/index.html',
    'components/DocumentSummary.tsx',
    'components/SiteSwitch.tsx',
    'components/ViewControls.tsx',
    'components/PackImport.tsx',
    'components/PackList.tsx',
    'components/RuleList.tsx',
  ];

  test.each(files)('%s has no "中文 / English" text and no Chinese outside the catalogs', (file) => {
    const source = readFileSync(join(ROOT, file), 'utf8')
      // comments are not rendered
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:])\/\/.*$/gm, '$1');
    const lines = source.split('\n');
    const bilingual = lines.filter((l) => IDEOGRAPH.test(l) && / \/ [A-Za-z]/.test(l));
    expect(bilingual).toEqual([]);
    // Chinese words live in lib/i18n/catalog/; the brand and the language names are the exceptions
    const allowed = /法审 fashen|'中文'/;
    const chinese = lines.filter((l) => IDEOGRAPH.test(l) && !allowed.test(l));
    expect(chinese).toEqual([]);
  });
});
