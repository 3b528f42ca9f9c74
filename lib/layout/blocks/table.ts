import type { Content, ContentTable, TableCell as PdfTableCell } from 'pdfmake/interfaces';
import type { Block, TableBlock, TableCell } from '../../model/types';
import { modelColour } from '../../model/colour';
import { blocksText, type LayoutContext } from '../context';
import { COLOURS } from '../styles';
import { headerPlan } from '../table-header-plan';
import { longestWordWidth, textWidth } from '../text-metrics';
import { layoutBlocks } from './index';
import { tagContent } from '../tag';

/** Smallest font size a wide table is shrunk to before it moves to a landscape page. */
export const TABLE_MIN_FONT_SIZE = 6;
/** Words longer than this are broken by pdfmake anyway (URLs, ids): they don't set minimums. */
const MAX_WORD_CHARS = 22;

interface Placed {
  cell: TableCell;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

/** The table as a rectangular grid: anchored cells with spans clamped to the table. */
export interface Grid {
  rows: number;
  cols: number;
  placed: Placed[];
  /** [row][col] -> the placed cell covering it (anchor or spanned). */
  cover: (Placed | undefined)[][];
}

/**
 * Places cells the way HTML does (skipping positions covered by rowspans from above), so rows of
 * different lengths and spans past the end are tolerated: short rows are padded, rowspans are
 * clamped to the last row.
 */
export function normaliseGrid(rows: readonly (readonly TableCell[])[]): Grid {
  const nRows = rows.length;
  const cover: (Placed | undefined)[][] = rows.map(() => []);
  const placed: Placed[] = [];
  let cols = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (cover[r]?.[c]) c++;
      const rowspan = Math.max(1, Math.min(Math.floor(cell.rowspan) || 1, nRows - r));
      const colspan = Math.max(1, Math.min(Math.floor(cell.colspan) || 1, 1000));
      const p: Placed = { cell, row: r, col: c, rowspan, colspan };
      placed.push(p);
      for (let rr = r; rr < r + rowspan; rr++) {
        for (let cc = c; cc < c + colspan; cc++) {
          const line = cover[rr];
          // Overlapping spans (malformed HTML): the first cell keeps the position.
          if (line && !line[cc]) line[cc] = p;
        }
      }
      c += colspan;
      cols = Math.max(cols, c);
    }
  });
  for (const line of cover) cols = Math.max(cols, line.length);
  return { rows: nRows, cols, placed, cover };
}

/** Ratio widths scaled to `total`, raised to per-column minimums, taking space from the rest. */
export function fitWidths(ratios: number[], mins: number[], total: number): number[] {
  const n = ratios.length;
  const sumR = ratios.reduce((a, b) => a + b, 0) || n;
  let widths = ratios.map((r) => (r / sumR) * total);
  for (let pass = 0; pass < n; pass++) {
    const short = widths.map((w, i) => (mins[i] ?? 0) - w);
    const need = short.reduce((a, s) => a + Math.max(0, s), 0);
    if (need <= 0.01) break;
    const slackOf = (i: number): number => Math.max(0, (widths[i] ?? 0) - (mins[i] ?? 0));
    const slack = widths.reduce((a, _w, i) => a + slackOf(i), 0);
    if (slack <= 0) break;
    const take = Math.min(1, need / slack);
    widths = widths.map((w, i) => {
      const s = short[i] ?? 0;
      return s > 0 ? (mins[i] ?? w) : w - slackOf(i) * take;
    });
  }
  return widths;
}

/**
 * Column widths when the page gave none, like a browser's automatic table layout: each column
 * between its longest word (min) and its text on one line (max); spare width is shared in
 * proportion to how much more each column would like. Column 0 stays fixed when `fixedFirst`
 * (the row-number column).
 */
export function autoWidths(mins: number[], maxs: number[], total: number): number[] {
  const sumMin = mins.reduce((a, b) => a + b, 0);
  const sumMax = maxs.reduce((a, b) => a + b, 0);
  if (sumMax <= total) {
    const scale = total / Math.max(1, sumMax);
    return maxs.map((m) => m * scale);
  }
  const share = sumMax - sumMin > 0 ? Math.max(0, total - sumMin) / (sumMax - sumMin) : 0;
  return mins.map((m, i) => m + ((maxs[i] ?? m) - m) * share);
}

interface Fit {
  fontSize: number;
  padding: number;
  landscape: boolean;
  width: number;
  widths: number[];
}

function columnMins(grid: Grid, fontSize: number, padding: number): number[] {
  const mins = new Array<number>(grid.cols).fill(padding + fontSize);
  for (const p of grid.placed) {
    if (p.colspan !== 1) continue;
    const text = blocksText(p.cell.blocks)
      .split(/\s+/)
      .map((w) => w.slice(0, MAX_WORD_CHARS))
      .join(' ');
    const w = longestWordWidth(text, fontSize, { bold: p.cell.header }) + padding + 1;
    mins[p.col] = Math.max(mins[p.col] ?? 0, w);
  }
  return mins;
}

