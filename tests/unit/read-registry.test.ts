// @vitest-environment jsdom
/**
 * The handler registry is complete: every file in lib/read/handlers exports the function named
 * after it, the registry uses it, and at least one golden fixture exercises it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findContentRoot } from '../../lib/read/find-content-root';
import { registry } from '../../lib/read/handlers/index';
import { readPage } from '../../lib/read/read-page';

const HANDLERS = join(__dirname, '../../lib/read/handlers');
const FIXTURES = join(__dirname, '../fixtures/read');

const camel = (kebab: string): string =>
  kebab.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

const files = readdirSync(HANDLERS)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

/** Registry key -> the handler function's name, for every rule with a handler. */
const keyToHandler = new Map<string, string>();
for (const group of [registry.blocks, registry.inline, registry.fallback]) {
  for (const [key, rule] of Object.entries(group)) {
    keyToHandler.set(key, 'read' in rule ? rule.read.name : rule.marks.name);
  }
}

/** Handler function names used while reading all fixtures. */
function exercised(): Set<string> {
  const used = new Set<string>();
  const cases = existsSync(FIXTURES) ? readdirSync(FIXTURES) : [];
  for (const name of cases) {
    const file = join(FIXTURES, name, 'input.html');
    if (!existsSync(file)) continue;
    const doc = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
    const found = findContentRoot(doc);
    if (!found) continue;
    const result = readPage(found.root, {
      pageUrl: 'https://acme.atlassian.net/wiki/spaces/DOC/pages/1001/Fixture',
      markup: found.markup,
    });
    for (const [key, n] of Object.entries(result.stats.handled)) {
      const fn = keyToHandler.get(key);
      if (fn && n > 0) used.add(fn);
    }
  }
  return used;
}

describe('read handler registry', () => {
  const used = exercised();

  test.each(files)('%s is exported, registered and has a fixture', async (file) => {
    const mod = (await import(`../../lib/read/handlers/${file}.ts`)) as Record<string, unknown>;
    const fn = camel(file);
    expect(typeof mod[fn], `${file}.ts exports ${fn}()`).toBe('function');
    expect([...keyToHandler.values()], `${fn} is in handlers/index.ts`).toContain(fn);
    expect(used.has(fn), `a fixture in tests/fixtures/read exercises ${fn}`).toBe(true);
  });

  test('every registered handler lives in its own file', () => {
    for (const fn of new Set(keyToHandler.values())) {
      expect(files.map(camel), fn).toContain(fn);
    }
  });
});
