import { defineConfig } from 'vitest/config';

// End-to-end suite in Debian's Chromium (npm run test:e2e). One fork, files one after another:
// the machine has 2 cores and each spec runs two browsers.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.spec.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 0,
  },
});
