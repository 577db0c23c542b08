import { defineConfig } from 'vitest/config';

// Browser journeys: the built app (web/dist) served by the real server on an in-memory
// database with demo data, driven by Playwright in Debian's Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
