import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ViewControls } from '@/components/ViewControls';
import { DEFAULT_VIEW, type ViewState } from '@/lib/annotate/layers';
import { readView, watchView, writeView } from '@/lib/annotate/view-store';
import { R } from '@/lib/i18n/catalog/review';
import { tr, type Lang, type LangSetting } from '@/lib/i18n/index';
import type { SiteStatus, StoredDecision, TabReview } from '@/lib/messages/index';
import {
  deleteDecision,
  putDecision,
  readMode,
  readProfile,
  reveal,
  siteStatus,
  tabReview,
  watchPrefs,
  watchTabReports,
  writeMode,
  writeProfile,
  type PanelTab,
} from '@/lib/review/client';
import { DECISION_LABELS, decide, type Decision, type DecisionKind } from '@/lib/review/decisions';
import type { OpinionOptions } from '@/lib/review/export';
import {
  carriedIds,
  decisionsByKey,
  exportSelection,
  filterFindings,
  filterResolved,
  groupFindings,
  listRegions,
  NO_FILTERS,
  override,
  overrideAll,
  panelFindings,
  pickRegion,
  regionId,
  reportForExport,
  resolvedDecisions,
  type Filters as FilterState,
  type GroupBy,
  type PanelFinding,
  type ReviewMode,
  type ReviewProfile,
} from '@/lib/review/panel-model';
import { originOf } from '@/lib/sites/origins';
import { DocHeader } from './DocHeader';
import { ExportPanel } from './ExportPanel';
import { Filters } from './Filters';
import type { FormState } from './FindingItem';
import { FindingList } from './FindingList';
import { LangSwitch, ModeSwitch } from './ModeSwitch';
import { ProfileFields } from './ProfileFields';
import { ResolvedList } from './ResolvedList';
import { RegionSelect, Summary } from './Summary';

