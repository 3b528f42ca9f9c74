// @vitest-environment node
/**
 * Tables nested in table cells, each with a header row: pdfmake repeats the header of every
 * table a page break passes through, so repeated headers nested five deep filled whole pages
 * and the innermost text was dropped (found through the canvas fallback). Only the outermost
 * table repeats its header now; every word reaches the PDF.
 */
import { describe, expect, it } from 'vitest';
import { buildChecked } from '../../lib/export/build-checked';
import { layoutDocument } from '../../lib/layout/layout-document';
import { blockText } from '../../lib/layout/word-ledger';
import type { Block, ExportModel, TableCell } from '../../lib/model/types';
import { createNodeEngine } from '../../lib/pdf/node-engine';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import { readPdf } from '../helpers/read-pdf';
import { recall, words } from '../helpers/recall';
import { p } from '../helpers/sample-model';

const th = (blocks: Block[]): TableCell => ({ blocks, colspan: 1, rowspan: 1, header: true });
const td = (blocks: Block[]): TableCell => ({ blocks, colspan: 1, rowspan: 1, header: false });

function nested(depth: number, lines: number): Block[] {
  if (depth === 0) {
    const body = Array.from({ length: 60 }, (_, i) => p(`Innermost paragraph ${i + 1}.`));
    return [...body, { type: 'rule' }, p('Innermost text after.')];
  }
  const header = Array.from({ length: lines }, (_, i) => p(`Level ${depth} heading line ${i + 1}`));
  return [{ type: 'table', headerRows: 1, rows: [[th(header)], [td(nested(depth - 1, lines))]] }];
}

const model = (blocks: Block[]): ExportModel => ({
  title: 'Nested headers',
  site: '',
  pages: [{ id: '1', title: 'Nested headers', url: '', depth: 0, blocks }],
  assets: {},
  warnings: [],
});

describe('nested tables with header rows', () => {
  const engine = createNodeEngine();
  it.each([
    [5, 7],
    [6, 6],
  ])('%i deep with %i-line headers: every word, no fallback', async (depth, lines) => {
    const blocks = [p('Before the tables.'), ...nested(depth, lines), p('After the tables.')];
    const dd = layoutDocument(model(blocks), {
      prefs: DEFAULT_PREFS,
      exportedAt: new Date('2026-01-01'),
    });
    const warned: string[] = [];
    const { bytes, report, loosened } = await buildChecked(await engine, dd, (m) => warned.push(m));
    const pdf = await readPdf(bytes, { images: false });
    const expected = words(blocks.map(blockText).join(' '));
    expect({
      loosened,
      lost: report.lost,
      warned,
      missing: recall(expected, words(pdf.text)).missing,
    }).toEqual({ loosened: false, lost: 0, warned: [], missing: [] });
    // Only the outermost header repeats: its first line is on every page of the table.
    expect(pdf.pages.length).toBeLessThan(10);
  });
});
