import { useState } from 'react';
import type { Request } from '@/lib/messages/index';
import type { PackInfo, PacksState } from '@/lib/store/state';

type Op = Extract<Request, { kind: 'pack-activate' | 'pack-remove' | 'pack-disable' | 'stack-set' }>;

const SOURCE: Record<string, string> = {
  builtin: '内置 / built-in',
  'signed-file': '已签名导入 / signed import',
  'trusted-file': '开发者信任 / developer-trusted',
};

function PackRow({ pack, state, onOp, onExport, onBrowse }: { pack: PackInfo; state: PacksState; onOp: (op: Op) => void; onExport: (id: string, version: string) => void; onBrowse: (id: string) => void }) {
  const [pick, setPick] = useState(pack.active ?? pack.versions[0]?.version ?? '');
  const active = pack.versions.find((v) => v.version === pack.active);
  const inStack = state.chain.some((c) => c.id === pack.id);
  const isBase = !pack.manifest.extends;
  const imported = pack.versions.some((v) => v.source !== 'builtin');
  return (
    <tr data-testid={`pack-${pack.id}`} data-active={pack.active ?? ''} className={pack.disabled ? 'disabled' : ''}>
      <td>
        {isBase ? (
          <input type="checkbox" checked disabled title="全国规则包总是适用 / the national pack always applies" />
        ) : (
          <input type="radio" name="stack" checked={state.stack === pack.id} disabled={pack.disabled} onChange={() => onOp({ kind: 'stack-set', top: pack.id })} data-testid={`stack-${pack.id}`} />
        )}
      </td>
      <td>
        <button className="link" onClick={() => onBrowse(pack.id)}>
          {pack.manifest.name['zh-CN']}
        </button>
        <div className="en">{pack.manifest.name.en}</div>
      </td>
      <td>{pack.manifest.jurisdiction.name}</td>
      <td data-testid={`active-${pack.id}`}>{pack.active ?? '—'}</td>
      <td>{pack.manifest.validAsOf}</td>
      <td>{active?.ruleCount ?? pack.rules.length}</td>
      <td>{active ? (active.publisher ?? SOURCE[active.source]) : ''}</td>
      <td>{inStack ? '适用中 / in use' : pack.disabled ? '已停用 / disabled' : ''}</td>
      <td className="actions">
        <select value={pick} onChange={(e) => setPick(e.target.value)} data-testid={`versions-${pack.id}`} aria-label="版本 / version">
          {pack.versions.map((v) => (
            <option key={v.version} value={v.version}>
              {v.version} · {SOURCE[v.source]} · {new Date(v.installedAt).toLocaleDateString('zh-CN')}
            </option>
          ))}
        </select>
        <button disabled={pick === pack.active} onClick={() => onOp({ kind: 'pack-activate', id: pack.id, version: pick })} data-testid={`activate-${pack.id}`}>
          启用此版本（回退）/ Use this version
        </button>
        <button onClick={() => onExport(pack.id, pick)}>导出 / Export</button>
        {imported ? (
          <button onClick={() => onOp({ kind: 'pack-remove', id: pack.id })} data-testid={`remove-${pack.id}`}>
            删除导入版本 / Remove imported
          </button>
        ) : null}
        {!isBase ? (
          <button onClick={() => onOp({ kind: 'pack-disable', id: pack.id, disabled: !pack.disabled })}>{pack.disabled ? '启用 / Enable' : '停用 / Disable'}</button>
        ) : null}
      </td>
    </tr>
  );
}

/** Installed packs: the stack (national + one local pack), versions, rollback, export, remove. */
export function PackList({ state, onOp, onExport, onBrowse }: { state: PacksState; onOp: (op: Op) => void; onExport: (id: string, version: string) => void; onBrowse: (id: string) => void }) {
  return (
    <table className="packs" data-testid="pack-list">
      <thead>
        <tr>
          <th>适用 / Use</th>
          <th>规则包 / Pack</th>
          <th>适用地区 / Jurisdiction</th>
          <th>版本 / Version</th>
          <th>依据截至 / Valid as of</th>
          <th>规则数 / Rules</th>
          <th>发布者 / Publisher</th>
          <th>状态 / Status</th>
          <th>操作 / Actions</th>
        </tr>
      </thead>
      <tbody>
        {state.packs.map((p) => (
          <PackRow key={`${p.id}@${p.active ?? ''}`} pack={p} state={state} onOp={onOp} onExport={onExport} onBrowse={onBrowse} />
        ))}
        <tr>
          <td>
            <input type="radio" name="stack" checked={state.stack === 'national'} onChange={() => onOp({ kind: 'stack-set', top: 'national' })} data-testid="stack-national" />
          </td>
          <td colSpan={8}>仅全国规则包 / National pack only</td>
        </tr>
      </tbody>
    </table>
  );
}
