import { defineConfig } from 'vitest/config';

// Tests run on the compiled output so that worker threads and the spawned CLI execute
// exactly the JavaScript that ships (Node 20 cannot load .ts files in a worker).
export default defineConfig({
  test: {
    include: process.env.VITEST_INCLUDE
      ? [process.env.VITEST_INCLUDE]
      : ['dist/src/**/*.test.js', 'dist/test/**/*.test.js'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The JSON report lets .ci/run print a one-line summary of what ran.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-results.json' }]],
  },
});
