// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  autoWidths,
  fitWidths,
  normaliseGrid,
  table,
  TABLE_MIN_FONT_SIZE,
} from '../../lib/layout/blocks/table';
import { collectDests, type LayoutContext } from '../../lib/layout/context';
import { makeTheme } from '../../lib/layout/styles';
import { pageGeometry } from '../../lib/layout/units';
import type { PageModel, TableBlock } from '../../lib/model/types';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import { cell } from '../helpers/sample-model';

function ctxFor(width: number, topLevel = true): LayoutContext {
  const page: PageModel = { id: 'x', title: 'X', url: '', depth: 0, blocks: [] };
  const pages = collectDests([page]);
  return {
    doc: {
      model: { title: 'X', site: '', pages: [page], assets: {}, warnings: [] },
      prefs: DEFAULT_PREFS,
      theme: makeTheme(DEFAULT_PREFS),
      geometry: pageGeometry(DEFAULT_PREFS),
      landscape: pageGeometry(DEFAULT_PREFS, 'landscape'),
      pages,
      placed: new Set(),
      imageNames: new Map(),
      pageRefs: [],
    },
    page,
    dests: pages.get('x')!,
    width,
    topLevel,
    listDepth: 0,
    fontSize: 10,
  };
}

type Body = Record<string, unknown>[][];
const tableOf = (
  content: unknown,
): {
  table: { body: Body; widths: number[]; headerRows: number; keepWithHeaderRows?: number };
  fontSize?: number;
} => {
  const c = content as { table?: unknown; stack?: unknown[] };
  return (c.table ? c : c.stack?.[0]) as never;
};

describe('normaliseGrid', () => {
  it('pads short rows and places cells around rowspans like HTML', () => {
    const grid = normaliseGrid([
      [cell('a', { rowspan: 2 }), cell('b'), cell('c')],
      [cell('d')],
      [cell('e', { colspan: 3 })],
    ]);
    expect(grid.cols).toBe(3);
    expect(grid.placed.map((p) => [p.row, p.col])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 1],
      [2, 0],
    ]);
    expect(grid.cover[1]?.[2]).toBeUndefined(); // a hole: padded with an empty cell
  });

  it('clamps a rowspan past the last row', () => {
    const grid = normaliseGrid([[cell('a', { rowspan: 9 }), cell('b')], [cell('c')]]);
    expect(grid.placed[0]?.rowspan).toBe(2);
  });
});

describe('fitWidths', () => {
  it('keeps ratios when minimums allow, raises narrow columns otherwise', () => {
    expect(fitWidths([1, 1], [0, 0], 100)).toEqual([50, 50]);
    const w = fitWidths([1, 9], [40, 10], 100);
    expect(w[0]).toBeCloseTo(40);
    expect(w[1]).toBeCloseTo(60);
  });
});

