import { CATEGORIES } from '@/lib/engine/types';
import { CATEGORY_LABELS } from '@/lib/annotate/labels';
import { isShown, setLayer, type ViewState } from '@/lib/annotate/layers';
import { tr, type Lang } from '@/lib/i18n/index';
import { COMMON } from '@/lib/i18n/catalog/common';
import { useLang } from '@/lib/i18n/react';

/** The global switch and the per-category layers of the current site. */
export function ViewControls(props: { view: ViewState; onChange(view: ViewState): void; lang?: Lang }) {
  const pageLang = useLang();
  const lang = props.lang ?? pageLang;
  const { view } = props;
  return (
    <section aria-label={tr(COMMON.annotations, lang)} style={{ marginTop: 10 }}>
      <label style={{ display: 'block', fontWeight: 600 }}>
        <input type="checkbox" checked={view.visible} onChange={(e) => props.onChange({ ...view, visible: e.target.checked })} /> {tr(COMMON.showAnnotations, lang)}
      </label>
      <fieldset disabled={!view.visible} style={{ border: 0, padding: '4px 0 0 18px', margin: 0 }}>
        <legend style={{ fontSize: 12, color: '#5f6368', padding: 0 }}>{tr(COMMON.layers, lang)}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} style={{ display: 'inline-block', minWidth: 110 }}>
            <input type="checkbox" checked={isShown({ ...view, visible: true }, c)} onChange={(e) => props.onChange(setLayer(view, c, e.target.checked))} />{' '}
            {tr(CATEGORY_LABELS[c], lang)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
