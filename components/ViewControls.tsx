import { CATEGORIES } from '@/lib/engine/types';
import { CATEGORY_LABELS } from '@/lib/annotate/labels';
import { isShown, setLayer, type ViewState } from '@/lib/annotate/layers';

/** The global switch and the per-category layers of the current site. */
export function ViewControls(props: { view: ViewState; onChange(view: ViewState): void }) {
  const { view } = props;
  return (
    <section aria-label="标注 / Annotations" style={{ marginTop: 10 }}>
      <label style={{ display: 'block', fontWeight: 600 }}>
        <input type="checkbox" checked={view.visible} onChange={(e) => props.onChange({ ...view, visible: e.target.checked })} /> 显示标注 / Show
        annotations
      </label>
      <fieldset disabled={!view.visible} style={{ border: 0, padding: '4px 0 0 18px', margin: 0 }}>
        <legend style={{ fontSize: 12, color: '#5f6368', padding: 0 }}>图层 / Layers</legend>
        {CATEGORIES.map((c) => (
          <label key={c} style={{ display: 'inline-block', minWidth: 110 }}>
            <input type="checkbox" checked={isShown({ ...view, visible: true }, c)} onChange={(e) => props.onChange(setLayer(view, c, e.target.checked))} />{' '}
            {CATEGORY_LABELS[c]['zh-CN']} <span style={{ fontSize: 11, color: '#5f6368' }}>{CATEGORY_LABELS[c].en}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
