import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { watchStorage } from '../store/watch';
import { LANG_KEY, resolveLang, type Lang, type LangSetting } from './index';

// The language of extension pages (popup, side panel, options): the stored setting, else the
// browser's UI language. Every open page follows a change at once (storage.onChanged).

export function uiLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return undefined;
  }
}

export async function readLangSetting(): Promise<LangSetting> {
  const got = await browser.storage.local.get(LANG_KEY);
  const v = got[LANG_KEY];
  return v === 'zh-CN' || v === 'en' ? v : 'auto';
}

export async function writeLangSetting(setting: LangSetting): Promise<void> {
  await browser.storage.local.set({ [LANG_KEY]: setting });
}

/** The page's language; also sets <html lang>. */
export function useLang(): Lang {
  const [lang, setLang] = useState<Lang>(() => resolveLang('auto', uiLanguage()));
  useEffect(() => {
    const ac = new AbortController();
    void readLangSetting().then((s) => !ac.signal.aborted && setLang(resolveLang(s, uiLanguage())));
    watchStorage('local', [LANG_KEY], (changes) => setLang(resolveLang(changes[LANG_KEY]!.newValue, uiLanguage())), ac.signal);
    return () => ac.abort();
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return lang;
}

/**
 * The language outside React (content scripts): a getter kept current with the setting until
 * `signal` aborts.
 */
export function followLang(signal: AbortSignal): () => Lang {
  let lang: Lang = resolveLang('auto', uiLanguage());
  void readLangSetting()
    .then((s) => (lang = resolveLang(s, uiLanguage())))
    .catch(() => undefined);
  watchStorage('local', [LANG_KEY], (changes) => (lang = resolveLang(changes[LANG_KEY]!.newValue, uiLanguage())), signal);
  return () => lang;
}
