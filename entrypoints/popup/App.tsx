import { useCallback, useEffect, useState } from 'react';
import { DocumentSummary } from '@/components/DocumentSummary';
import { SiteSwitch } from '@/components/SiteSwitch';
import { ViewControls } from '@/components/ViewControls';
import { DEFAULT_VIEW, type ViewState } from '@/lib/annotate/layers';
import { readView, writeView } from '@/lib/annotate/view-store';
import { request, type DocSummary, type SiteStatus } from '@/lib/messages/index';
import { originOf, patternFor } from '@/lib/sites/origins';

const send = (msg: unknown): Promise<unknown> => browser.runtime.sendMessage(msg);

/** Toolbar popup: this site on/off, annotations on/off, layers, and the draft's document results. */
export function App() {
  const [tab, setTab] = useState<{ id?: number; origin: string | null } | null>(null);
  const [status, setStatus] = useState<SiteStatus | null>(null);
  const [view, setView] = useState<ViewState>(DEFAULT_VIEW);
  const [summaries, setSummaries] = useState<DocSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => setTab({ id: t?.id, origin: originOf(t?.url) }));
  }, []);

  const refresh = useCallback(async () => {
    if (!tab?.origin) return;
    setStatus(await request(send, { kind: 'site-status', origin: tab.origin }));
    setView(await readView(tab.origin));
    if (tab.id !== undefined) setSummaries((await request(send, { kind: 'tab-summary', tabId: tab.id })).summaries);
  }, [tab]);

  useEffect(() => {
    void refresh().catch((e: unknown) => setError(String(e)));
    const onChanged = (): void => void refresh().catch(() => undefined);
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);

  const enable = (): void => {
    if (!tab?.origin) return;
    const origin = tab.origin;
    setBusy(true);
    // permissions.request must run in the click's user gesture: no await before it.
    browser.permissions
      .request({ origins: [patternFor(origin)] })
      .then(async (ok) => {
        if (ok) setStatus(await request(send, { kind: 'site-enable', origin, tabId: tab.id }));
        else setError('未获授权 / Permission not granted');
      })
      .catch((e: unknown) => setError(String(e)))
      .finally(() => setBusy(false));
  };
  const disable = (): void => {
    if (!tab?.origin) return;
    setBusy(true);
    request(send, { kind: 'site-disable', origin: tab.origin, tabId: tab.id })
      .then(setStatus)
      .catch((e: unknown) => setError(String(e)))
      .finally(() => setBusy(false));
  };
  const changeView = (next: ViewState): void => {
    setView(next);
    if (tab?.origin) void writeView(tab.origin, next);
  };

  return (
    <main style={{ width: 340, padding: 12, fontFamily: 'system-ui, "Microsoft YaHei", sans-serif', fontSize: 13 }}>
      <h1 style={{ fontSize: 16, margin: '0 0 6px' }}>
        法审 fashen <span style={{ fontSize: 12, fontWeight: 400, color: '#5f6368' }}>行政规范性文件合法性检查 / legality checks</span>
      </h1>
      {!tab ? null : !tab.origin ? (
        <p>此页面不可检查 / fashen does not run on this page</p>
      ) : (
        <>
          {status && <SiteSwitch status={status} busy={busy} onEnable={enable} onDisable={disable} />}
          {status?.enabled && <ViewControls view={view} onChange={changeView} />}
          {status?.enabled && <DocumentSummary summaries={summaries} />}
          <p style={{ fontSize: 11, color: '#5f6368', marginTop: 10 }}>快捷键 Alt+Shift+L 显示/隐藏标注 / Alt+Shift+L shows or hides annotations</p>
        </>
      )}
      {error && (
        <p role="alert" style={{ color: '#d93025' }}>
          {error}
        </p>
      )}
    </main>
  );
}
