import { useState } from 'react';
import { tr, type Lang, type Localized } from '@/lib/i18n/index';
import { OPTIONS } from '@/lib/i18n/catalog/options';
import { useLang } from '@/lib/i18n/react';
import type { Request } from '@/lib/messages/index';
import type { PackInfo, PacksState } from '@/lib/store/state';

type Op = Extract<Request, { kind: 'pack-activate' | 'pack-remove' | 'pack-disable' | 'stack-set' }>;

const SOURCE: Record<string, Localized> = {
  builtin: OPTIONS.sourceBuiltin,
  'signed-file': OPTIONS.sourceSigned,
  'trusted-file': OPTIONS.sourceTrusted,
};
const source = (s: string, lang: Lang): string => {
  const entry = SOURCE[s];
  return entry ? tr(entry, lang) : s;
};

function PackRow({
  pack,
  state,
  onOp,
  onExport,
  onBrowse,
  lang,
}: {
  pack: PackInfo;
  state: PacksState;
  onOp: (op: Op) => void;
  onExport: (id: string, version: string) => void;
  onBrowse: (id: string) => void;
  lang: Lang;
}) {
  const [pick, setPick] = useState(pack.active ?? pack.versions[0]?.version ?? '');
  const active = pack.versions.find((v) => v.version === pack.active);
  const inStack = state.chain.some((c) => c.id === pack.id);
  const isBase = !pack.manifest.extends;
  const imported = pack.versions.some((v) => v.source !== 'builtin');
  const name = tr(pack.manifest.name, lang);
  return (
    <tr data-testid={`pack-${pack.id}`} data-active={pack.active ?? ''} className={pack.disabled ? 'disabled' : ''}>
      <td>
        {isBase ? (
          <input type="checkbox" checked disabled title={tr(OPTIONS.nationalAlways, lang)} aria-label={tr(OPTIONS.nationalAlways, lang)} />
        ) : (
          <input
            type="radio"
            name="stack"
            checked={state.stack === pack.id}
            disabled={pack.disabled}
            onChange={() => onOp({ kind: 'stack-set', top: pack.id })}
            aria-label={tr(OPTIONS.useStack, lang, { pack: name })}
            data-testid={`stack-${pack.id}`}
          />
        )}
      </td>
      <td>
        <button className="link" onClick={() => onBrowse(pack.id)}>
          {name}
        </button>
      </td>
      <td>{pack.manifest.jurisdiction.name}</td>
      <td data-testid={`active-${pack.id}`}>{pack.active ?? '—'}</td>
      <td>{pack.manifest.validAsOf}</td>
      <td>{active?.ruleCount ?? pack.rules.length}</td>
      <td>{active ? (active.publisher ?? source(active.source, lang)) : ''}</td>
      <td>{inStack ? tr(OPTIONS.statusInUse, lang) : pack.disabled ? tr(OPTIONS.statusDisabled, lang) : ''}</td>
      <td className="actions">
        <select value={pick} onChange={(e) => setPick(e.target.value)} data-testid={`versions-${pack.id}`} aria-label={tr(OPTIONS.versionOf, lang, { pack: name })}>
          {pack.versions.map((v) => (
            <option key={v.version} value={v.version}>
              {v.version} · {source(v.source, lang)} · {new Date(v.installedAt).toLocaleDateString(lang)}
            </option>
          ))}
        </select>
        <button disabled={pick === pack.active} onClick={() => onOp({ kind: 'pack-activate', id: pack.id, version: pick })} data-testid={`activate-${pack.id}`}>
          {tr(OPTIONS.useVersion, lang)}
        </button>
        <button onClick={() => onExport(pack.id, pick)}>{tr(OPTIONS.exportPack, lang)}</button>
        {imported ? (
          <button onClick={() => onOp({ kind: 'pack-remove', id: pack.id })} data-testid={`remove-${pack.id}`}>
            {tr(OPTIONS.removeImported, lang)}
          </button>
        ) : null}
        {!isBase ? (
          <button onClick={() => onOp({ kind: 'pack-disable', id: pack.id, disabled: !pack.disabled })}>
            {tr(pack.disabled ? OPTIONS.enablePack : OPTIONS.disablePack, lang)}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

/** Installed packs: the stack (national + one local pack), versions, rollback, export, remove. */
export function PackList({
  state,
  onOp,
  onExport,
  onBrowse,
  lang: langProp,
}: {
  state: PacksState;
  onOp: (op: Op) => void;
  onExport: (id: string, version: string) => void;
  onBrowse: (id: string) => void;
  lang?: Lang;
}) {
  const pageLang = useLang();
  const lang = langProp ?? pageLang;
  return (
    <div className="table-scroll">
      <table className="packs" data-testid="pack-list">
        <thead>
          <tr>
            <th>{tr(OPTIONS.colUse, lang)}</th>
            <th>{tr(OPTIONS.colPack, lang)}</th>
            <th>{tr(OPTIONS.colJurisdiction, lang)}</th>
            <th>{tr(OPTIONS.colVersion, lang)}</th>
            <th>{tr(OPTIONS.colValidAsOf, lang)}</th>
            <th>{tr(OPTIONS.colRules, lang)}</th>
            <th>{tr(OPTIONS.colPublisher, lang)}</th>
            <th>{tr(OPTIONS.colStatus, lang)}</th>
            <th>{tr(OPTIONS.colActions, lang)}</th>
          </tr>
        </thead>
        <tbody>
          {state.packs.map((p) => (
            <PackRow key={`${p.id}@${p.active ?? ''}`} pack={p} state={state} onOp={onOp} onExport={onExport} onBrowse={onBrowse} lang={lang} />
          ))}
          <tr>
            <td>
              <input
                type="radio"
                name="stack"
                id="stack-national"
                checked={state.stack === 'national'}
                onChange={() => onOp({ kind: 'stack-set', top: 'national' })}
                data-testid="stack-national"
              />
            </td>
            <td colSpan={8}>
              <label htmlFor="stack-national">{tr(OPTIONS.nationalOnly, lang)}</label>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
