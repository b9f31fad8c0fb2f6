import { defineConfig } from 'wxt';
import { parseTestHosts } from './lib/sites/origins';

// FASHEN_TEST_HOSTS (tests and `npm run demo` only): comma-separated match patterns granted at
// install and pre-enabled. A normal `npm run build` grants no host at all (issue 3).
const testHosts = parseTestHosts(process.env.FASHEN_TEST_HOSTS);

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // a test build never overwrites (or gets shipped as) the release build
  outDir: testHosts.length ? '.output/test' : '.output',
  manifest: ({ browser, manifestVersion }) => ({
    name: '法审 fashen',
    description: '在网页办公系统中检查行政规范性文件草稿的合法性问题 / Legality checks for draft normative documents',
    // Hosts are asked for one origin at a time, from the popup, when the user enables a site.
    // MV2 (the Firefox build) lists hosts among the permissions; MV3 has host-permission keys.
    ...(manifestVersion === 2
      ? { permissions: ['storage', 'scripting', 'activeTab', ...testHosts], optional_permissions: ['http://*/*', 'https://*/*'] }
      : {
          permissions: ['storage', 'scripting', 'activeTab'],
          optional_host_permissions: ['http://*/*', 'https://*/*'],
          ...(testHosts.length ? { host_permissions: testHosts } : {}),
        }),
    commands: {
      'toggle-annotations': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '显示/隐藏标注 / Show or hide annotations',
      },
    },
    // Chrome-family policy schema for administrators; Firefox reads managed storage from a
    // native manifest instead and rejects the key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
  }),
  vite: () => ({
    define: { __FASHEN_TEST_HOSTS__: JSON.stringify(testHosts) },
  }),
});
