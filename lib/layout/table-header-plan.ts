/**
 * Which header rows pdfmake repeats and whether the first body row is kept with them.
 *
 * pdfmake 0.3.11 lays the header rows, plus `keepWithHeaderRows` body rows, out as one
 * unbreakable block, and an unbreakable block taller than a page is dropped whole: no text, no
 * warning (upstream issue 2211, "Table disappears with keepWithHeaderRows"). So the header is
 * repeated, and the first body row kept with it, only while a generous estimate of their height
 * leaves a wide margin on a page; otherwise the rows break across pages like any other.
 */
import type { StyleDictionary } from 'pdfmake/interfaces';
import { tableRowHeights, type InheritedFont } from './content-height';

/** Repeated header rows may take at most this share of a page (they are on every page). */
const REPEAT_SHARE = 1 / 3;
/** Header rows and the first body row are kept together only within this share of a page. */
const KEEP_SHARE = 1 / 2;

export interface HeaderPlan {
  headerRows: number;
  keepWithHeaderRows?: 1;
}

export interface HeaderPlanInput {
  /** The pdfmake table node (body, widths, layout) as it will be built. */
  node: Record<string, unknown>;
  /** Header rows the table asks for (spans already included). */
  headerRows: number;
  /** Width the table is laid out in. */
  width: number;
  font: InheritedFont;
  styles: StyleDictionary;
  /** Height of a page's text area (the smaller orientation's, when a table may be on either). */
  pageHeight: number;
}

export function headerPlan(input: HeaderPlanInput): HeaderPlan {
  const { node, headerRows, width, font, styles, pageHeight } = input;
  const rows = tableRowHeights(node, width, font, styles);
  if (headerRows <= 0 || headerRows >= rows.length) return { headerRows: 0 };
  const header = rows.slice(0, headerRows).reduce((a, h) => a + h, 0);
  if (!(header <= pageHeight * REPEAT_SHARE)) return { headerRows: 0 };
  const first = rows[headerRows] ?? Infinity;
  return header + first <= pageHeight * KEEP_SHARE
    ? { headerRows, keepWithHeaderRows: 1 }
    : { headerRows };
}