/** Widest single-line text per column (the "max content" width), at least the minimum. */
function columnMaxs(grid: Grid, fontSize: number, padding: number, mins: number[]): number[] {
  const maxs = mins.slice();
  for (const p of grid.placed) {
    if (p.colspan !== 1) continue;
    let widest = 0;
    for (const b of p.cell.blocks) {
      const text = blocksText([b]);
      widest = Math.max(
        widest,
        textWidth(text, fontSize, { bold: p.cell.header, mono: b.type === 'code' }),
      );
    }
    maxs[p.col] = Math.max(maxs[p.col] ?? 0, widest + padding + 1);
  }
  return maxs;
}

/** Font size, orientation and column widths for a table in `ctx.width`. */
function fitTable(grid: Grid, ratios: number[] | undefined, ctx: LayoutContext): Fit {
  const fs = ctx.fontSize;
  const normalPad = 10 + 1;
  const compactPad = 5 + 1;
  const spread = (mins: number[], size: number, pad: number, available: number): number[] =>
    ratios
      ? fitWidths(ratios, mins, available)
      : autoWidths(mins, columnMaxs(grid, size, pad, mins), available);
  const solve = (available: number, landscape: boolean): Fit | undefined => {
    const mins = columnMins(grid, fs, normalPad);
    const sum = mins.reduce((a, b) => a + b, 0);
    if (sum <= available) {
      return {
        fontSize: fs,
        padding: normalPad,
        landscape,
        width: available,
        widths: spread(mins, fs, normalPad, available),
      };
    }
    // Text width scales with the font size; padding does not.
    const cols = mins.length;
    const compactMins = columnMins(grid, fs, compactPad);
    const text = compactMins.reduce((a, b) => a + b, 0) - cols * compactPad;
    // Tighter padding alone may be enough: then the size stays.
    const scaled = Math.min(
      fs,
      Math.floor(((available - cols * compactPad) / text) * fs * 10) / 10,
    );
    if (scaled >= TABLE_MIN_FONT_SIZE) {
      const small = columnMins(grid, scaled, compactPad);
      return {
        fontSize: scaled,
        padding: compactPad,
        landscape,
        width: available,
        widths: spread(small, scaled, compactPad, available),
      };
    }
    return undefined;
  };
  const here = solve(ctx.width, false);
  if (here) return here;
  const { landscape, prefs } = ctx.doc;
  const canTurn = ctx.topLevel && prefs.orientation === 'portrait';
  if (canTurn) {
    const turned = solve(landscape.textWidth, true);
    if (turned) return turned;
  }
  // Still too wide: smallest font, widths proportional to the minimums; pdfmake breaks words
  // that do not fit inside their cell, so every column stays on the page.
  const width = canTurn ? landscape.textWidth : ctx.width;
  const mins = columnMins(grid, TABLE_MIN_FONT_SIZE, compactPad);
  const sum = mins.reduce((a, b) => a + b, 0);
  return {
    fontSize: TABLE_MIN_FONT_SIZE,
    padding: compactPad,
    landscape: canTurn,
    width,
    widths: mins.map((m) => (m / sum) * width),
  };
}

/**
 * Narrower than this (points, at the smallest font) a column would print a character per line:
 * pdfmake's layout then grows without bound (hundreds of columns with long text ran it out of
 * memory). Such tables are printed row by row instead, every cell's text kept.
 */
const MIN_COLUMN_WIDTH = 8;

/** The documented fallback for tables too wide for any page: one paragraph per row. */
function rowByRow(
  grid: ReturnType<typeof normaliseGrid>,
  block: TableBlock,
  ctx: LayoutContext,
): Content {
  const rows: Content[] = [
    {
      text: `Table with ${grid.cols} columns, too wide for the page: printed row by row.`,
      italics: true,
      color: COLOURS.subtle,
      fontSize: ctx.fontSize * 0.85,
      margin: [0, 0, 0, 2],
    },
  ];
  // Laid out as paragraphs, so very long rows get the paragraph layout's cutting into pieces.
  const paragraphs: Block[] = block.rows.map((row, r) => ({
    type: 'paragraph',
    inlines: [
      {
        type: 'text',
        text: row.map((cell) => blocksText(cell.blocks).replace(/\s+/g, ' ').trim()).join(' | '),
        ...(r < block.headerRows ? { marks: { bold: true } } : {}),
      },
    ],
  }));
  rows.push(layoutBlocks(paragraphs, { ...ctx, fontSize: ctx.fontSize * 0.85, topLevel: false }));
  return { stack: rows, margin: [0, 0, 0, ctx.doc.theme.blockGap] };
}

