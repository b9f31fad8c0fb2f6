import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: '法审 fashen',
    description: '在网页办公系统中检查行政规范性文件草稿的合法性问题 / Legality checks for draft normative documents',
    permissions: ['storage'],
  },
});
