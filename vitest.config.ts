import { defineConfig } from 'vitest/config';

// Four projects, chosen by folder so a new test file lands in one by where it is written:
//   unit  test/unit/           no database, no JVM, no global setup; files in parallel
//   api   test/integration/    the real Neo4j and PostgreSQL the global setup starts
//   e2e   test/e2e/            headless Chromium against the built client and the real API
//   slow  test/reliability/, test/bench/   attacks, outages, schemathesis, the benchmark's smoke run
// `vitest run` (npm test) runs them all, one group after another (sequence.groupOrder), so the projects
// that share the one database never overlap. The global setup starts the databases once for a run, only
// when a project that needs them has files in it (test/support/global-setup.ts).
const databases = ['test/support/global-setup.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Browser steps wait for the page; a busy 2-core machine can take a few seconds.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 240_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: databases,
          // The files share one real Neo4j and one store; running them one at a time keeps them independent.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: databases,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: ['test/reliability/**/*.test.ts', 'test/bench/**/*.test.ts'],
          globalSetup: databases,
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
