import type { PackInfo } from '@/lib/store/state';

const CATEGORY: Record<string, string> = {
  licensing: '行政许可 / licensing',
  penalty: '行政处罚 / penalty',
  compulsory: '行政强制 / compulsory',
  fee: '收费 / fee',
  obligation: '增加义务 / obligation',
  validity: '有效期 / validity',
  'comment-period': '征求意见期限 / comment period',
};

/** The rules of one pack with their basis and examples; each can be switched off. */
export function RuleList({ pack, disabledRules, onToggle }: { pack: PackInfo; disabledRules: string[]; onToggle: (ruleId: string, enabled: boolean) => void }) {
  return (
    <ul className="rules" data-testid={`rules-${pack.id}`}>
      {pack.rules.map((r) => {
        const on = r.enabled && !disabledRules.includes(`${pack.id}/${r.id}`);
        return (
          <li key={r.id} className={on ? '' : 'off'}>
            <label>
              <input type="checkbox" checked={on} disabled={!r.enabled} onChange={(e) => onToggle(r.id, e.target.checked)} data-testid={`rule-${pack.id}-${r.id}`} />
              <strong>{r.name}</strong> <code>{r.id}</code> · {CATEGORY[r.category] ?? r.category} · {r.severity}
            </label>
            <p>{r.messages['zh-CN']}</p>
            <p className="en">{r.messages.en}</p>
            <p className="basis">依据 / Basis: {r.basis.join('；')}</p>
            <details>
              <summary>示例 / Examples</summary>
              <ul>
                {r.examples.flag.map((e, i) => (
                  <li key={`f${i}`}>✗ {e}</li>
                ))}
                {r.examples.pass.map((e, i) => (
                  <li key={`p${i}`}>✓ {e}</li>
                ))}
              </ul>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
