/**
 * The tests Stryker (npm run mutate, stryker.config.mjs) runs against the mutants of lib/read and
 * lib/layout: the unit tests, of which Stryker's vitest runner keeps those that import a mutated
 * file, and the reader's golden fixtures. Left out: tests that read ../shared (absent on a fresh
 * checkout and in Stryker's sandbox, so they would only skip), the PDF-building golden tests and
 * the slow sanitiser test (seconds per mutant each), and the registry test (below). Leaving tests
 * out can only let more mutants survive, so the score is a lower bound.
 */
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/golden/read.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      // read ../shared
      'tests/unit/read-samples.test.ts',
      'tests/unit/rest-openapi.test.ts',
      'tests/unit/fuzz-pipeline.test.ts',
      // reads every fixture while collecting, outside any test, which makes every mutant of the
      // reader "static" (run against every test); golden/read.test.ts reads them all too
      'tests/unit/read-registry.test.ts',
      // lib/confluence's sanitiser, 40 s a run
      'tests/unit/rest-sanitise.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'threads',
    // One worker kept across Stryker's runs: a fresh worker and jsdom per mutant cost seconds.
    isolate: false,
  },
});
