import type { Lang, Localized } from '../engine/types';

// The UI's two languages (issue 5): zh-CN first, English second. Every word of the UI is a
// Localized entry in one catalog per area (lib/i18n/catalog/); the manifest's own words are
// generated into _locales/ at build time (wxt.config.ts) so the browser shows them in its language.
// The language follows the browser (zh* → 中文, en* → English, anything else → 中文, the product's
// first language) unless the user chose one in the options page.

export type { Lang, Localized };
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** The user's choice: follow the browser, or one language. */
export type LangSetting = 'auto' | Lang;
/** storage.local key of the language setting. */
export const LANG_KEY = 'uiLang';

/** The language to show for a setting and the browser's UI language (i18n.getUILanguage()). */
export function resolveLang(setting: unknown, uiLanguage: string | undefined): Lang {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  const ui = (uiLanguage ?? '').toLowerCase();
  return ui.startsWith('en') ? 'en' : 'zh-CN';
}

/** The entry in `lang`, with {name} placeholders replaced (a missing variable stays visible). */
export function tr(entry: Localized, lang: Lang, vars?: Record<string, string | number>): string {
  const text = entry[lang];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Placeholders of a text, sorted ({a} {b} → ['a','b']); both languages of an entry must agree. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
