import type { DocSummary } from '@/lib/messages/index';
import { tr, type Lang, type Localized } from '@/lib/i18n/index';
import { COMMON } from '@/lib/i18n/catalog/common';
import { useLang } from '@/lib/i18n/react';

const VALIDITY: Record<DocSummary['validity']['status'], Localized> = {
  ok: COMMON.validityOk,
  missing: COMMON.validityMissing,
  too_long: COMMON.validityTooLong,
};
const COMMENT: Record<DocSummary['commentPeriod']['status'], Localized> = {
  ok: COMMON.commentOk,
  too_short: COMMON.commentTooShort,
  missing: COMMON.commentMissing,
};

/** Document-level results (validity period, comment period) of the tab's drafts. */
export function DocumentSummary(props: { summaries: DocSummary[]; lang?: Lang }) {
  const pageLang = useLang();
  const lang = props.lang ?? pageLang;
  if (props.summaries.length === 0) {
    return <p style={{ color: '#5f6368' }}>{tr(COMMON.noResults, lang)}</p>;
  }
  return (
    <section aria-label={tr(COMMON.documentResults, lang)} style={{ marginTop: 10 }}>
      {props.summaries.map((s, i) => (
        <div key={i} style={{ borderTop: '1px solid #e0e0e0', paddingTop: 6, marginTop: 6 }}>
          <div style={{ fontWeight: 600 }}>
            {s.title ?? tr(COMMON.untitled, lang)} <span style={{ fontWeight: 400, fontSize: 11, color: '#5f6368' }}>{s.editor}</span>
          </div>
          <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
            <li>
              {tr(VALIDITY[s.validity.status], lang)}
              {s.validity.years !== null && tr(COMMON.validityYears, lang, { years: s.validity.years, limit: s.validity.limitYears })}
            </li>
            <li>
              {tr(COMMENT[s.commentPeriod.status], lang)}
              {s.commentPeriod.days !== null && tr(COMMON.commentDays, lang, { days: s.commentPeriod.days, min: s.commentPeriod.minDays })}
            </li>
            <li>{tr(COMMON.errorCount, lang, { count: s.errors })}</li>
          </ul>
        </div>
      ))}
    </section>
  );
}
