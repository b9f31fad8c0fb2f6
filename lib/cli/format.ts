import { CATEGORY_LABELS, SEVERITY_LABELS } from '../annotate/labels';
import type { Finding, Report } from '../engine/types';

/** One file's entry in the CLI's JSON output. */
export type FileReport =
  | ({ file: string } & Pick<Report, 'documentType' | 'validity' | 'commentPeriod'> & {
        title: string | null;
        findings: Omit<Finding, 'suggestion'>[] | Finding[];
        packs: Report['packs'];
      })
  | { file: string; error: string };


/** The JSON form of a report (the shape ../shared/tools/score.mjs and other tools read). */
export function toJson(file: string, report: Report): FileReport {
  return {
    file,
    title: report.title,
    documentType: report.documentType,
    findings: report.findings,
    validity: report.validity,
    commentPeriod: report.commentPeriod,
    packs: report.packs,
  };
}

function excerpt(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

/** Human-readable text for one file: location, excerpt, message, basis; zh-CN first. */
export function toText(file: string, report: Report): string {
  const lines: string[] = [`== ${file}${report.title ? `  《${report.title}》` : ''}`];
  for (const f of report.findings) {
    const where = f.location || '—';
    const tag = `[${SEVERITY_LABELS[f.severity]['zh-CN']}/${f.severity}] ${CATEGORY_LABELS[f.category]['zh-CN']}${f.cited ? ' · 已援引上位法 cited' : ''}`;
    lines.push(`${where}  ${tag}  ${f.ruleId}`);
    if (f.text) lines.push(`  「${excerpt(f.text)}」`);
    lines.push(`  ${f.message['zh-CN']}`);
    lines.push(`  ${f.message.en}`);
    lines.push(`  依据 Basis: ${f.basis.join('；')}`);
    if (f.suggestion) lines.push(`  建议 Suggestion: ${f.suggestion['zh-CN']}`);
  }
  const v = report.validity;
  const c = report.commentPeriod;
  const vText =
    v.status === 'ok' ? `有效期 ${v.years} 年（上限 ${v.limitYears} 年）` : v.status === 'missing' ? `未标明有效期（上限 ${v.limitYears} 年）` : `有效期 ${v.years} 年，超过上限 ${v.limitYears} 年`;
  const cText =
    c.status === 'ok' ? `征求意见 ${c.days} 日（不少于 ${c.minDays} 日）` : c.status === 'missing' ? '未发现征求意见期限' : `征求意见 ${c.days} 日，少于 ${c.minDays} 日`;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;
  lines.push(`  ${vText}；${cText}`);
  lines.push(
    `  共 ${report.findings.length} 处：错误 ${counts.error}、警告 ${counts.warning}、提示 ${counts.info} / ${report.findings.length} findings: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`,
  );
  return lines.join('\n');
}
