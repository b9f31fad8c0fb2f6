import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // CLI tests spawn the real CLI; on 2 cores under load a spawn can take seconds
    testTimeout: 60_000,
  },
});
