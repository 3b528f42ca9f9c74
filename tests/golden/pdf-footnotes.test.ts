// @vitest-environment node
/** Footnotes read from view markup: the note text is in the PDF and each reference jumps to it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { expect, it } from 'vitest';
import { findContentRoot } from '../../lib/read/find-content-root';
import { readPage } from '../../lib/read/read-page';
import { buildPdf } from '../helpers/build-pdf';
import { readPdf, squash } from '../helpers/read-pdf';

it('footnote references are internal links to their notes', async () => {
  const html = readFileSync(
    join(import.meta.dirname, '../fixtures/read/view-footnotes/input.html'),
    'utf8',
  );
  const dom = new JSDOM(html);
  const found = findContentRoot(dom.window.document);
  if (!found) throw new Error('no content root');
  const url = 'https://wiki.example.org/display/OPS/Retention';
  const { blocks } = readPage(found.root, { pageUrl: url, markup: found.markup });
  const pdf = await readPdf(
    await buildPdf({
      title: 'Retention',
      site: 'https://wiki.example.org',
      pages: [{ id: '1', title: 'Retention', url, depth: 0, blocks }],
      assets: {},
      warnings: [],
    }),
  );
  expect(squash(pdf.text)).toContain(squash('1. See the records policy, section 4.'));
  expect(squash(pdf.text)).toContain(squash('2. Holds are set by Legal only.'));
  const internal = pdf.pages.flatMap((p) => p.links).filter((l) => l.dest !== undefined);
  expect(internal.length).toBeGreaterThanOrEqual(2);
  expect(internal.every((l) => l.destPage === 1)).toBe(true);
});
