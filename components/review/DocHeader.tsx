import { R } from '@/lib/i18n/catalog/review';
import { tr, type Lang } from '@/lib/i18n/index';
import { DROP_REASON_LABELS, explainKey } from '@/lib/review/identity';

/**
 * The document's title and why the panel treats it as the document its decisions were stored
 * for. Dropped URL parts are named, not shown: their values are often login tokens.
 */
export function DocHeader(props: { lang: Lang; title: string | null; url: string | null; pageTitle: string | null }) {
  const { lang } = props;
  const ex = props.url ? explainKey({ url: props.url, title: props.pageTitle }) : null;
  return (
    <div className="doc-header">
      <p className="product">{tr(R.product, lang)}</p>
      <h1>{props.title ?? tr(R.untitled, lang)}</h1>
      {ex && (
        <details className="doc-key">
          <summary>{tr(R.sameDocument, lang)}</summary>
          <p>{tr(R.sameDocumentIntro, lang)}</p>
          <dl>
            <dt>{tr(R.keyAddress, lang)}</dt>
            <dd className="mono">{ex.base}</dd>
            <dt>{tr(R.keyTitle, lang)}</dt>
            <dd>{ex.title ?? '—'}</dd>
            <dt>{tr(R.keyDropped, lang)}</dt>
            <dd>
              {ex.dropped.length === 0 ? (
                tr(R.keyNothingDropped, lang)
              ) : (
                <ul>
                  {ex.dropped.map((d, i) => (
                    <li key={i}>
                      <span className="mono">{d.name}</span> {tr(R.keyReason, lang, { reason: DROP_REASON_LABELS[d.reason][lang] })}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
        </details>
      )}
    </div>
  );
}
