/**
 * The one place layout asks pdfmake to keep content on one page.
 *
 * pdfmake 0.3.11 drops a block it was told to keep together (`unbreakable`, a table's
 * `dontBreakRows` row) whole, silently, when it is taller than a page (upstream issue 2211). So
 * content is kept together only when content-height's estimate, which errs high, says it fits in
 * a page's text area: the smaller of the portrait and landscape ones, since a block may land on
 * either. Anything the estimate does not understand counts as too tall and is left breakable.
 */
import type { StyleDictionary } from 'pdfmake/interfaces';
import { contentHeight, tableRowHeights, type InheritedFont } from './content-height';
import type { LayoutContext } from './context';

/** Where content would be kept together: its width, inherited font and the page's height. */
export interface KeepSpace {
  width: number;
  font: InheritedFont;
  styles: StyleDictionary;
  /** Height of the smallest text area the content may land in. */
  pageHeight: number;
}

type Node = Record<string, unknown>;

/** The space of a block laid out in `ctx`. */
export function keepSpace(ctx: LayoutContext): KeepSpace {
  const { theme, geometry, landscape } = ctx.doc;
  return {
    width: ctx.width,
    font: { fontSize: ctx.fontSize, lineHeight: theme.lineHeight, bold: false, mono: false },
    styles: theme.styles,
    pageHeight: Math.min(geometry.textHeight, landscape.textHeight),
  };
}

/** True when `content` surely fits on one page. */
export function fitsOnPage(content: unknown, space: KeepSpace): boolean {
  return contentHeight(content, space.width, space.font, space.styles) <= space.pageHeight;
}

/** `node`, made unbreakable when it surely fits on one page; left breakable otherwise. */
export function keepTogether<T extends object>(node: T, space: KeepSpace): T {
  return fitsOnPage(node, space) ? { ...node, unbreakable: true } : node;
}

/**
 * `dontBreakRows` for a pdfmake table node: true only when every row surely fits on one page
 * (the property is the table's, so one row taller than a page makes every row breakable).
 */
export function keepRowsTogether(table: Node, space: KeepSpace): boolean {
  const rows = tableRowHeights(table, space.width, space.font, space.styles);
  return rows.every((h) => h <= space.pageHeight);
}
