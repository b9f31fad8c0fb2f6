import type { SiteStatus } from '@/lib/messages/index';

/** Enable or disable fashen on the current site (issue 3: no host permission until asked). */
export function SiteSwitch(props: { status: SiteStatus; busy: boolean; onEnable(): void; onDisable(): void }) {
  const { status } = props;
  const fixed = status.managed || status.preset;
  return (
    <section aria-label="站点 / Site">
      <div style={{ fontSize: 12, color: '#5f6368', wordBreak: 'break-all' }}>{status.origin}</div>
      {status.enabled ? (
        <p style={{ margin: '6px 0' }}>
          已在此网站启用 <span lang="en">/ On for this site</span>
          {status.managed && <span> · 管理员预配置 / set by your administrator</span>}
          {status.preset && <span> · 测试构建 / test build</span>}
        </p>
      ) : (
        <p style={{ margin: '6px 0' }}>
          未在此网站启用 <span lang="en">/ Off for this site</span>
          {status.managed && !status.granted && <span> · 管理员已预配置，需授权 / pre-configured, needs your permission</span>}
        </p>
      )}
      {status.enabled && !fixed && (
        <button type="button" disabled={props.busy} onClick={props.onDisable}>
          在此网站停用 / Disable on this site
        </button>
      )}
      {!status.enabled && (
        <button type="button" disabled={props.busy} onClick={props.onEnable}>
          在此网站启用 / Enable on this site
        </button>
      )}
    </section>
  );
}
