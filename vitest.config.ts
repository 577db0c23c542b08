import { defineConfig } from 'vitest/config';

// Unit and integration tests against a real database: PGlite in-process by default,
// PostgreSQL when TEST_DATABASE_URL is set (each test file gets its own database).
export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts', 'server/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
