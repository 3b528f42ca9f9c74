/**
 * Mutation testing of the reader and the layout: `npm run mutate` (slow; not in CI).
 * Per folder: `npx stryker run --mutate 'lib/read/**\/*.ts'`. Reports land in reports/ (ignored
 * by git), and reruns only retest mutants whose code or tests changed (incremental).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts', related: true, pool: 'threads' },
  mutate: ['lib/read/**/*.ts', 'lib/layout/**/*.ts'],
  // Two cores shared with everything else on the machine.
  concurrency: 1,
  // Vitest strips types without checking them, so mutants need no @ts-nocheck.
  disableTypeChecks: false,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  ignorePatterns: ['.output', 'out', 'test-results', 'playwright-report', 'reports'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 75, break: 75 },
  timeoutMS: 30_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
