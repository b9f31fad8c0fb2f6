import { useCallback, useEffect, useState } from 'react';
import { DocumentSummary } from '@/components/DocumentSummary';
import { SiteSwitch } from '@/components/SiteSwitch';
import { ViewControls } from '@/components/ViewControls';
import { DEFAULT_VIEW, type ViewState } from '@/lib/annotate/layers';
import { tr } from '@/lib/i18n/index';
import { COMMON } from '@/lib/i18n/catalog/common';
import { POPUP } from '@/lib/i18n/catalog/popup';
import { useLang } from '@/lib/i18n/react';
import { readView, writeView } from '@/lib/annotate/view-store';
import { request, type DocSummary, type SiteStatus } from '@/lib/messages/index';
import { originOf, patternFor } from '@/lib/sites/origins';

const send = (msg: unknown): Promise<unknown> => browser.runtime.sendMessage(msg);

/**
 * Open the review side panel: Chrome's sidePanel for the tab, else Firefox's sidebar. Both need
 * the click's user gesture, so this is called synchronously from the click handler (no await
 * before the open call). Returns null when the browser has neither API.
 */
function openReviewPanel(tabId: number | undefined): Promise<void> | null {
  const { sidePanel } = browser as { sidePanel?: typeof browser.sidePanel };
  if (sidePanel?.open && tabId !== undefined) return sidePanel.open({ tabId });
  const { sidebarAction } = browser as unknown as { sidebarAction?: { open(): Promise<void> } };
  if (sidebarAction?.open) return sidebarAction.open();
  return null;
}

/** Toolbar popup: this site on/off, annotations on/off, layers, and the draft's document results. */
export function App() {
  const lang = useLang();
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
        else setError(tr(POPUP.permissionDenied, lang));
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
  const openPanel = (): void => {
    const opened = openReviewPanel(tab?.id);
    if (!opened) {
      setError(tr(POPUP.panelUnavailable, lang));
      return;
    }
    opened.then(() => window.close()).catch((e: unknown) => setError(String(e)));
  };
  const changeView = (next: ViewState): void => {
    setView(next);
    if (tab?.origin) void writeView(tab.origin, next);
  };

  return (
    <main style={{ width: 340, padding: 12, fontFamily: 'system-ui, "Microsoft YaHei", sans-serif', fontSize: 13 }}>
      <h1 style={{ fontSize: 16, margin: '0 0 6px' }}>
        {tr(COMMON.appName, lang)} <span style={{ fontSize: 12, fontWeight: 400, color: '#5f6368' }}>{tr(COMMON.tagline, lang)}</span>
      </h1>
      {!tab ? null : !tab.origin ? (
        <p>{tr(POPUP.notCheckable, lang)}</p>
      ) : (
        <>
          {status && <SiteSwitch status={status} busy={busy} onEnable={enable} onDisable={disable} lang={lang} />}
          {status?.enabled && (
            <p style={{ margin: '8px 0' }}>
              <button type="button" onClick={openPanel} data-testid="open-panel">
                {tr(POPUP.openPanel, lang)}
              </button>
            </p>
          )}
          {status?.enabled && <ViewControls view={view} onChange={changeView} lang={lang} />}
          {status?.enabled && <DocumentSummary summaries={summaries} lang={lang} />}
          <p style={{ fontSize: 11, color: '#5f6368', marginTop: 10 }}>{tr(POPUP.shortcut, lang, { key: 'Alt+Shift+L' })}</p>
        </>
      )}
      <p style={{ fontSize: 11, marginTop: 6 }}>
        <a
          href="#options"
          onClick={(e) => {
            e.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          {tr(POPUP.settings, lang)}
        </a>
      </p>
      {error && (
        <p role="alert" style={{ color: '#d93025' }}>
          {error}
        </p>
      )}
    </main>
  );
}
