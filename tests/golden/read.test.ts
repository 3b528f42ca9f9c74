// @vitest-environment jsdom
/**
 * Golden tests of the reader: tests/fixtures/read/<case>/input.html -> expected.json.
 * `UPDATE=1 npx vitest run tests/golden/read.test.ts` rewrites the expectations; review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { findContentRoot } from '../../lib/read/find-content-root';
import { readPage, type Markup, type ReadResult } from '../../lib/read/read-page';

const DIR = join(__dirname, '../fixtures/read');
const PAGE_URL = {
  cloud: 'https://acme.atlassian.net/wiki/spaces/DOC/pages/1001/Fixture+page',
  view: 'https://confluence.acme.com/pages/viewpage.action?pageId=1001',
} as const;

/** Reads a fixture the way the extension reads a page. */
export function readFixture(name: string): ReadResult & { markup: Markup } {
  const html = readFileSync(join(DIR, name, 'input.html'), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found = findContentRoot(doc);
  if (!found) throw new Error(`${name}: no content root`);
  const result = readPage(found.root, {
    pageUrl: PAGE_URL[found.markup],
    markup: found.markup,
    pageId: '1001',
  });
  return { ...result, markup: found.markup };
}

/** JSON with `type` first and the other keys sorted, so diffs stay small and stable. */
export function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort((a, b) =>
      a === 'type' ? -1 : b === 'type' ? 1 : a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(keys.map((k) => [k, stable(obj[k])]));
  }
  return value;
}

const cases = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((d) => existsSync(join(DIR, d, 'input.html')))
      .sort()
  : [];

test('fixtures exist and say what they imitate', () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
  for (const name of cases) {
    const first = readFileSync(join(DIR, name, 'input.html'), 'utf8').split('\n')[0] ?? '';
    expect(first, name).toMatch(
      /^<!--.*(Cloud DOM|DC view|REST export_view|Cloud export_view|HTML export).*-->$/,
    );
  }
});

test.each(cases)('%s', (name) => {
  const result = readFixture(name);
  const actual: Record<string, unknown> = { markup: result.markup, blocks: result.blocks };
  if (Object.keys(result.images).length) actual['images'] = result.images;
  if (result.warnings.length) actual['warnings'] = result.warnings;
  const json = JSON.stringify(stable(actual), null, 2) + '\n';
  const file = join(DIR, name, 'expected.json');
  if (process.env['UPDATE']) writeFileSync(file, json);
  expect(existsSync(file), `${name}: no expected.json (run with UPDATE=1 and review it)`).toBe(
    true,
  );
  expect(json).toBe(readFileSync(file, 'utf8'));
});
