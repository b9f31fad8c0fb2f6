import { useId } from 'react';
import { R } from '@/lib/i18n/catalog/review';
import { tr, type Lang } from '@/lib/i18n/index';
import type { StoredDecision } from '@/lib/messages/index';
import { DecisionView } from './FindingItem';

function quote(s: string, max = 120): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Decisions whose quoted text was rewritten: the finding is gone (已修改). */
export function ResolvedList(props: { lang: Lang; decisions: StoredDecision[]; onDelete(d: StoredDecision): void }) {
  const { lang } = props;
  const headingId = useId();
  if (props.decisions.length === 0) return null;
  return (
    <section className="resolved" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {tr(R.resolvedTitle, lang)} <span className="muted">({props.decisions.length})</span>
      </h2>
      <p className="hint">{tr(R.resolvedIntro, lang)}</p>
      <ul>
        {props.decisions.map((s) => (
          <li key={s.id} className="resolved-item" data-resolved={s.id} data-decision-kind={s.decision.kind}>
            <p>
              <span className="label">{tr(R.resolvedQuote, lang)}{tr(R.colon, lang)}</span>
              <del lang="zh-CN">{quote(s.decision.anchor.exact)}</del>
            </p>
            <DecisionView lang={lang} decision={s.decision} />
            <div className="actions">
              <button type="button" onClick={() => props.onDelete(s)} aria-label={tr(R.withdrawLabel, lang, { quote: quote(s.decision.anchor.exact, 40) })}>
                {tr(R.deleteRecord, lang)}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
