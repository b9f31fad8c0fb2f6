import type { SiteStatus } from '@/lib/messages/index';
import { tr, type Lang } from '@/lib/i18n/index';
import { COMMON } from '@/lib/i18n/catalog/common';
import { useLang } from '@/lib/i18n/react';

/** Enable or disable fashen on the current site (issue 3: no host permission until asked). */
export function SiteSwitch(props: { status: SiteStatus; busy: boolean; onEnable(): void; onDisable(): void; lang?: Lang }) {
  const pageLang = useLang();
  const lang = props.lang ?? pageLang;
  const { status } = props;
  const fixed = status.managed || status.preset;
  return (
    <section aria-label={tr(COMMON.site, lang)}>
      <div style={{ fontSize: 12, color: '#5f6368', wordBreak: 'break-all' }}>{status.origin}</div>
      {status.enabled ? (
        <p style={{ margin: '6px 0' }}>
          {tr(COMMON.onForSite, lang)}
          {status.managed && <span> · {tr(COMMON.setByAdmin, lang)}</span>}
          {status.preset && <span> · {tr(COMMON.testBuild, lang)}</span>}
        </p>
      ) : (
        <p style={{ margin: '6px 0' }}>
          {tr(COMMON.offForSite, lang)}
          {status.managed && !status.granted && <span> · {tr(COMMON.managedNeedsPermission, lang)}</span>}
        </p>
      )}
      {status.enabled && !fixed && (
        <button type="button" disabled={props.busy} onClick={props.onDisable}>
          {tr(COMMON.disableOnSite, lang)}
        </button>
      )}
      {!status.enabled && (
        <button type="button" disabled={props.busy} onClick={props.onEnable}>
          {tr(COMMON.enableOnSite, lang)}
        </button>
      )}
    </section>
  );
}
