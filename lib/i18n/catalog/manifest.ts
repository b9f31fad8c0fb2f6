import type { Lang, Localized } from '../../engine/types';

// The manifest's own words. wxt.config.ts writes them into _locales/<locale>/messages.json at build
// time (hook build:publicAssets) and refers to them as __MSG_<key>__, so the browser shows the
// extension's name, description and shortcut in its own language. Keys: Chrome's message names
// (ASCII letters, digits, underscore). Limits: name 75 characters, description 132.
// Keep this file free of path aliases: wxt.config.ts imports it.

export const MANIFEST = {
  // the brand, the same in both languages (the e2e harness finds the content script's world by it)
  extName: { 'zh-CN': '法审 fashen', en: '法审 fashen' },
  extDescription: {
    'zh-CN': '在网页办公系统中检查行政规范性文件草稿的合法性问题',
    en: 'Legality checks for draft normative documents, in web office systems',
  },
  cmdToggle: { 'zh-CN': '显示/隐藏标注', en: 'Show or hide annotations' },
} satisfies Record<string, Localized>;

/** The _locales directory of each UI language (Chrome's locale codes use an underscore). */
export function localeDir(lang: Lang): string {
  return lang.replace('-', '_');
}

/** _locales/<dir>/messages.json for `lang`, in Chrome's message format ({ key: { message } }). */
export function localeMessages(lang: Lang): Record<string, { message: string }> {
  // '$' starts a placeholder in Chrome's messages; a literal one is written '$$'
  return Object.fromEntries(Object.entries(MANIFEST).map(([key, text]) => [key, { message: text[lang].replaceAll('$', '$$$$') }]));
}
