// @vitest-environment node
/**
 * Tables never lose a row. pdfmake 0.3.11 drops an unbreakable block taller than a page whole
 * (upstream issue 2211): header rows kept with the first body row (`keepWithHeaderRows`), or
 * header rows alone, taller than a page vanished with every word in them. Each case builds that
 * shape on purpose through the real layout and engine and reads the PDF back.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { convertDocument } from '../../lib/convert/convert-document';
import { loadLocalImages } from '../../lib/convert/load-local-images';
import { blocksText } from '../../lib/layout/context';
import type { Block, ExportModel, TableBlock, TableCell } from '../../lib/model/types';
import { buildPdf } from '../helpers/build-pdf';
import { qpdfCheck, readPdf, type ReadPdf } from '../helpers/read-pdf';
import { recall, visibleText, words } from '../helpers/recall';
import { cell, p } from '../helpers/sample-model';

/** `n` distinct words tagged `tag` (aw0 aw1 …): a lost line shows as missing words. */
const text = (tag: string, n: number): string =>
  Array.from({ length: n }, (_, i) => `${tag}w${i}`).join(' ');

/** About 600 such words fill a page in one of two columns; 300 fill a third of a full-width one. */
const PAGE_OF_WORDS = 600;

const HEADERS = ['HeadingAlpha', 'HeadingBeta', 'HeadingGamma'];
const headerRow = (): TableCell[] => HEADERS.map((h) => cell(h, { header: true }));

const table = (rows: TableCell[][], headerRows = 1): TableBlock => ({
  type: 'table',
  headerRows,
  rows,
});

const model = (blocks: Block[]): ExportModel => ({
  title: 'Rows',
  site: '',
  pages: [{ id: 'rows', title: 'Rows', url: '', depth: 0, blocks }],
  assets: {},
  warnings: [],
});

const cellWords = (t: TableBlock): string[] =>
  t.rows.flatMap((row) => row.flatMap((c) => words(blocksText(c.blocks))));

async function render(blocks: Block[]): Promise<{ pdf: ReadPdf; bytes: Uint8Array }> {
  const bytes = await buildPdf(model(blocks), { headerTemplate: '', footerTemplate: '' });
  return { pdf: await readPdf(bytes, { images: false }), bytes };
}

/** Every word of every cell is in the PDF, as many times as in the table. */
function expectEveryWord(pdf: ReadPdf, t: TableBlock): void {
  expect(recall(cellWords(t), words(pdf.text)).missing).toEqual([]);
}

/** The pages the table's body is on, each of which shows the whole header row. */
function expectHeaderOnEveryPage(pdf: ReadPdf, t: TableBlock): number[] {
  const body = new Set(
    t.rows.slice(t.headerRows).flatMap((row) => row.flatMap((c) => words(blocksText(c.blocks)))),
  );
  const pages = pdf.pages.filter((pg) => words(pg.text).some((w) => body.has(w)));
  for (const pg of pages) {
    expect({ page: pg.number, headers: HEADERS.filter((h) => pg.text.includes(h)) }).toEqual({
      page: pg.number,
      headers: HEADERS,
    });
  }
  return pages.map((pg) => pg.number);
}

function expectValidPdf(bytes: Uint8Array): void {
  const check = qpdfCheck(bytes);
  if (check === null) console.warn('qpdf not installed: structure check skipped');
  else expect(check.ok, check.output).toBe(true);
}

