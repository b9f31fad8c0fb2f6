import { useId } from 'react';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '@/lib/annotate/labels';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '@/lib/engine/types';
import { R } from '@/lib/i18n/catalog/review';
import { tr, type Lang } from '@/lib/i18n/index';
import { DECISION_LABELS } from '@/lib/review/decisions';
import { NO_FILTERS, STATUS_FILTERS, type Filters as FilterState, type GroupBy, type StatusFilter } from '@/lib/review/panel-model';

function statusLabel(s: StatusFilter, lang: Lang): string {
  if (s === 'all') return tr(R.all, lang);
  if (s === 'undecided') return tr(R.undecided, lang);
  if (s === 'resolved') return tr(R.resolved, lang);
  return DECISION_LABELS[s][lang];
}

/** Filters of the finding list and its grouping; the status filter only for reviewers. */
export function Filters(props: {
  lang: Lang;
  filters: FilterState;
  onChange(f: FilterState): void;
  groupBy: GroupBy;
  onGroupBy(g: GroupBy): void;
  reviewer: boolean;
  shown: number;
  total: number;
}) {
  const { lang, filters } = props;
  const id = useId();
  const set = (patch: Partial<FilterState>): void => props.onChange({ ...filters, ...patch });
  const active = filters.category !== 'all' || filters.severity !== 'all' || filters.status !== 'all' || filters.query !== '';
  return (
    <section className="filters" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        {tr(R.filters, lang)}
      </h2>
      <div className="filter-row" role="search">
        <div className="field">
          <label htmlFor={`${id}-q`}>{tr(R.filterSearch, lang)}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={filters.query}
            placeholder={tr(R.filterSearchPlaceholder, lang)}
            onChange={(e) => set({ query: e.target.value })}
            maxLength={200}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-c`}>{tr(R.filterCategory, lang)}</label>
          <select id={`${id}-c`} value={filters.category} onChange={(e) => set({ category: e.target.value as Category | 'all' })}>
            <option value="all">{tr(R.all, lang)}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c][lang]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-s`}>{tr(R.filterSeverity, lang)}</label>
          <select id={`${id}-s`} value={filters.severity} onChange={(e) => set({ severity: e.target.value as Severity | 'all' })}>
            <option value="all">{tr(R.all, lang)}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABELS[s][lang]}
              </option>
            ))}
          </select>
        </div>
        {props.reviewer && (
          <div className="field">
            <label htmlFor={`${id}-d`}>{tr(R.filterStatus, lang)}</label>
            <select id={`${id}-d`} value={filters.status} onChange={(e) => set({ status: e.target.value as StatusFilter })}>
              {STATUS_FILTERS.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s, lang)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="filter-row">
        <fieldset className="group-by">
          <legend>{tr(R.groupBy, lang)}</legend>
          {(['category', 'location'] as const).map((g) => (
            <label key={g} className="choice">
              <input type="radio" name={`${id}-g`} value={g} checked={props.groupBy === g} onChange={() => props.onGroupBy(g)} />
              {tr(g === 'category' ? R.byCategory : R.byLocation, lang)}
            </label>
          ))}
        </fieldset>
        {active && (
          <button type="button" onClick={() => props.onChange(NO_FILTERS)}>
            {tr(R.clearFilters, lang)}
          </button>
        )}
      </div>
      <p className="count" aria-live="polite">
        {tr(R.shown, lang, { shown: props.shown, total: props.total })}
      </p>
    </section>
  );
}
