import { useId } from 'react';
import { R } from '@/lib/i18n/catalog/review';
import { tr, type Lang, type LangSetting } from '@/lib/i18n/index';
import type { ReviewMode } from '@/lib/review/panel-model';

/** Drafter or reviewer view: radio buttons, so arrow keys switch between them. */
export function ModeSwitch(props: { lang: Lang; mode: ReviewMode; onChange(mode: ReviewMode): void }) {
  const { lang } = props;
  const name = useId();
  const modes: ReviewMode[] = ['drafter', 'reviewer'];
  return (
    <fieldset className="mode-switch">
      <legend>{tr(R.mode, lang)}</legend>
      {modes.map((m) => (
        <label key={m} className="choice" title={tr(m === 'drafter' ? R.drafterHint : R.reviewerHint, lang)}>
          <input type="radio" name={name} value={m} checked={props.mode === m} onChange={() => props.onChange(m)} data-mode={m} />
          {tr(m === 'drafter' ? R.drafter : R.reviewer, lang)}
        </label>
      ))}
    </fieldset>
  );
}

/** The UI language: the browser's, or one chosen here (shared with the options page). */
export function LangSwitch(props: { lang: Lang; setting: LangSetting; onChange(setting: LangSetting): void }) {
  const id = useId();
  return (
    <div className="field inline">
      <label htmlFor={id}>{tr(R.language, props.lang)}</label>
      <select id={id} value={props.setting} onChange={(e) => props.onChange(e.target.value as LangSetting)}>
        <option value="auto">{tr(R.langAuto, props.lang)}</option>
        <option value="zh-CN" lang="zh-CN">
          中文
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
    </div>
  );
}
