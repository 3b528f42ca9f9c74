import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, ExportModel, TableCell } from '../../lib/model/types';
import { pdfSource, qpdfCheck, readPdf } from '../helpers/read-pdf';
import { readTagged, roles } from '../helpers/read-struct';
import { p, sampleModel } from '../helpers/sample-model';
import { EXTENSION_DIR } from './harness/extension';
import { expect, test } from './harness/sample';
import { buildInShippedWorker, shippedWorkerPath } from './harness/shipped-worker';

/**
 * The renderer's patches and the canvas fallback, proved on the bundle the extension ships (the
 * minified build worker), not only on pdfmake's Node entry (tests/golden/*): lean text, joined
 * links, the structure tree, object streams, and a layout pdfmake cannot place a drawing in.
 */

const th = (blocks: Block[]): TableCell => ({ blocks, colspan: 1, rowspan: 1, header: true });
const td = (blocks: Block[]): TableCell => ({ blocks, colspan: 1, rowspan: 1, header: false });

/**
 * Tables nested five deep, each with a header row of seven lines. When every one of them
 * repeated its header, the repeats filled whole pages: pdfmake 0.3.11's page writer refused the
 * rule inside (addCanvas returns false, then a TypeError the minified bundle words as
 * 't.forEach is not a function') and dropped paragraphs. Only the outermost table repeats now.
 */
function nestedHeaders(depth: number): Block[] {
  if (depth === 0) {
    const before = Array.from({ length: 60 }, (_, i) => p(`Innermost paragraph ${i + 1}.`));
    return [...before, { type: 'rule' }, p('Innermost text after.')];
  }
  const header = Array.from({ length: 7 }, (_, i) => p(`Level ${depth} heading line ${i + 1}`));
  return [{ type: 'table', headerRows: 1, rows: [[th(header)], [td(nestedHeaders(depth - 1))]] }];
}

const canvasModel: ExportModel = {
  title: 'Nested headers',
  site: 'https://acme.atlassian.net/wiki',
  pages: [
    {
      id: '1',
      title: 'Nested headers',
      url: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/1',
      depth: 0,
      blocks: [p('Before the tables.'), ...nestedHeaders(5), p('After the tables.')],
    },
  ],
  assets: {},
  warnings: [],
};

test('the shipped worker is the one the offscreen document starts, with pdfmake 0.3.11', () => {
  const pin = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: object })
    .dependencies as Record<string, string>;
  expect(pin['pdfmake']).toBe('0.3.11');
  const worker = readFileSync(join(EXTENSION_DIR, shippedWorkerPath()), 'utf8');
  // pdfmake's own version string, as its bundle carries it (the producer info).
  expect(worker).toContain('0.3.11');
  // The fallback no longer matches pdfmake's error text, which minification renames.
  expect(worker).not.toContain('otherArray');
});

test('the shipped engine writes lean text, joined links, a structure tree and object streams', async ({
  ext,
}) => {
  const page = await ext.context.newPage();
  const built = await buildInShippedWorker(ext, page, sampleModel());
  expect(built.ok, JSON.stringify(built)).toBe(true);
  if (!built.ok) return;

  const pdf = await readPdf(built.bytes);
  const source = pdfSource(built.bytes);
  // Lean text: text objects per line, not per word as plain pdfmake draws them
  // (tests/golden/pdf-lean-text.test.ts compares with plain pdfmake itself).
  const words = pdf.text.split(/\s+/).filter((word) => word.length > 0).length;
  const textObjects = (source.match(/(^|\s)BT(\s)/g) ?? []).length;
  expect(textObjects).toBeGreaterThan(0);
  expect(textObjects).toBeLessThan(words);

  // The two words of one link are one link area (plain pdfmake: one per word).
  const external = pdf.pages
    .flatMap((p) => p.links)
    .filter((l) => l.url === 'https://example.com/docs');
  expect(external).toHaveLength(1);

  const tagged = await readTagged(built.bytes);
  expect(tagged.hasTree).toBe(true);
  for (const role of ['H1', 'P', 'Link', 'Table', 'TH', 'L', 'LI']) {
    expect(roles(tagged), role).toContain(role);
  }

  expect(source).toContain('/Type /ObjStm');
  const check = qpdfCheck(built.bytes);
  expect(check?.ok, check?.output).toBe(true);
});

test('tables nested five deep with repeated headers: the shipped engine keeps every word', async ({
  ext,
}) => {
  const page = await ext.context.newPage();
  const built = await buildInShippedWorker(ext, page, canvasModel);
  // Before the canvas fix: { ok: false, error: 't.forEach is not a function' }; before nested
  // tables stopped repeating their headers: the decorations fallback and lost paragraphs.
  if (!built.ok) throw new Error(JSON.stringify(built));
  expect(built.warnings).toEqual([]);
  const text = (await readPdf(built.bytes)).text;
  expect(text).toContain('Before the tables.');
  expect(text).toContain('After the tables.');
  for (let line = 1; line <= 7; line++) expect(text).toContain(`Level 5 heading line ${line}`);
  for (let n = 1; n <= 60; n++) expect(text).toContain(`Innermost paragraph ${n}.`);
});
