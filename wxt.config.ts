import { defineConfig } from 'wxt';
import { LANGS } from './lib/i18n/index';
import { localeDir, localeMessages } from './lib/i18n/catalog/manifest';
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
    // The manifest's words are localized (issue 5): _locales/ is generated from
    // lib/i18n/catalog/manifest.ts by the build:publicAssets hook below.
    default_locale: 'zh_CN',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
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
        description: '__MSG_cmdToggle__',
      },
    },
    // Chrome-family policy schema for administrators; Firefox reads managed storage from a
    // native manifest instead and rejects the key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
  }),
  hooks: {
    // _locales/<locale>/messages.json for each UI language, in Chrome's message format
    'build:publicAssets': (_wxt, files) => {
      for (const lang of LANGS) {
        files.push({ relativeDest: `_locales/${localeDir(lang)}/messages.json`, contents: JSON.stringify(localeMessages(lang), null, 2) });
      }
    },
  },
  vite: () => ({
    define: { __FASHEN_TEST_HOSTS__: JSON.stringify(testHosts) },
  }),
});
