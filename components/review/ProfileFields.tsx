import { useId, useState } from 'react';
import { R } from '@/lib/i18n/catalog/review';
import { tr, type Lang } from '@/lib/i18n/index';
import type { ReviewProfile } from '@/lib/review/panel-model';

const FIELDS = [
  { key: 'name', label: R.profileName, max: 100, autoComplete: 'name' },
  { key: 'office', label: R.profileOffice, max: 200, autoComplete: 'organization' },
  { key: 'recipient', label: R.profileRecipient, max: 200, autoComplete: 'off' },
] as const;

/** The reviewer's name, office and the unit the opinion goes to; open at first until a name is given (render it once the stored profile is read). */
export function ProfileFields(props: { lang: Lang; profile: ReviewProfile; onChange(p: ReviewProfile): void }) {
  const { lang, profile } = props;
  const id = useId();
  // open at first while no name is known; after that the reviewer opens and closes it
  const [open, setOpen] = useState(() => !profile.name);
  return (
    <details className="profile" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {tr(R.profile, lang)}
        {profile.name && <span className="muted"> · {profile.name}</span>}
      </summary>
      <p className="hint">{tr(R.profileHint, lang)}</p>
      {FIELDS.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={`${id}-${f.key}`}>{tr(f.label, lang)}</label>
          <input
            id={`${id}-${f.key}`}
            type="text"
            value={profile[f.key]}
            maxLength={f.max}
            autoComplete={f.autoComplete}
            data-profile={f.key}
            onChange={(e) => props.onChange({ ...profile, [f.key]: e.target.value })}
          />
        </div>
      ))}
    </details>
  );
}
