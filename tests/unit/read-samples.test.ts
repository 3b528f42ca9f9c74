// @vitest-environment jsdom
/**
 * The reader over real Confluence markup (../shared/confluence-samples, skipped when absent):
 * a content root is found, reading throws nothing, and every word visible in the root survives
 * in the model (multiset recall; hidden text per lib/read/hidden-text.ts is not visible).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, describe, expect, test } from 'vitest';
import { findContentRoot } from '../../lib/read/find-content-root';
import { modelText } from '../../lib/read/model-text';
import { readPage } from '../../lib/read/read-page';
import { recall, visibleText, words } from '../helpers/recall';

const SAMPLES = join(__dirname, '../../../shared/confluence-samples');
const FOLDERS = ['view', 'view-more', 'cloud-dom'] as const;

const files = FOLDERS.flatMap((folder) => {
  const dir = join(SAMPLES, folder);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .map((f) => ({ folder, file: f, path: join(dir, f) }))
    : [];
});

test.runIf(process.env['CI'] === 'true')('the samples are there in CI', () => {
  expect(files.length, `${SAMPLES} holds no samples`).toBeGreaterThan(0);
});

if (files.length === 0) console.log(`reader over real samples skipped: ${SAMPLES} is absent`);

describe.skipIf(files.length === 0)('reader over real Confluence samples', () => {
  test.each(files)('$folder/$file', ({ folder, file, path }) => {
    const pageUrl = `https://example.atlassian.net/wiki/spaces/DOC/pages/1/${encodeURIComponent(file)}`;
    const doc = new DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/html');
    const found = findContentRoot(doc);
    assert(found, 'content root');
    expect(found.markup).toBe(folder === 'cloud-dom' ? 'cloud' : 'view');
    const result = readPage(found.root, {
      pageUrl,
      markup: found.markup,
    });
    const r = recall(words(visibleText(found.root)), words(modelText(result.blocks)));
    console.log(
      `${folder}/${file}: recall ${(r.recall * 100).toFixed(2)}%` +
        (r.missing.length ? ` missing ${JSON.stringify(r.missing.slice(0, 15))}` : '') +
        `\n  handled ${JSON.stringify(result.stats.handled)}\n  fallback ${JSON.stringify(result.stats.fallback)}`,
    );
    expect(r.missing).toEqual([]);
  });
});
