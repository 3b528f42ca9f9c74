import type { CustomTableLayout } from 'pdfmake/interfaces';
import { COLOURS } from './styles';

/**
 * Named table layouts. The document definition refers to them by name so it stays plain data;
 * every engine registers them (`pdfMake.addTableLayouts(TABLE_LAYOUTS)`) before building.
 */
const columnCount = (node: { table: { widths?: unknown } }): number =>
  Array.isArray(node.table.widths) ? node.table.widths.length : 1;

export const TABLE_LAYOUTS = {
  /** Confluence tables: thin grey grid. */
  offprintTable: {
    hLineWidth: () => 0.6,
    vLineWidth: () => 0.6,
    hLineColor: () => COLOURS.border,
    vLineColor: () => COLOURS.border,
    paddingLeft: () => 5,
    paddingRight: () => 5,
    paddingTop: () => 4,
    paddingBottom: () => 4,
  },
  /** Wide tables at a reduced font size: tighter padding. */
  offprintTableCompact: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => COLOURS.border,
    vLineColor: () => COLOURS.border,
    paddingLeft: () => 2.5,
    paddingRight: () => 2.5,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  },
  /**
   * Panels and quotes: column 0 is a narrow filled bar (the accent/left border), the rest is
   * padded content on the tint. No lines.
   */
  offprintBar: {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: (i: number) => (i === 0 ? 0 : 8),
    paddingRight: (i: number) => (i === 0 ? 0 : 6),
    paddingTop: () => 6,
    paddingBottom: () => 6,
  },
  /** Code blocks: one bordered box; a title bar row is separated by a line. */
  offprintCode: {
    hLineWidth: () => 0.6,
    vLineWidth: (i: number, node: { table: { widths?: unknown } }) =>
      i === 0 || i === columnCount(node) ? 0.6 : 0,
    hLineColor: () => COLOURS.lightBorder,
    vLineColor: () => COLOURS.lightBorder,
    paddingLeft: () => 6,
    paddingRight: () => 6,
    paddingTop: () => 5,
    paddingBottom: () => 5,
  },
  /** Code blocks with line numbers: one row per source line, no inner lines. */
  offprintCodeLines: {
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
      i === 0 || i === node.table.body.length ? 0.6 : 0,
    vLineWidth: (i: number, node: { table: { widths?: unknown } }) =>
      i === 0 || i === columnCount(node) ? 0.6 : 0,
    hLineColor: () => COLOURS.lightBorder,
    vLineColor: () => COLOURS.lightBorder,
    paddingLeft: (i: number) => (i === 0 ? 4 : 6),
    paddingRight: () => 6,
    paddingTop: (i: number) => (i === 0 ? 5 : 0),
    paddingBottom: (i: number, node: { table: { body: unknown[] } }) =>
      i === node.table.body.length - 1 ? 5 : 0,
  },
  /** Placeholders and "simplified" boxes: dashed grey border. */
  offprintDashed: {
    hLineWidth: () => 0.8,
    vLineWidth: () => 0.8,
    hLineColor: () => COLOURS.border,
    vLineColor: () => COLOURS.border,
    hLineStyle: () => ({ dash: { length: 3, space: 2 } }),
    vLineStyle: () => ({ dash: { length: 3, space: 2 } }),
    paddingLeft: () => 6,
    paddingRight: () => 6,
    paddingTop: () => 5,
    paddingBottom: () => 5,
  },
  /** Layout-only tables (task lists, footnotes, TOC): no lines, no padding. */
  offprintPlain: {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: () => 0,
    paddingRight: () => 0,
    paddingTop: () => 0,
    paddingBottom: () => 1,
  },
} satisfies Record<string, CustomTableLayout>;

export type TableLayoutName = keyof typeof TABLE_LAYOUTS;
