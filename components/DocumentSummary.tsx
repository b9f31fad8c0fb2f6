import type { DocSummary } from '@/lib/messages/index';

const VALIDITY: Record<DocSummary['validity']['status'], string> = {
  ok: '有效期符合要求 / validity period within the limit',
  missing: '未规定有效期 / no validity period stated',
  too_long: '有效期超过上限 / validity period above the limit',
};
const COMMENT: Record<DocSummary['commentPeriod']['status'], string> = {
  ok: '征求意见期限符合要求 / comment period long enough',
  too_short: '征求意见期限不足 / comment period too short',
  missing: '未写明征求意见期限 / no comment period stated',
};

/** Document-level results (validity period, comment period) of the tab's drafts. */
export function DocumentSummary(props: { summaries: DocSummary[] }) {
  if (props.summaries.length === 0) {
    return <p style={{ color: '#5f6368' }}>此页面尚无检查结果 / No draft checked on this page yet</p>;
  }
  return (
    <section aria-label="文件检查结果 / Document results" style={{ marginTop: 10 }}>
      {props.summaries.map((s, i) => (
        <div key={i} style={{ borderTop: '1px solid #e0e0e0', paddingTop: 6, marginTop: 6 }}>
          <div style={{ fontWeight: 600 }}>
            {s.title ?? '（无标题 / untitled）'} <span style={{ fontWeight: 400, fontSize: 11, color: '#5f6368' }}>{s.editor}</span>
          </div>
          <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
            <li>
              {VALIDITY[s.validity.status]}
              {s.validity.years !== null && `（${s.validity.years} 年 / years，上限 limit ${s.validity.limitYears}）`}
            </li>
            <li>
              {COMMENT[s.commentPeriod.status]}
              {s.commentPeriod.days !== null && `（${s.commentPeriod.days} 日 / days，至少 min ${s.commentPeriod.minDays}）`}
            </li>
            <li>
              错误 {s.errors} 处 / {s.errors} errors
            </li>
          </ul>
        </div>
      ))}
    </section>
  );
}
