import { useCallback, useEffect, useMemo, useState } from 'react';
import { PackImport, PackResult } from '@/components/PackImport';
import { PackList } from '@/components/PackList';
import { RuleList } from '@/components/RuleList';
import { check } from '@/lib/engine/index';
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

/** Options page: rule packs, the jurisdiction stack, single rules, trusted keys, a local file check. */
export function App() {
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
        setError({ code: 'internal', zh: `操作失败：${String(e)}`, en: `failed: ${String(e)}`, details: [] });
      } finally {
        setBusy(false);
      }
    },
    [apply],
  );
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

  if (!state) return <p>加载中… / Loading…</p>;
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

  return (
    <main aria-busy={busy}>
      <h1>
        法审 · 规则包 <span className="en">fashen · rule packs</span>
      </h1>
      <p data-testid="chain">
        当前适用 / In use: {state.chain.map((c) => `${c.id} ${c.version}`).join(' + ') || '—'}
      </p>
      <PackResult error={error} summary={summary} />

      <h2>规则包 / Packs</h2>
      <PackList state={state} onOp={op} onExport={(id, v) => void exportFile(id, v).then((f) => download(f.fileName, f.text))} onBrowse={setBrowse} />

      <h2>导入规则包 / Import a pack</h2>
      <PackImport busy={busy} onFile={(file, trust) => void run(() => importFile(file, trust))} />

      <h2>
        规则 / Rules: {browsed?.manifest.name['zh-CN']} <span className="en">{browsed?.manifest.name.en}</span>
      </h2>
      {browsed ? <RuleList pack={browsed} disabledRules={state.disabledRules} onToggle={(ruleId, enabled) => op({ kind: 'rule-enable', packId: browsed.id, ruleId, enabled })} /> : null}

      <h2>受信任的发布者密钥 / Trusted publisher keys</h2>
      <ul data-testid="keys">
        {state.keys.map((k) => (
          <li key={k.keyId}>
            {k.name} <code>{k.keyId}</code> · {k.source === 'builtin' ? '内置 / built-in' : k.source === 'managed' ? '管理员策略 / administrator policy' : '用户添加 / added by user'}
            {k.source === 'user' ? <button onClick={() => op({ kind: 'key-remove', keyId: k.keyId })}>移除 / Remove</button> : null}
          </li>
        ))}
      </ul>
      <label>
        添加公钥文件（publisher.pub.json）/ Add a public key file:{' '}
        <input type="file" accept=".json,application/json" data-testid="key-file" onChange={(e) => void addKey(e.target.files?.[0])} />
      </label>

      <h2>检查本地文件 / Check a local file</h2>
      <p className="en">文件只在本机检查，不会上传 / The file is checked on this machine only.</p>
      <input type="file" accept=".txt,text/plain" data-testid="check-file" onChange={(e) => void checkFile(e.target.files?.[0])} />
      {findings ? (
        <div data-testid="check-result">
          <p>
            {findings.file}: {findings.findings.length} 处问题 / findings
          </p>
          <ol className="findings">
            {findings.findings.map((f, i) => (
              <li key={i}>
                <strong>{f.location}</strong> 「{f.text}」 {f.message['zh-CN']} <span className="en">{f.message.en}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </main>
  );
}
