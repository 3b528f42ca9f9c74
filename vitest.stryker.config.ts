/**
 * The tests Stryker (npm run mutate, stryker.config.mjs) runs against each mutant of lib/read and
 * lib/layout: the unit and golden tests that exercise those folders from the project's own
 * fixtures. Left out: tests that read ../shared (absent on a fresh checkout and in Stryker's
 * sandbox, so they would only skip), the PDF-building golden tests (seconds each, per mutant) and
 * tests of other folders. Leaving tests out can only let more mutants survive, so the score is a
 * lower bound.
 */
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/read-*.test.ts',
      'tests/golden/read.test.ts',
      'tests/unit/layout-*.test.ts',
      'tests/unit/fonts-bidi.test.ts',
    ],
    exclude: [
      ...configDefaults.exclude,
      // reads ../shared
      'tests/unit/read-samples.test.ts',
      // reads every fixture while collecting, outside any test, which makes every mutant of the
      // reader "static" (run against every test, seconds each); golden/read.test.ts reads them too
      'tests/unit/read-registry.test.ts',
      // tests lib/confluence
      'tests/unit/read-with-images.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'threads',
    // One worker kept across Stryker's runs: a fresh worker and jsdom per mutant cost seconds.
    isolate: false,
  },
});