/** Confluence table: repeated header rows, spans, cell colours, widths fitted to the page. */
export function table(block: TableBlock, ctx: LayoutContext): Content {
  const grid = normaliseGrid(block.rows);
  if (grid.rows === 0 || grid.cols === 0) return { text: '' };
  // Confluence renders a numbered table's numbers as cells of their own, which the reader keeps:
  // the layout adds no column (`block.numbered` only describes the table).
  // Widths from the page when it gave them (ratios only), else automatic from the content.
  const modelWidths = (block.widths ?? []).filter((w) => Number.isFinite(w) && w > 0);
  const avg = modelWidths.length ? modelWidths.reduce((a, b) => a + b, 0) / modelWidths.length : 1;
  const ratios = modelWidths.length
    ? Array.from({ length: grid.cols }, (_, i) => {
        const w = block.widths?.[i];
        return w !== undefined && Number.isFinite(w) && w > 0 ? w : avg;
      })
    : undefined;
  const fit = fitTable(grid, ratios, ctx);
  if (fit.widths.some((w) => w < MIN_COLUMN_WIDTH)) return rowByRow(grid, block, ctx);

  let headerRows = Math.max(0, Math.min(Math.floor(block.headerRows) || 0, grid.rows));
  for (const p of grid.placed) {
    if (p.row < headerRows && p.row + p.rowspan > headerRows) headerRows = p.row + p.rowspan;
  }
  // A table that is all header has nothing to repeat the header over.
  if (headerRows >= grid.rows) headerRows = 0;

  const cellCtx = (p: Placed): LayoutContext => {
    let w = 0;
    for (let c = p.col; c < p.col + p.colspan; c++) w += fit.widths[c] ?? 0;
    return {
      ...ctx,
      width: Math.max(10, w - fit.padding),
      topLevel: false,
      inTable: true,
      listDepth: 0,
      fontSize: fit.fontSize,
    };
  };

  const body: PdfTableCell[][] = [];
  for (let r = 0; r < grid.rows; r++) {
    const row: PdfTableCell[] = [];
    for (let c = 0; c < grid.cols; c++) {
      const p = grid.cover[r]?.[c];
      if (!p) {
        row.push({ text: '' });
        continue;
      }
      if (p.row !== r || p.col !== c) {
        row.push({});
        continue;
      }
      const content = layoutBlocks(p.cell.blocks, cellCtx(p), { tight: true });
      const fill =
        modelColour(p.cell.background) ?? (p.cell.header ? COLOURS.headerFill : undefined);
      const cell: Record<string, unknown> = { stack: content.length ? content : [{ text: '' }] };
      if (p.cell.header) cell.bold = true;
      if (fill) cell.fillColor = fill;
      if (p.cell.align) cell.alignment = p.cell.align;
      if (p.colspan > 1) cell.colSpan = Math.min(p.colspan, grid.cols - c);
      if (p.rowspan > 1) cell.rowSpan = p.rowspan;
      // Tagged PDF: header cells of the repeated header rows head their column, others their row.
      const scope = r < headerRows || r === 0 ? 'Column' : 'Row';
      row.push(
        (p.cell.header
          ? tagContent(cell, 'TH', ctx, { scope })
          : tagContent(cell, 'TD', ctx)) as PdfTableCell,
      );
    }
    body.push(tagContent(row, 'TR', ctx));
  }

  const widths = fit.widths.map((w) => Math.max(1, w - fit.padding));
  const layout = fit.padding < 10 ? 'offprintTableCompact' : 'offprintTable';
  const { theme, geometry, landscape } = ctx.doc;
  // A table in a table cell repeats no header: pdfmake repeats the headers of every table the
  // break passes through, and nested repeats added up past a page drop the text inside.
  const plan = ctx.inTable
    ? { headerRows: 0 }
    : headerPlan({
        node: { table: { widths, body }, layout },
        headerRows,
        width: fit.width,
        font: { fontSize: fit.fontSize, lineHeight: theme.lineHeight, bold: false, mono: false },
        styles: theme.styles,
        pageHeight: Math.min(geometry.textHeight, landscape.textHeight),
      });
  const node: ContentTable = {
    // Rows are never unbreakable: pdfmake drops an unbreakable block taller than a page.
    table: { widths, body, ...plan, dontBreakRows: false },
    layout,
    margin: [0, 2, 0, ctx.doc.theme.blockGap],
    ...(fit.fontSize !== ctx.fontSize ? { fontSize: fit.fontSize } : {}),
  };
  tagContent(node, 'Table', ctx);
  if (!fit.landscape) return node;
  // layoutDocument switches the following top-level block back to the page orientation.
  return { stack: [node], pageBreak: 'before', pageOrientation: 'landscape' };
}
