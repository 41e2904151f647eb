import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    environment: 'node',
    // Forks, not threads: better-sqlite3 is a native addon, and e2e tests spawn servers.
    pool: 'forks',
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    globalSetup: ['test/support/build-client.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
