import { useId } from 'react';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '@/lib/annotate/labels';
import { SEVERITIES } from '@/lib/engine/types';
import { R } from '@/lib/i18n/catalog/review';
import { tr, type Lang } from '@/lib/i18n/index';
import type { FrameReport } from '@/lib/messages/index';
import { countTable, regionId } from '@/lib/review/panel-model';

function validityText(v: FrameReport['validity'], lang: Lang): string {
  if (v.status === 'ok') return tr(R.validityOk, lang, { years: v.years ?? '—', limit: v.limitYears });
  if (v.status === 'missing') return tr(R.validityMissing, lang, { limit: v.limitYears });
  return v.years === null ? tr(R.validityIndefinite, lang, { limit: v.limitYears }) : tr(R.validityTooLong, lang, { years: v.years, limit: v.limitYears });
}

function commentText(c: FrameReport['commentPeriod'], lang: Lang): string {
  if (c.status === 'ok') return tr(R.commentOk, lang, { days: c.days ?? '—', min: c.minDays });
  if (c.status === 'missing') return tr(R.commentMissing, lang, { min: c.minDays });
  return tr(R.commentShort, lang, { days: c.days ?? '—', min: c.minDays });
}

/** A status word next to a result: the meaning never rests on colour alone. */
function Status(props: { ok: boolean; lang: Lang }) {
  return (
    <span className={props.ok ? 'status ok' : 'status problem'}>
      <span aria-hidden="true">{props.ok ? '✓' : '!'}</span> {tr(props.ok ? R.statusOk : R.statusProblem, props.lang)}
    </span>
  );
}

/** Which region of the page is reviewed, when the page has more than one. */
export function RegionSelect(props: { lang: Lang; regions: FrameReport[]; selected: string; onSelect(id: string): void }) {
  const { lang } = props;
  const id = useId();
  if (props.regions.length < 2) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{tr(R.region, lang)}</label>
      <select id={id} value={props.selected} onChange={(e) => props.onSelect(e.target.value)} data-testid="region-select">
        {props.regions.map((r, i) => (
          <option key={regionId(r)} value={regionId(r)}>
            {tr(R.regionOption, lang, {
              title: r.title ?? tr(R.regionUntitled, lang, { n: i + 1 }),
              editor: r.editor,
              chars: r.length,
              n: r.findings.length + r.truncated,
            })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Document-level results of a region: validity, comment period, counts, packs. */
export function Summary(props: { lang: Lang; region: FrameReport }) {
  const { lang, region } = props;
  const table = countTable(region.findings);
  const headingId = useId();
  return (
    <section className="summary" aria-labelledby={headingId}>
      <h2 id={headingId}>{tr(R.summary, lang)}</h2>
      <dl className="facts">
        <div>
          <dt>{tr(R.documentType, lang)}</dt>
          <dd>{region.documentType}</dd>
        </div>
        <div data-summary="validity" data-status={region.validity.status}>
          <dt>{tr(R.validity, lang)}</dt>
          <dd>
            <Status ok={region.validity.status === 'ok'} lang={lang} /> {validityText(region.validity, lang)}
          </dd>
        </div>
        <div data-summary="comment-period" data-status={region.commentPeriod.status}>
          <dt>{tr(R.commentPeriod, lang)}</dt>
          <dd>
            <Status ok={region.commentPeriod.status === 'ok'} lang={lang} /> {commentText(region.commentPeriod, lang)}
          </dd>
        </div>
        <div data-summary="packs">
          <dt>{tr(R.packs, lang)}</dt>
          <dd>
            {region.packs.length === 0
              ? tr(R.noPacks, lang)
              : region.packs.map((p) => tr(R.packVersion, lang, { id: p.id, version: p.version })).join(tr(R.listSep, lang))}
          </dd>
        </div>
      </dl>
      {table.total > 0 && (
        <div className="table-wrap">
          <table className="counts" data-summary="counts">
            <caption>{tr(R.counts, lang)}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(R.countCategory, lang)}</th>
                {SEVERITIES.map((s) => (
                  <th scope="col" key={s}>
                    {SEVERITY_LABELS[s][lang]}
                  </th>
                ))}
                <th scope="col">{tr(R.countTotal, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.category} data-category={row.category}>
                  <th scope="row">{CATEGORY_LABELS[row.category][lang]}</th>
                  {SEVERITIES.map((s) => (
                    <td key={s}>{row.counts[s] || '–'}</td>
                  ))}
                  <td>{row.total}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{tr(R.countTotal, lang)}</th>
                {SEVERITIES.map((s) => (
                  <td key={s}>{table.totals[s]}</td>
                ))}
                <td>{table.total}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {region.truncated > 0 && <p className="note">{tr(R.truncated, lang, { n: region.truncated })}</p>}
    </section>
  );
}
