import { useId, useState } from 'react';
import { R } from '@/lib/i18n/catalog/review';
import { LANGS, tr, type Lang } from '@/lib/i18n/index';
import { downloadOpinion, printOpinion, type OpinionFormat } from '@/lib/review/download';
import type { OpinionOptions } from '@/lib/review/export';
import { localDate, type PanelFinding } from '@/lib/review/panel-model';

const LANG_NAMES: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

function short(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/**
 * The review opinion: which findings go in (ticked in the list, or all/none here), the date and
 * the language, then .docx, HTML or print. Nothing unticked reaches the file.
 */
export function ExportPanel(props: {
  lang: Lang;
  items: PanelFinding[];
  included: ReadonlySet<string>;
  onSetAll(included: boolean): void;
  options(date: string, lang: Lang): OpinionOptions;
  announce(text: string): void;
}) {
  const { lang, items } = props;
  const id = useId();
  const [date, setDate] = useState(() => localDate());
  const [exportLang, setExportLang] = useState<Lang>('zh-CN');
  const [busy, setBusy] = useState(false);
  const chosen = items.filter((i) => props.included.has(i.key));
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);

  const download = async (format: OpinionFormat): Promise<void> => {
    setBusy(true);
    try {
      const name = await downloadOpinion(props.options(date, exportLang), format, exportLang);
      props.announce(tr(R.exported, lang, { name }));
    } catch (e) {
      props.announce(tr(R.exportFailed, lang, { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const print = (): void => {
    try {
      props.announce(tr(printOpinion(props.options(date, exportLang)) ? R.printOpened : R.printBlocked, lang));
    } catch (e) {
      props.announce(tr(R.exportFailed, lang, { error: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <section className="export" aria-labelledby={`${id}-h`} data-section="export">
      <h2 id={`${id}-h`}>{tr(R.export, lang)}</h2>
      <p className="hint">{tr(R.exportIntro, lang)}</p>
      <p className="count" data-export-count={chosen.length}>
        {tr(R.selected, lang, { n: chosen.length, total: items.length })}
      </p>
      <div className="actions">
        <button type="button" onClick={() => props.onSetAll(true)} disabled={items.length === 0} data-action="select-all">
          {tr(R.selectAll, lang)}
        </button>
        <button type="button" onClick={() => props.onSetAll(false)} disabled={items.length === 0} data-action="select-none">
          {tr(R.selectNone, lang)}
        </button>
      </div>
      {chosen.length > 0 ? (
        <ol className="export-list">
          {chosen.map((i) => (
            <li key={i.key} data-export-item={i.key}>
              <span className="location">{i.finding.location || tr(R.wholeDocument, lang)}</span> <span lang="zh-CN">“{short(i.finding.text)}”</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="note">{tr(R.noneSelected, lang)}</p>
      )}
      <div className="filter-row">
        <div className="field">
          <label htmlFor={`${id}-date`}>{tr(R.exportDate, lang)}</label>
          <input id={`${id}-date`} type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-lang`}>{tr(R.exportLang, lang)}</label>
          <select id={`${id}-lang`} value={exportLang} onChange={(e) => setExportLang(e.target.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !validDate} onClick={() => void download('docx')} data-action="export-docx">
          {tr(R.downloadDocx, lang)}
        </button>
        <button type="button" disabled={busy || !validDate} onClick={() => void download('html')} data-action="export-html">
          {tr(R.downloadHtml, lang)}
        </button>
        <button type="button" disabled={busy || !validDate} onClick={print} data-action="print">
          {tr(R.print, lang)}
        </button>
      </div>
    </section>
  );
}