describe('tables keep every row across pages', () => {
  it('header + a first body row taller than the rest of the page (and than a page)', async () => {
    const t = table([
      headerRow(),
      [cell(text('a', PAGE_OF_WORDS * 1.5)), cell('b first'), cell('c first')],
      [cell('after one'), cell('after two'), cell('after three')],
    ]);
    const { pdf, bytes } = await render([p(text('fill', 300)), t]);
    expectEveryWord(pdf, t);
    expect(expectHeaderOnEveryPage(pdf, t)).toEqual([1, 2, 3]);
    expectValidPdf(bytes);
  });

  it('a body row taller than a whole page, with a header, first and further down', async () => {
    const t = table([
      headerRow(),
      [cell(text('a', PAGE_OF_WORDS * 3)), cell('b first'), cell('c first')],
      [cell('short one'), cell('short two'), cell('short three')],
      [cell('d middle'), cell(text('e', PAGE_OF_WORDS * 2)), cell('f middle')],
      [cell('last one'), cell('last two'), cell('last three')],
    ]);
    const { pdf, bytes } = await render([t]);
    expectEveryWord(pdf, t);
    expect(expectHeaderOnEveryPage(pdf, t).length).toBeGreaterThanOrEqual(6);
    expectValidPdf(bytes);
  });

  it('a body row taller than a whole page, without a header', async () => {
    const t = table(
      [
        [cell(text('a', PAGE_OF_WORDS * 3)), cell('b first'), cell('c first')],
        [cell('short one'), cell('short two'), cell('short three')],
        [cell('d middle'), cell(text('e', PAGE_OF_WORDS * 2)), cell('f middle')],
      ],
      0,
    );
    const { pdf, bytes } = await render([p(text('fill', 300)), t]);
    expectEveryWord(pdf, t);
    expectValidPdf(bytes);
  });

  it('row spans crossing page breaks, one starting in the first body row', async () => {
    const t = table([
      headerRow(),
      [cell(text('s', PAGE_OF_WORDS * 2), { rowspan: 3 }), cell('b one'), cell('c one')],
      [cell('b two'), cell('c two')],
      [cell('b three'), cell('c three')],
      [cell('d four'), cell(text('r', 80), { rowspan: 2 }), cell(text('e', PAGE_OF_WORDS))],
      [cell('d five'), cell(text('f', PAGE_OF_WORDS))],
      [cell('last one'), cell('last two'), cell('last three')],
    ]);
    const { pdf, bytes } = await render([p(text('fill', 300)), t]);
    expectEveryWord(pdf, t);
    expect(expectHeaderOnEveryPage(pdf, t).length).toBeGreaterThanOrEqual(5);
    expectValidPdf(bytes);
  });

  it('a header row taller than a page is printed once, whole', async () => {
    const t = table([
      [
        cell(text('h', PAGE_OF_WORDS * 1.5), { header: true }),
        cell('HeadingBeta', { header: true }),
      ],
      [cell('a one'), cell('a two')],
      [cell('b one'), cell('b two')],
    ]);
    const { pdf, bytes } = await render([t]);
    expectEveryWord(pdf, t);
    expect(pdf.pages.filter((pg) => pg.text.includes('HeadingBeta'))).toHaveLength(1);
    expectValidPdf(bytes);
  });

  it('still keeps a short first body row with its header at the foot of a page', async () => {
    const t = table([
      headerRow(),
      [cell('first body row'), cell('b'), cell('c')],
      [cell('second body row'), cell('b'), cell('c')],
    ]);
    // From a table that starts on page 1 to one that starts on page 2, a quarter line at a
    // time: somewhere in between the header alone fits at the foot of page 1, the row does not.
    const pairs: [number | undefined, number | undefined][] = [];
    for (let fill = 540; fill <= 600; fill += 5) {
      const { pdf } = await render([p(text('fill', fill)), t]);
      pairs.push([
        pdf.pages.find((pg) => pg.text.includes('HeadingAlpha'))?.number,
        pdf.pages.find((pg) => pg.text.includes('first body row'))?.number,
      ]);
    }
    expect([pairs[0], pairs.at(-1)]).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(pairs.filter(([header, row]) => header !== row)).toEqual([]);
  });
});

const SAMPLES = join(import.meta.dirname, '../../../shared/confluence-samples/view-more');
/** A Confluence feedback-tracking page whose tables have header rows over very tall first rows. */
const REAL_PAGE = join(SAMPLES, 'dlx_Trucking-FRS---Exterior-Inspection_455639089.html');
const haveRealPage = existsSync(REAL_PAGE);
if (!haveRealPage) {
  if (process.env.CI === 'true') throw new Error(`missing sample page ${REAL_PAGE}`);
  console.warn(`skipping the real page case: ${REAL_PAGE} is absent`);
}

/** How often `needle` occurs in `haystack` (a word wrapped inside a URL still counts). */
const occurrences = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

describe.skipIf(!haveRealPage)('a real page with tall first rows under table headers', () => {
  it('prints every word of every table cell', async () => {
    const path = REAL_PAGE;
    const dom = new JSDOM(readFileSync(path, 'utf8'), { url: pathToFileURL(path).href });
    const { model: real, root } = await convertDocument(dom.window.document, {
      pageUrl: pathToFileURL(path).href,
      loadImages: loadLocalImages,
    });
    const bytes = await buildPdf(real);
    const pdf = await readPdf(bytes, { images: false });
    const tables = Array.from(root.querySelectorAll('table')).filter(
      (el) => !el.parentElement?.closest('table'),
    );
    expect(tables.length).toBeGreaterThan(5);
    const expected = new Map<string, number>();
    for (const el of tables) {
      for (const w of words(visibleText(el))) expected.set(w, (expected.get(w) ?? 0) + 1);
    }
    // Counted in the text with whitespace removed, so a long token broken over lines counts.
    const squashed = pdf.text.toLowerCase().replace(/\s+/g, '');
    const short = [...expected]
      .map(([w, n]) => ({ w, short: n - occurrences(squashed, w) }))
      .filter((x) => x.short > 0);
    expect(short).toEqual([]);
    expectValidPdf(bytes);
  }, 60_000);
});
