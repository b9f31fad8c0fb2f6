import { SEVERITY_LABELS } from '@/lib/annotate/labels';
import { tr, type Lang, type Localized } from '@/lib/i18n/index';
import { OPTIONS } from '@/lib/i18n/catalog/options';
import { useLang } from '@/lib/i18n/react';
import type { PackInfo } from '@/lib/store/state';

const CATEGORY: Record<string, Localized> = {
  licensing: OPTIONS.catLicensing,
  penalty: OPTIONS.catPenalty,
  compulsory: OPTIONS.catCompulsory,
  fee: OPTIONS.catFee,
  obligation: OPTIONS.catObligation,
  validity: OPTIONS.catValidity,
  'comment-period': OPTIONS.catCommentPeriod,
};

/** The rules of one pack with their basis and examples; each can be switched off. */
export function RuleList({
  pack,
  disabledRules,
  onToggle,
  lang: langProp,
}: {
  pack: PackInfo;
  disabledRules: string[];
  onToggle: (ruleId: string, enabled: boolean) => void;
  lang?: Lang;
}) {
  const pageLang = useLang();
  const lang = langProp ?? pageLang;
  return (
    <ul className="rules" data-testid={`rules-${pack.id}`}>
      {pack.rules.map((r) => {
        const on = r.enabled && !disabledRules.includes(`${pack.id}/${r.id}`);
        const category = CATEGORY[r.category];
        const severity = SEVERITY_LABELS[r.severity];
        return (
          <li key={r.id} className={on ? '' : 'off'}>
            <label>
              <input type="checkbox" checked={on} disabled={!r.enabled} onChange={(e) => onToggle(r.id, e.target.checked)} data-testid={`rule-${pack.id}-${r.id}`} />
              <strong>{r.name}</strong> <code>{r.id}</code> · {category ? tr(category, lang) : r.category} · {severity ? tr(severity, lang) : r.severity}
            </label>
            <p>{tr(r.messages, lang)}</p>
            <p className="basis">{tr(OPTIONS.basis, lang, { basis: r.basis.join('；') })}</p>
            <details>
              <summary>{tr(OPTIONS.examples, lang)}</summary>
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