/** How long a just-saved decision waits for the content script to pair it before it counts as resolved. */
const PENDING_MS = 5_000;
/** Reports arrive on every pause in typing; one refetch per burst is enough. */
const REFETCH_DELAY_MS = 120;

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The side panel of one tab: summary, findings, decisions and the opinion export (issue 5). */
export function ReviewPanel(props: { lang: Lang; langSetting: LangSetting; onLangSetting(s: LangSetting): void; tab: PanelTab | null | undefined }) {
  const { lang, tab } = props;
  const tabId = tab?.id ?? null;
  const [review, setReview] = useState<TabReview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [site, setSite] = useState<SiteStatus | null>(null);
  const [mode, setMode] = useState<ReviewMode>('drafter');
  const [profile, setProfile] = useState<ReviewProfile | null>(null);
  const [view, setView] = useState<ViewState>(DEFAULT_VIEW);
  const [selected, setSelected] = useState<string | null>(null);
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [groupBy, setGroupBy] = useState<GroupBy>('category');
  const [pending, setPending] = useState<ReadonlyMap<string, { id: string; at: number }>>(new Map());
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [forms, setForms] = useState<ReadonlyMap<string, FormState>>(new Map());
  const [message, setMessage] = useState('');
  // Cleared first, so the same words said twice are announced twice; cleared again after a
  // while, so the status line does not keep covering the bottom of the list.
  const announce = useCallback((text: string) => {
    setMessage('');
    setTimeout(() => setMessage(text), 60);
    setTimeout(() => setMessage((m) => (m === text ? '' : m)), 10_000);
  }, []);

  // Everything about the previous tab goes when the panel follows another one.
  useEffect(() => {
    setReview(null);
    setLoadError(null);
    setSite(null);
    setSelected(null);
    setPending(new Map());
    setOverrides(new Map());
    setForms(new Map());
  }, [tabId]);

  useEffect(() => {
    const ac = new AbortController();
    void Promise.all([readMode(), readProfile()])
      .then(([m, p]) => {
        if (ac.signal.aborted) return;
        setMode(m);
        setProfile(p);
      })
      .catch(() => setProfile((p) => p ?? { name: '', office: '', recipient: '' }));
    watchPrefs({ mode: setMode, profile: setProfile }, ac.signal);
    return () => ac.abort();
  }, []);

  // Pages fashen never runs on (the browser's own, extension pages) are not asked about.
  const webPage = tab?.url === undefined || /^(https?|file):/i.test(tab.url);

  useEffect(() => {
    if (tabId === null || !webPage) return;
    const ac = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (): void => {
      tabReview(tabId)
        .then((r) => {
          if (ac.signal.aborted || r.tabId !== tabId) return;
          setReview(r);
          setLoadError(null);
        })
        .catch((e: unknown) => !ac.signal.aborted && setLoadError(errorText(e)));
    };
    load();
    watchTabReports(
      tabId,
      () => {
        clearTimeout(timer);
        timer = setTimeout(load, REFETCH_DELAY_MS);
      },
      ac.signal,
    );
    return () => {
      ac.abort();
      clearTimeout(timer);
    };
  }, [tabId, tab?.url, webPage, reload]);

  const origin = originOf(review?.url || tab?.url);

  // Site status is looked at again with every new review: the popup may have just enabled the site.
  useEffect(() => {
    if (!origin) return;
    let live = true;
    siteStatus(origin)
      .then((s) => live && setSite(s))
      .catch(() => live && setSite(null));
    return () => {
      live = false;
    };
  }, [origin, review]);

  useEffect(() => {
    if (!origin) return;
    const ac = new AbortController();
    void readView(origin).then((v) => !ac.signal.aborted && setView(v));
    watchView(origin, setView, ac.signal);
    return () => ac.abort();
  }, [origin]);

  // A just-saved decision stops being pending once a finding carries it, or after PENDING_MS.
  useEffect(() => {
    if (pending.size === 0) return;
    const carried = review ? carriedIds(review.regions) : new Set<string>();
    const known = new Set(review?.decisions.map((d) => d.id) ?? []);
    const keep = (v: { id: string; at: number }): boolean => !carried.has(v.id) && known.has(v.id) && Date.now() - v.at < PENDING_MS;
    const next = new Map([...pending].filter(([, v]) => keep(v)));
    if (next.size !== pending.size) {
      setPending(next);
      return;
    }
    const oldest = Math.min(...[...pending.values()].map((v) => v.at));
    const timer = setTimeout(() => setPending((p) => new Map([...p].filter(([, v]) => Date.now() - v.at < PENDING_MS))), Math.max(0, oldest + PENDING_MS - Date.now()) + 10);
    return () => clearTimeout(timer);
  }, [pending, review]);

  const regions = useMemo(() => review?.regions ?? [], [review]);
  const decisions = useMemo(() => review?.decisions ?? [], [review]);
  const region = pickRegion(regions, selected);
  const reviewer = mode === 'reviewer';
  const pendingByUid = useMemo(() => new Map([...pending].map(([uid, v]) => [uid, v.id])), [pending]);
  const items = useMemo(() => (region ? panelFindings(region, decisions, pendingByUid) : []), [region, decisions, pendingByUid]);
  const resolved = useMemo(() => resolvedDecisions(regions, decisions, new Set(pendingByUid.values())), [regions, decisions, pendingByUid]);
  const effectiveFilters = reviewer ? filters : { ...filters, status: 'all' as const };
  const visible = filterFindings(items, effectiveFilters, lang);
  const groups = groupFindings(visible, groupBy);
  const included = useMemo(() => exportSelection(items, overrides), [items, overrides]);
  const title = region?.title ?? tab?.title ?? null;

  const openForm = useCallback((item: PanelFinding, form: FormState | null) => {
    setForms((prev) => {
      const next = new Map(prev);
      if (form) next.set(item.uid, form);
      else next.delete(item.uid);
      return next;
    });
  }, []);

  const save = useCallback(
    async (item: PanelFinding, decision: Decision): Promise<boolean> => {
      if (tabId === null) return false;
      const location = item.finding.location || tr(R.wholeDocument, lang);
      try {
        const existing = item.decision?.id;
        const reply = await putDecision(tabId, decision, existing);
        setReview(reply);
        const id = reply.savedId ?? existing;
        if (id) setPending((p) => new Map(p).set(item.uid, { id, at: Date.now() }));
        announce(tr(R.saved, lang, { kind: DECISION_LABELS[decision.kind][lang], location }));
        return true;
      } catch (e) {
        announce(tr(R.saveFailed, lang, { error: errorText(e) }));
        return false;
      }
    },
    [tabId, lang, announce],
  );

  const withdraw = useCallback(
    async (item: PanelFinding): Promise<boolean> => {
      if (tabId === null || !item.decision) return false;
      try {
        setReview(await deleteDecision(tabId, item.decision.id));
        setPending((p) => {
          const next = new Map(p);
          next.delete(item.uid);
          return next;
        });
        announce(tr(R.withdrawn, lang, { location: item.finding.location || tr(R.wholeDocument, lang) }));
        return true;
      } catch (e) {
        announce(tr(R.saveFailed, lang, { error: errorText(e) }));
        return false;
      }
    },
    [tabId, lang, announce],
  );

  const deleteResolved = useCallback(
    (s: StoredDecision): void => {
      if (tabId === null) return;
      deleteDecision(tabId, s.id)
        .then((r) => {
          setReview(r);
          announce(tr(R.withdrawn, lang, { location: s.decision.anchor.exact.slice(0, 20) }));
        })
        .catch((e: unknown) => announce(tr(R.saveFailed, lang, { error: errorText(e) })));
    },
    [tabId, lang, announce],
  );

  // Keys 1/2/3: must change and legal review are saved at once (keeping reason and note);
  // acceptable opens the form on the reason unless one was already given.
  const quickDecide = useCallback(
    (item: PanelFinding, kind: DecisionKind): void => {
      const cur = item.decision?.decision;
      const r = decide({ kind, reason: cur?.reason, note: cur?.note, reviewer: profile?.name, anchor: item.finding.anchor });
      if (!r.ok) {
        openForm(item, { kind, focusReason: true });
        return;
      }
      void save(item, r.decision);
    },
    [profile, openForm, save],
  );

  const onReveal = useCallback(
    (item: PanelFinding): void => {
      if (tabId === null) return;
      const location = item.finding.location || tr(R.wholeDocument, lang);
      reveal({ tabId, frameId: item.frameId, region: item.region, ruleId: item.finding.ruleId, start: item.finding.start, end: item.finding.end })
        .then(() => announce(tr(R.revealed, lang, { location })))
        .catch(() => announce(tr(R.revealFailed, lang)));
    },
    [tabId, lang, announce],
  );

  const onInclude = useCallback((item: PanelFinding, inc: boolean) => setOverrides((o) => override(o, item, inc)), []);

  const changeMode = (m: ReviewMode): void => {
    setMode(m);
    void writeMode(m);
  };
  const changeProfile = (p: ReviewProfile): void => {
    setProfile(p);
    void writeProfile(p);
  };
  const changeView = (v: ViewState): void => {
    setView(v);
    if (origin) void writeView(origin, v);
  };

  const exportOptions = (date: string, exportLang: Lang): OpinionOptions => {
    if (!region) throw new Error('no region');
    const p = profile ?? { name: '', office: '', recipient: '' };
    return {
      report: reportForExport(region),
      include: included,
      decisions: decisionsByKey(items),
      title: region.title,
      date,
      lang: exportLang,
      ...(p.name.trim() ? { reviewer: p.name.trim() } : {}),
      ...(p.office.trim() ? { office: p.office.trim() } : {}),
      ...(p.recipient.trim() ? { recipient: p.recipient.trim() } : {}),
    };
  };

  const live = (
    <p className="live" role="status" aria-live="polite" data-testid="status">
      {message}
    </p>
  );

  if (tab === undefined) {
    return (
      <main className="panel" aria-busy="true">
        <p className="empty">{tr(R.loading, lang)}</p>
      </main>
    );
  }
  if (tab === null) {
    return (
      <main className="panel">
        <p className="empty" data-empty="no-tab">
          {tr(R.noTab, lang)}
        </p>
      </main>
    );
  }

  let body: ReactNode;
  if (regions.length === 0) {
    // No address to see means no host permission: the site is not enabled (or not a web page),
    // whatever the background's error says.
    const empty = !webPage || (!review && loadError && tab.url === undefined) ? (
      <p data-empty="unreadable">{tr(R.pageUnreadable, lang)}</p>
    ) : !review && loadError ? (
        <div role="alert" data-empty="error">
          <p>{tr(R.loadFailed, lang, { error: loadError })}</p>
          <button type="button" onClick={() => setReload((n) => n + 1)}>
            {tr(R.retry, lang)}
          </button>
        </div>
      ) : !review ? (
        <p aria-busy="true" data-empty="loading">
          {tr(R.loadingReview, lang)}
        </p>
      ) : site && !site.enabled ? (
        <p data-empty="site-disabled">{tr(R.siteNotEnabled, lang, { origin: site.origin })}</p>
      ) : !origin ? (
        <p data-empty="unreadable">{tr(R.pageUnreadable, lang)}</p>
      ) : (
        <p data-empty="no-editor">{tr(R.noEditor, lang)}</p>
      );
    body = (
      <>
        <div className="empty">{empty}</div>
        {origin && site?.enabled && (
          <section className="annotations">
            <ViewControls view={view} onChange={changeView} />
          </section>
        )}
        {reviewer && (
          <ResolvedList lang={lang} decisions={filterResolved(resolved, filters)} onDelete={deleteResolved} />
        )}
      </>
    );
  } else {
    body = (
      <>
        {reviewer && profile && <ProfileFields lang={lang} profile={profile} onChange={changeProfile} />}
        {region && (
          <>
            <RegionSelect lang={lang} regions={listRegions(regions)} selected={regionId(region)} onSelect={setSelected} />
            <Summary lang={lang} region={region} />
          </>
        )}
        {origin && (
          <section className="annotations" aria-label={tr(R.annotations, lang)}>
            <ViewControls view={view} onChange={changeView} />
          </section>
        )}
        <Filters
          lang={lang}
          filters={filters}
          onChange={setFilters}
          groupBy={groupBy}
          onGroupBy={setGroupBy}
          reviewer={reviewer}
          shown={visible.length}
          total={items.length}
        />
        {!(reviewer && filters.status === 'resolved') && (
          <FindingList
            lang={lang}
            groups={groups}
            reviewer={reviewer}
            included={included}
            forms={forms}
            reviewerName={profile?.name ?? ''}
            empty={tr(items.length === 0 ? R.noFindings : R.noMatches, lang)}
            onReveal={onReveal}
            onInclude={onInclude}
            onOpenForm={openForm}
            onQuickDecide={quickDecide}
            onSave={save}
            onWithdraw={withdraw}
          />
        )}
        {reviewer && <ResolvedList lang={lang} decisions={filterResolved(resolved, filters)} onDelete={deleteResolved} />}
        {reviewer && region && (
          <ExportPanel
            lang={lang}
            items={items}
            included={included}
            onSetAll={(inc) => setOverrides((o) => overrideAll(items, inc, o))}
            options={exportOptions}
            announce={announce}
          />
        )}
      </>
    );
  }

  return (
    <main className="panel" data-mode={mode}>
      <header>
        <DocHeader lang={lang} title={title} url={review?.url ?? tab.url ?? null} pageTitle={review?.title ?? tab.title ?? null} />
        <div className="toolbar">
          <ModeSwitch lang={lang} mode={mode} onChange={changeMode} />
          <LangSwitch lang={lang} setting={props.langSetting} onChange={props.onLangSetting} />
        </div>
      </header>
      {body}
      {live}
    </main>
  );
}
