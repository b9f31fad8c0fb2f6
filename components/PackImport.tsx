import { useRef, useState, type DragEvent } from 'react';
import type { ImportSummary, PackErrorInfo } from '@/lib/store/state';

/** Import a pack file: file picker or drag-and-drop, with the developer "trust this file" switch. */
export function PackImport({ busy, onFile }: { busy: boolean; onFile: (file: File, trustFile: boolean) => void }) {
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
      <p>
        选择或拖入签名规则包文件（SIGNED.json）
        <br />
        <span className="en">Choose or drop a signed pack file (SIGNED.json)</span>
      </p>
      <input ref={input} type="file" accept=".json,application/json" data-testid="pack-file" disabled={busy} onChange={(e) => take(e.target.files?.[0])} />
      <label className="dev">
        <input type="checkbox" checked={trust} onChange={(e) => setTrust(e.target.checked)} data-testid="trust-file" />
        信任此文件（开发者）：允许安装未签名或未受信任密钥签名的规则包 / Trust this file (developer): install an unsigned pack or one signed by an untrusted key
      </label>
    </div>
  );
}

/** What the last import or action did, or why it was refused. */
export function PackResult({ error, summary }: { error: PackErrorInfo | null; summary: ImportSummary | null }) {
  if (error) {
    return (
      <div className="result refused" role="alert" data-testid="pack-error" data-code={error.code}>
        <strong>未安装，现有规则未作任何改动 / Not installed; nothing was changed</strong>
        <p>
          {error.path ? <code>{error.path}</code> : null} {error.zh}
        </p>
        <p className="en">{error.en}</p>
        {error.details.length > 1 ? (
          <details>
            <summary>全部问题 / All problems ({error.details.length})</summary>
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
  const list = (zh: string, en: string, ids: string[]) =>
    ids.length ? (
      <li>
        {zh} / {en}: {ids.join(', ')}
      </li>
    ) : null;
  return (
    <div className="result installed" role="status" data-testid="pack-summary" data-version={summary.version}>
      <strong>
        已安装并启用 {summary.id} {summary.version}
        {summary.previous ? `（原为 ${summary.previous}）` : ''} / Installed and active
      </strong>
      <p>
        {summary.signed ? `签名者 / Signed by: ${summary.publisher ?? ''} (${summary.keyId ?? ''})` : '未经签名验证（开发者信任此文件） / Not signature-verified (trusted by the developer switch)'}
      </p>
      <ul>
        {list('新增规则', 'added', d.added)}
        {list('删除规则', 'removed', d.removed)}
        {list('修改规则', 'changed', d.changed)}
        {list('规则包设置变化', 'manifest changes', d.manifest)}
        {!d.added.length && !d.removed.length && !d.changed.length && !d.manifest.length ? <li>规则内容无变化 / no rule changes</li> : null}
      </ul>
    </div>
  );
}
