import { useCallback, useEffect, useMemo, useState } from 'react';
import { PackImport, PackResult } from '@/components/PackImport';
import { PackList } from '@/components/PackList';
import { RuleList } from '@/components/RuleList';
import { check } from '@/lib/engine/index';
import { tr, type Lang, type LangSetting } from '@/lib/i18n/index';
import { OPTIONS } from '@/lib/i18n/catalog/options';
import { COMMON } from '@/lib/i18n/catalog/common';
import { readLangSetting, useLang, writeLangSetting } from '@/lib/i18n/react';
import type { Finding } from '@/lib/engine/types';
import type { Request } from '@/lib/messages/index';
import { compilePack } from '@/lib/packs/compile';
import type { BuiltPack } from '@/lib/packs/schema';
import { exportFile, importFile, packOp, type PackOpResult } from '@/lib/store/client';
import type { ImportSummary, PackErrorInfo, PacksState } from '@/lib/store/state';

type Op = Parameters<typeof packOp>[0];

/** The chain the content scripts use, rebuilt from the state (active versions, rule switches applied). */
function activeChainOf(state: PacksState): BuiltPack[] {
  const off = new Set(state.disabledRules);
  return state.chain.flatMap(({ id }) => {
    const p = state.packs.find((x) => x.id === id);
    if (!p) return [];
    return [{ format: 'fashen-pack/1' as const, manifest: p.manifest, rules: p.rules.map((r) => (off.has(`${id}/${r.id}`) ? { ...r, enabled: false } : r)) }];
  });
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Each language by its own name, the same whatever the page's language. */
const LANG_NAMES: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

/** The UI language: follow the browser, or one of the two languages (storage.local `uiLang`). */
function LanguageSetting({ lang }: { lang: Lang }) {
  const [setting, setSetting] = useState<LangSetting | null>(null);
  useEffect(() => {
    void readLangSetting().then(setSetting);
  }, []);
  const change = (next: LangSetting): void => {
    setSetting(next);
    void writeLangSetting(next);
  };
  return (
    <p>
      <label>
        {tr(OPTIONS.language, lang)}{' '}
        <select value={setting ?? 'auto'} disabled={setting === null} onChange={(e) => change(e.target.value as LangSetting)} data-testid="ui-lang">
          <option value="auto">{tr(OPTIONS.langAuto, lang)}</option>
          <option value="zh-CN" lang="zh-CN">
            {LANG_NAMES['zh-CN']}
          </option>
          <option value="en" lang="en">
            {LANG_NAMES.en}
          </option>
        </select>
      </label>
    </p>
  );
}

/** Options page: rule packs, the jurisdiction stack, single rules, trusted keys, a local file check. */
export function App() {
  const lang = useLang();
  const [state, setState] = useState<PacksState | null>(null);
  const [error, setError] = useState<PackErrorInfo | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [browse, setBrowse] = useState('national');
  const [findings, setFindings] = useState<{ file: string; findings: Finding[] } | null>(null);

  const apply = useCallback((r: PackOpResult) => {
    setState(r.state);
    setError(r.error);
    setSummary(r.summary);
  }, []);
  const run = useCallback(
    async (op: () => Promise<PackOpResult>) => {
      setBusy(true);
      try {
        apply(await op());
      } catch (e) {
        setError({ code: 'internal', zh: tr(OPTIONS.opFailed, 'zh-CN', { error: String(e) }), en: tr(OPTIONS.opFailed, 'en', { error: String(e) }), details: [] });
      } finally {
        setBusy(false);
      }
    },
    [apply],
  );
  useEffect(() => {
    document.title = tr(OPTIONS.title, lang);
  }, [lang]);
  useEffect(() => {
    void run(() => packOp({ kind: 'packs-state' })).then(() => setSummary(null));
  }, [run]);

  const compiled = useMemo(() => {
    if (!state) return null;
    try {
      return compilePack(activeChainOf(state));
    } catch {
      return null;
    }
  }, [state]);

  if (!state) return <p>{tr(COMMON.loading, lang)}</p>;
  const op = (o: Op): void => void run(() => packOp(o));
  const browsed = state.packs.find((p) => p.id === browse) ?? state.packs[0];

  const checkFile = async (file: File | undefined): Promise<void> => {
    if (!file || !compiled) return;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      text = new TextDecoder('gb18030').decode(await file.arrayBuffer());
    }
    setFindings({ file: file.name, findings: check(text, compiled).findings });
  };

  const addKey = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    await run(async () => packOp({ kind: 'key-add', text: await file.text() } as Extract<Request, { kind: 'key-add' }>));
  };

  const keySource = (source: string): string =>
    tr(source === 'builtin' ? OPTIONS.keyBuiltin : source === 'managed' ? OPTIONS.keyManaged : OPTIONS.keyUser, lang);

  return (
    <main aria-busy={busy}>
      <h1>{tr(OPTIONS.title, lang)}</h1>
      <LanguageSetting lang={lang} />
      <p data-testid="chain">{tr(OPTIONS.inUse, lang, { chain: state.chain.map((c) => `${c.id} ${c.version}`).join(' + ') || '—' })}</p>
      <PackResult error={error} summary={summary} lang={lang} />

      <h2>{tr(OPTIONS.packs, lang)}</h2>
      <PackList
        state={state}
        onOp={op}
        onExport={(id, v) => void exportFile(id, v).then((f) => download(f.fileName, f.text))}
        onBrowse={setBrowse}
        lang={lang}
      />

      <h2>{tr(OPTIONS.importPack, lang)}</h2>
      <PackImport busy={busy} onFile={(file, trust) => void run(() => importFile(file, trust))} lang={lang} />

      <h2>{tr(OPTIONS.rulesOf, lang, { pack: browsed ? tr(browsed.manifest.name, lang) : '' })}</h2>
      {browsed ? (
        <RuleList
          pack={browsed}
          disabledRules={state.disabledRules}
          onToggle={(ruleId, enabled) => op({ kind: 'rule-enable', packId: browsed.id, ruleId, enabled })}
          lang={lang}
        />
      ) : null}

      <h2>{tr(OPTIONS.keys, lang)}</h2>
      <ul data-testid="keys">
        {state.keys.map((k) => (
          <li key={k.keyId}>
            {k.name} <code>{k.keyId}</code> · {keySource(k.source)}
            {k.source === 'user' ? <button onClick={() => op({ kind: 'key-remove', keyId: k.keyId })}>{tr(OPTIONS.removeKey, lang)}</button> : null}
          </li>
        ))}
      </ul>
      <label>
        {tr(OPTIONS.addKeyFile, lang)} <input type="file" accept=".json,application/json" data-testid="key-file" onChange={(e) => void addKey(e.target.files?.[0])} />
      </label>

      <h2>{tr(OPTIONS.checkFile, lang)}</h2>
      <p className="muted">{tr(OPTIONS.checkLocalOnly, lang)}</p>
      <input
        type="file"
        accept=".txt,text/plain"
        aria-label={tr(OPTIONS.checkFileInput, lang)}
        data-testid="check-file"
        onChange={(e) => void checkFile(e.target.files?.[0])}
      />
      {findings ? (
        <div data-testid="check-result">
          <p>{tr(OPTIONS.findingsCount, lang, { file: findings.file, count: findings.findings.length })}</p>
          <ol className="findings">
            {findings.findings.map((f, i) => (
              <li key={i}>
                <strong>{f.location}</strong> 「{f.text}」 {tr(f.message, lang)}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </main>
  );
}
