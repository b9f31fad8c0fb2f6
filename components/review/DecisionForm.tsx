import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { R } from '@/lib/i18n/catalog/review';
import { tr, type Lang } from '@/lib/i18n/index';
import type { QuoteAnchor } from '@/lib/review/anchor';
import { DECISION_FIELD_LABELS, DECISION_KINDS, DECISION_LABELS, decide, type Decision, type DecisionKind } from '@/lib/review/decisions';
import { decisionErrorText } from '@/lib/review/panel-model';

/**
 * The reviewer's decision on one finding: kind, reason (required for 可以接受, checked by
 * decide()), free note; save, withdraw, cancel (Escape).
 */
export function DecisionForm(props: {
  lang: Lang;
  anchor: QuoteAnchor;
  reviewer: string;
  current: Decision | null;
  initialKind: DecisionKind | null;
  /** focus the reason field first (key 2: acceptable needs a reason) */
  focusReason: boolean;
  onSave(decision: Decision): Promise<boolean>;
  onWithdraw: (() => Promise<boolean>) | null;
  onClose(): void;
}) {
  const { lang, current } = props;
  const id = useId();
  const [kind, setKind] = useState<DecisionKind | null>(props.initialKind ?? current?.kind ?? null);
  const [reason, setReason] = useState(current?.reason ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const [errors, setErrors] = useState<{ field: string; text: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const kindRefs = useRef<(HTMLInputElement | null)[]>([]);
  const focusKind = (): void => kindRefs.current[kind ? DECISION_KINDS.indexOf(kind) : 0]?.focus();
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (props.focusReason) reasonRef.current?.focus();
    else focusKind();
    // focus once, when the form opens
  }, []);

  const submit = async (): Promise<void> => {
    if (!kind) {
      setErrors([{ field: 'kind', text: tr(R.chooseKind, lang) }]);
      focusKind();
      return;
    }
    const r = decide({ kind, reason, note, reviewer: props.reviewer, anchor: props.anchor });
    if (!r.ok) {
      const errs = r.errors.map((e) => decisionErrorText(e, lang));
      setErrors(errs);
      if (errs.some((e) => e.field === 'reason')) reasonRef.current?.focus();
      return;
    }
    setErrors([]);
    setBusy(true);
    const ok = await props.onSave(r.decision);
    setBusy(false);
    if (ok) props.onClose();
  };

  const withdraw = async (): Promise<void> => {
    if (!props.onWithdraw) return;
    setBusy(true);
    const ok = await props.onWithdraw();
    setBusy(false);
    if (ok) props.onClose();
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
    }
  };

  const reasonError = errors.find((e) => e.field === 'reason');
  return (
    <form
      className="decision-form"
      // decide() checks, so the message comes in the panel's language, not the browser's
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-busy={busy}
    >
      <fieldset>
        <legend>{DECISION_FIELD_LABELS.kind[lang]}</legend>
        {DECISION_KINDS.map((k, i) => (
          <label key={k} className={`choice kind-${k}`}>
            <input
              ref={(el) => {
                kindRefs.current[i] = el;
              }}
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
              aria-keyshortcuts={String(i + 1)}
            />
            {DECISION_LABELS[k][lang]} <kbd aria-hidden="true">{i + 1}</kbd>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          {DECISION_FIELD_LABELS.reason[lang]}
          {kind === 'acceptable' && <span className="required"> {tr(R.reasonRequired, lang)}</span>}
        </label>
        <textarea
          id={`${id}-reason`}
          ref={reasonRef}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={2}
          maxLength={2_000}
          required={kind === 'acceptable'}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-reason-error` : undefined}
        />
        {reasonError && (
          <p id={`${id}-reason-error`} className="error">
            {reasonError.text}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{DECISION_FIELD_LABELS.note[lang]}</label>
        <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={10_000} />
      </div>
      {errors.length > 0 && (
        <ul className="errors" role="alert">
          {errors.map((e, i) => (
            <li key={i}>{e.text}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {tr(busy ? R.saving : R.save, lang)}
        </button>
        {props.onWithdraw && (
          <button type="button" disabled={busy} onClick={() => void withdraw()}>
            {tr(R.withdraw, lang)}
          </button>
        )}
        <button type="button" disabled={busy} onClick={props.onClose}>
          {tr(R.cancel, lang)}
        </button>
      </div>
    </form>
  );
}
