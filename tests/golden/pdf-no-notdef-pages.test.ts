// @vitest-environment node
/**
 * No .notdef glyph (an empty box: a character drawn with a font that lacks it) anywhere in the
 * PDF of a real page: the project's reader fixtures and the real Confluence pages in
 * ../shared/confluence-samples (skipped with a message when absent, failing under CI) go
 * through read -> layout (cover, contents, header and footer on) -> pdfmake, with fontkit
 * watched for glyph 0 (tests/helpers/notdef.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutDocument } from '../../lib/layout/layout-document';
import type { PdfEngine } from '../../lib/pdf/build-pdf';
import { createNodeEngine } from '../../lib/pdf/node-engine';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import { findContentRoot } from '../../lib/read/find-content-root';
import { readPage } from '../../lib/read/read-page';
import { EXPORTED_AT } from '../helpers/build-pdf';
import { takeNotdefs, watchNotdef } from '../helpers/notdef';

const FIXTURES = join(__dirname, '../fixtures/read');
const SAMPLES = join(__dirname, '../../../shared/confluence-samples');
const SAMPLE_FOLDERS = ['view', 'view-more', 'cloud-dom'];
const PAGE_URL = 'https://example.atlassian.net/wiki/spaces/DOC/pages/1/Page';

const htmlFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => join(dir, f))
    : [];

const fixtures = existsSync(FIXTURES)
  ? readdirSync(FIXTURES)
      .map((d) => join(FIXTURES, d, 'input.html'))
      .filter((f) => existsSync(f))
      .sort()
  : [];
const samples = SAMPLE_FOLDERS.flatMap((folder) => htmlFiles(join(SAMPLES, folder)));

let engine: PdfEngine;
beforeAll(async () => {
  watchNotdef();
  engine = await createNodeEngine();
}, 60_000);

/** The page's title (for cover, contents, header) and content, read as the extension does. */
async function notdefsOf(path: string): Promise<string[]> {
  const dom = new JSDOM(readFileSync(path, 'utf8'), { url: PAGE_URL });
  const found = findContentRoot(dom.window.document);
  if (!found) throw new Error(`${path}: no content root`);
  const read = readPage(found.root, { pageUrl: PAGE_URL, markup: found.markup, pageId: '1' });
  const title = dom.window.document.title || 'Page';
  const dd = layoutDocument(
    {
      title,
      site: 'https://example.atlassian.net/wiki',
      pages: [{ id: '1', title, url: PAGE_URL, depth: 0, blocks: read.blocks }],
      assets: {},
      warnings: read.warnings,
    },
    {
      prefs: { ...DEFAULT_PREFS, cover: true, toc: true, headerTemplate: '{title}' },
      exportedAt: EXPORTED_AT,
    },
  );
  takeNotdefs();
  await engine.build(dd);
  return takeNotdefs();
}

describe('reader fixtures', () => {
  it('are there', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixtures.map((f) => [f.split('/').at(-2)!, f]))(
    '%s draws no .notdef',
    async (_name, path) => {
      expect(await notdefsOf(path)).toEqual([]);
    },
    60_000,
  );
});

describe('real Confluence pages', () => {
  if (samples.length === 0) {
    if (process.env.CI === 'true') {
      it('are present under CI', () => {
        expect.fail(`no samples under ${SAMPLES}`);
      });
    } else {
      it.skip(`skipped: no samples under ${SAMPLES}`, () => {});
    }
    return;
  }

  it.each(samples.map((f) => [f.slice(SAMPLES.length + 1), f]))(
    '%s draws no .notdef',
    async (_name, path) => {
      expect(await notdefsOf(path)).toEqual([]);
    },
    120_000,
  );
});
