import { useRef, useState, type DragEvent } from 'react';
import { tr, type Lang } from '@/lib/i18n/index';
import { OPTIONS } from '@/lib/i18n/catalog/options';
import { useLang } from '@/lib/i18n/react';
import type { ImportSummary, PackErrorInfo } from '@/lib/store/state';

/** Import a pack file: file picker or drag-and-drop, with the developer "trust this file" switch. */
export function PackImport({ busy, onFile, lang: langProp }: { busy: boolean; onFile: (file: File, trustFile: boolean) => void; lang?: Lang }) {
  const pageLang = useLang();
  const lang = langProp ?? pageLang;
  const input = useRef<HTMLInputElement>(null);
  const [trust, setTrust] = useState(false);
  const [over, setOver] = useState(false);
  const take = (file: File | undefined): void => {
    if (!file) return;
    onFile(file, trust);
    setTrust(false); // the switch covers one file only
    if (input.current) input.current.value = '';
  };
  const drop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      data-testid="pack-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label>
        <span style={{ display: 'block', marginBottom: 6 }}>{tr(OPTIONS.chooseOrDrop, lang)}</span>
        <input ref={input} type="file" accept=".json,application/json" data-testid="pack-file" disabled={busy} onChange={(e) => take(e.target.files?.[0])} />
      </label>
      <label className="dev">
        <input type="checkbox" checked={trust} onChange={(e) => setTrust(e.target.checked)} data-testid="trust-file" /> {tr(OPTIONS.trustFile, lang)}
      </label>
    </div>
  );
}

/** What the last import or action did, or why it was refused. */
export function PackResult({ error, summary, lang: langProp }: { error: PackErrorInfo | null; summary: ImportSummary | null; lang?: Lang }) {
  const pageLang = useLang();
  const lang = langProp ?? pageLang;
  if (error) {
    return (
      <div className="result refused" role="alert" data-testid="pack-error" data-code={error.code}>
        <strong>{tr(OPTIONS.notInstalled, lang)}</strong>
        <p>
          {error.path ? <code>{error.path}</code> : null} {lang === 'en' ? error.en : error.zh}
        </p>
        {error.details.length > 1 ? (
          <details>
            <summary>{tr(OPTIONS.allProblems, lang, { count: error.details.length })}</summary>
            <ul>
              {error.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    );
  }
  if (!summary) return null;
  const d = summary.diff;
  const list = (entry: typeof OPTIONS.diffAdded, ids: string[]) => (ids.length ? <li>{tr(entry, lang, { ids: ids.join(', ') })}</li> : null);
  const vars = { id: summary.id, version: summary.version, previous: summary.previous ?? '' };
  return (
    <div className="result installed" role="status" data-testid="pack-summary" data-version={summary.version}>
      <strong>{tr(summary.previous ? OPTIONS.installedReplacing : OPTIONS.installed, lang, vars)}</strong>
      <p>{summary.signed ? tr(OPTIONS.signedBy, lang, { publisher: summary.publisher ?? '', keyId: summary.keyId ?? '' }) : tr(OPTIONS.notVerified, lang)}</p>
      <ul>
        {list(OPTIONS.diffAdded, d.added)}
        {list(OPTIONS.diffRemoved, d.removed)}
        {list(OPTIONS.diffChanged, d.changed)}
        {list(OPTIONS.diffManifest, d.manifest)}
        {!d.added.length && !d.removed.length && !d.changed.length && !d.manifest.length ? <li>{tr(OPTIONS.noRuleChanges, lang)}</li> : null}
      </ul>
    </div>
  );
}