describe('table layout', () => {
  it('prints a table too wide for any page row by row, every cell kept', () => {
    const cols = 400;
    const block: TableBlock = {
      type: 'table',
      headerRows: 1,
      rows: [
        Array.from({ length: cols }, (_, c) => cell(`H${c}`, { header: true })),
        Array.from({ length: cols }, (_, c) => cell(c === 7 ? 'long words '.repeat(300) : `v${c}`)),
      ],
    };
    const json = JSON.stringify(table(block, ctxFor(480)));
    expect(json).toContain('400 columns, too wide for the page: printed row by row');
    expect(json).not.toContain('"table"');
    for (const text of ['H0', 'H399', 'v0', 'v399', 'long words long words'])
      expect(json).toContain(text);
  });

  it('emits placeholder cells for spans so every row has the same length', () => {
    const block: TableBlock = {
      type: 'table',
      headerRows: 1,
      rows: [
        [cell('H1', { header: true }), cell('H2', { header: true })],
        [cell('span', { colspan: 2 })],
        [cell('tall', { rowspan: 5 }), cell('x')],
      ],
    };
    const t = tableOf(table(block, ctxFor(480)));
    expect(t.table.body.map((r) => r.length)).toEqual([2, 2, 2]);
    expect(t.table.body[1]?.[0]).toMatchObject({ colSpan: 2 });
    expect(t.table.body[1]?.[1]).toEqual({});
    expect(t.table.body[2]?.[0]).not.toHaveProperty('rowSpan'); // clamped to 1
    expect(t.table.headerRows).toBe(1);
    expect(t.table.body[0]?.[0]).toMatchObject({ bold: true, fillColor: '#f4f5f7' });
  });

  it('shrinks the font of a table too wide for the column', () => {
    const headers = Array.from({ length: 12 }, (_, i) => `Heading${i}`);
    const block: TableBlock = {
      type: 'table',
      headerRows: 1,
      rows: [headers.map((h) => cell(h, { header: true }))],
    };
    const t = tableOf(table(block, ctxFor(483)));
    expect(t.fontSize).toBeLessThan(10);
    expect(t.fontSize).toBeGreaterThanOrEqual(TABLE_MIN_FONT_SIZE);
    expect(t.table.widths).toHaveLength(12);
  });

  it('moves a table that cannot fit even at the smallest size to a landscape page', () => {
    const headers = Array.from({ length: 20 }, (_, i) => `LongHeading${i}`);
    const block: TableBlock = {
      type: 'table',
      headerRows: 1,
      rows: [headers.map((h) => cell(h, { header: true }))],
    };
    const content = table(block, ctxFor(483)) as { pageOrientation?: string; pageBreak?: string };
    expect(content).toMatchObject({ pageBreak: 'before', pageOrientation: 'landscape' });
    expect(tableOf(content).table.widths).toHaveLength(20);
  });

  it('never turns a nested table; it shrinks to the floor and keeps every column', () => {
    const headers = Array.from({ length: 20 }, (_, i) => `LongHeading${i}`);
    const block: TableBlock = { type: 'table', headerRows: 0, rows: [headers.map((h) => cell(h))] };
    const content = table(block, ctxFor(200, false));
    expect(content).not.toHaveProperty('pageOrientation');
    const t = tableOf(content);
    expect(t.fontSize).toBe(TABLE_MIN_FONT_SIZE);
    expect(t.table.widths).toHaveLength(20);
    expect(t.table.widths.every((w) => w > 0)).toBe(true);
  });

  it("keeps a numbered table's own number cells and adds no column", () => {
    const block: TableBlock = {
      type: 'table',
      headerRows: 1,
      numbered: true,
      rows: [
        [cell(''), cell('H', { header: true })],
        [cell('1'), cell('a')],
        [cell('2'), cell('b')],
      ],
    };
    const t = tableOf(table(block, ctxFor(480)));
    expect(t.table.widths).toHaveLength(2);
    expect(t.table.body.map((r) => r.length)).toEqual([2, 2, 2]);
  });
});

describe('header rows over page breaks', () => {
  const words = (tag: string, n: number): string =>
    Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ');
  const headed = (header: string, first: string): TableBlock => ({
    type: 'table',
    headerRows: 1,
    rows: [
      [cell(header, { header: true }), cell('H2', { header: true })],
      [cell(first), cell('b')],
      [cell('c'), cell('d')],
    ],
  });
  const plan = (block: TableBlock): { headerRows: number; keepWithHeaderRows?: number } => {
    const { headerRows, keepWithHeaderRows } = tableOf(table(block, ctxFor(480))).table;
    return keepWithHeaderRows === undefined ? { headerRows } : { headerRows, keepWithHeaderRows };
  };

  it('repeats the header and keeps a short first row with it', () => {
    expect(plan(headed('H1', words('a', 20)))).toEqual({ headerRows: 1, keepWithHeaderRows: 1 });
  });

  it('repeats the header but lets a first row taller than half a page break', () => {
    // pdfmake drops header + kept row whole when together they are taller than a page.
    expect(plan(headed('H1', words('a', 900)))).toEqual({ headerRows: 1 });
  });

  it('does not repeat header rows taller than a third of a page', () => {
    expect(plan(headed(words('h', 400), 'a'))).toEqual({ headerRows: 0 });
  });

  it('counts a row-spanning cell whole in the row it starts in', () => {
    const block = headed('H1', 'a');
    block.rows[1] = [cell(words('s', 900), { rowspan: 2 }), cell('b')];
    block.rows[2] = [cell('d')];
    expect(plan(block)).toEqual({ headerRows: 1 });
  });

  it('never makes rows unbreakable', () => {
    const t = tableOf(table(headed('H1', 'a'), ctxFor(480))).table as Record<string, unknown>;
    expect(t.dontBreakRows).toBe(false);
  });
});

describe('autoWidths', () => {
  it('uses content widths scaled to fill when everything fits on one line', () => {
    expect(autoWidths([10, 10], [30, 70], 200)).toEqual([60, 140]);
  });
  it('shares spare width by how much more each column wants', () => {
    const w = autoWidths([20, 20], [20, 220], 140);
    expect(w[0]).toBeCloseTo(20);
    expect(w[1]).toBeCloseTo(120);
  });
});
