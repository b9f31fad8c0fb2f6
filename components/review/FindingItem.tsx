import { useId, type KeyboardEvent, type MouseEvent } from 'react';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '@/lib/annotate/labels';
import { R } from '@/lib/i18n/catalog/review';
import { tr, type Lang } from '@/lib/i18n/index';
import { DECISION_FIELD_LABELS, DECISION_LABELS, type Decision, type DecisionKind } from '@/lib/review/decisions';
import type { PanelFinding } from '@/lib/review/panel-model';
import { DecisionForm } from './DecisionForm';

/** An open decision form: the kind a shortcut preset, and whether the reason takes focus. */
export interface FormState {
  kind: DecisionKind | null;
  focusReason: boolean;
}

const EXCERPT_MAX = 300;

function excerpt(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > EXCERPT_MAX ? `${one.slice(0, EXCERPT_MAX - 1)}…` : one;
}

function formatTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' });
}

/** A decision as text: kind, reason, note, who and when. */
export function DecisionView(props: { lang: Lang; decision: Decision }) {
  const { lang, decision: d } = props;
  return (
    <div className={`decision-view kind-${d.kind}`}>
      <p>
        <span className={`badge kind-${d.kind}`}>{DECISION_LABELS[d.kind][lang]}</span>
        <span className="muted"> {d.reviewer ? tr(R.decidedBy, lang, { reviewer: d.reviewer, time: formatTime(d.decidedAt, lang) }) : formatTime(d.decidedAt, lang)}</span>
      </p>
      {d.reason && (
        <p>
          <span className="label">{DECISION_FIELD_LABELS.reason[lang]}{tr(R.colon, lang)}</span>
          {d.reason}
        </p>
      )}
      {d.note && (
        <p className="pre">
          <span className="label">{DECISION_FIELD_LABELS.note[lang]}{tr(R.colon, lang)}</span>
          {d.note}
        </p>
      )}
    </div>
  );
}

const INTERACTIVE = 'button, input, textarea, select, label, a, summary, form, kbd';

/** One finding: what, where, why, the basis and the fix; in reviewer mode its decision and export choice. */
export function FindingItem(props: {
  lang: Lang;
  item: PanelFinding;
  reviewer: boolean;
  tabbable: boolean;
  included: boolean;
  form: FormState | null;
  reviewerName: string;
  setRef(uid: string, el: HTMLLIElement | null): void;
  onFocus(uid: string): void;
  onKeyDown(e: KeyboardEvent<HTMLLIElement>, item: PanelFinding): void;
  onReveal(item: PanelFinding): void;
  onInclude(item: PanelFinding, included: boolean): void;
  onOpenForm(item: PanelFinding, form: FormState | null): void;
  onSave(item: PanelFinding, decision: Decision): Promise<boolean>;
  onWithdraw(item: PanelFinding): Promise<boolean>;
}) {
  const { lang, item, reviewer } = props;
  const f = item.finding;
  const id = useId();
  const location = f.location || tr(R.wholeDocument, lang);
  const decided = reviewer && item.decision ? item.decision.decision : null;
  const classes = ['finding', `severity-${f.severity}`, reviewer && item.status === 'acceptable' ? 'dimmed' : ''].filter(Boolean).join(' ');

  const onClick = (e: MouseEvent<HTMLLIElement>): void => {
    const hit = (e.target as Element).closest(INTERACTIVE);
    if (hit && e.currentTarget.contains(hit)) return;
    // selecting the excerpt to copy it is not a request to scroll the editor
    if (window.getSelection()?.toString()) return;
    props.onFocus(item.uid);
    e.currentTarget.focus();
    props.onReveal(item);
  };

  return (
    <li
      ref={(el) => props.setRef(item.uid, el)}
      className={classes}
      tabIndex={props.tabbable ? 0 : -1}
      aria-labelledby={`${id}-head`}
      aria-describedby={`${id}-msg`}
      aria-keyshortcuts={reviewer ? 'Enter 1 2 3' : 'Enter'}
      data-finding={item.key}
      data-uid={item.uid}
      data-category={f.category}
      data-severity={f.severity}
      {...(decided ? { 'data-decision-kind': decided.kind } : {})}
      {...(reviewer ? { 'data-included': String(props.included) } : {})}
      onFocus={(e) => {
        if (e.target === e.currentTarget) props.onFocus(item.uid);
      }}
      onKeyDown={(e) => props.onKeyDown(e, item)}
      onClick={onClick}
    >
      <p id={`${id}-head`} className="finding-head">
        <span className={`badge severity-${f.severity}`}>{SEVERITY_LABELS[f.severity][lang]}</span>{' '}
        <span className="category">{CATEGORY_LABELS[f.category][lang]}</span> <span className="location">{location}</span>
        {f.cited && (
          <>
            {' '}
            <span className="badge cited" title={tr(R.citedHint, lang)}>
              {tr(R.cited, lang)}
            </span>
          </>
        )}
        {decided && (
          <>
            {' '}
            <span className={`badge kind-${decided.kind}`}>{DECISION_LABELS[decided.kind][lang]}</span>
          </>
        )}
        <span className="visually-hidden">
          {tr(R.colon, lang)}“{excerpt(f.text)}”
        </span>
      </p>
      <blockquote className="excerpt" lang="zh-CN">
        {excerpt(f.text)}
      </blockquote>
      <p id={`${id}-msg`} className="message">
        {f.message[lang]}
      </p>
      {f.cited && <p className="note">{tr(R.citedHint, lang)}</p>}
      <dl className="finding-details">
        {f.basis.length > 0 && (
          <div>
            <dt>{tr(R.basis, lang)}</dt>
            <dd>
              <ul className="basis">
                {f.basis.map((b, i) => (
                  <li key={i}>{b}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        {f.suggestion && (
          <div>
            <dt>{tr(R.suggestion, lang)}</dt>
            <dd>{f.suggestion[lang]}</dd>
          </div>
        )}
      </dl>
      {decided && !props.form && <DecisionView lang={lang} decision={decided} />}
      <div className="actions">
        <button type="button" onClick={() => props.onReveal(item)} aria-label={tr(R.revealLabel, lang, { location })} data-action="reveal">
          {tr(R.reveal, lang)}
        </button>
        {reviewer && (
          <button
            type="button"
            aria-expanded={props.form !== null}
            aria-controls={props.form ? `${id}-form` : undefined}
            aria-label={tr(R.decideLabel, lang, { location })}
            data-action="decide"
            onClick={() => props.onOpenForm(item, props.form ? null : { kind: null, focusReason: false })}
          >
            {tr(decided ? R.editDecision : R.decide, lang)}
          </button>
        )}
        {reviewer && (
          <label className="choice include">
            <input type="checkbox" checked={props.included} onChange={(e) => props.onInclude(item, e.target.checked)} aria-label={tr(R.includeLabel, lang, { location })} />
            {tr(R.include, lang)}
          </label>
        )}
      </div>
      {reviewer && props.form && (
        <div id={`${id}-form`}>
          <DecisionForm
            key={props.form.kind ?? ''}
            lang={lang}
            anchor={f.anchor}
            reviewer={props.reviewerName}
            current={item.decision?.decision ?? null}
            initialKind={props.form.kind}
            focusReason={props.form.focusReason}
            onSave={(d) => props.onSave(item, d)}
            onWithdraw={item.decision ? () => props.onWithdraw(item) : null}
            onClose={() => props.onOpenForm(item, null)}
          />
        </div>
      )}
    </li>
  );
}
