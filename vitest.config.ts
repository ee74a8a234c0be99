import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Integration tests share one real Neo4j; running files one at a time keeps them independent.
    fileParallelism: false,
    testTimeout: 30_000,
    // Browser steps wait for the page; a busy 2-core machine can take a few seconds.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 240_000,
  },
});
