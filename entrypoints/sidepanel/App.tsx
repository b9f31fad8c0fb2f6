import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ReviewPanel } from '@/components/review/ReviewPanel';
import { LANG_KEY, type LangSetting } from '@/lib/i18n/index';
import { readLangSetting, useLang, writeLangSetting } from '@/lib/i18n/react';
import { followTab, type PanelTab } from '@/lib/review/client';
import { fixedTabOf } from '@/lib/review/panel-model';

/** Side panel: the review of the tab fixed by ?tab=<id>, else of the window's active tab. */
export function App() {
  const lang = useLang();
  const [setting, setSetting] = useState<LangSetting>('auto');
  const [tab, setTab] = useState<PanelTab | null | undefined>(undefined);

  useEffect(() => {
    const ac = new AbortController();
    followTab(fixedTabOf(location.search), setTab, ac.signal);
    return () => ac.abort();
  }, []);

  useEffect(() => {
    void readLangSetting().then(setSetting);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      if (area !== 'local' || !(LANG_KEY in changes)) return;
      const v = changes[LANG_KEY]!.newValue;
      setSetting(v === 'zh-CN' || v === 'en' ? v : 'auto');
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const changeSetting = (s: LangSetting): void => {
    setSetting(s);
    void writeLangSetting(s);
  };

  return <ReviewPanel lang={lang} langSetting={setting} onLangSetting={changeSetting} tab={tab} />;
}
