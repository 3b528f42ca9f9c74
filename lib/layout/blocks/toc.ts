import type { Content, TableCell } from 'pdfmake/interfaces';
import { outlineNumbers } from '../../model/toc-outline';
import type { TocBlock } from '../../model/types';
import type { LayoutContext } from '../context';
import { keepRowsTogether, keepSpace } from '../keep-together';
import { COLOURS } from '../styles';
import { pageRefCell } from '../page-refs';

/** The page-number column: wide enough for four digits at body size. */
const NUMBER_WIDTH = 30;

/**
 * Confluence's TOC macro: the page's headings, indented by level, each a link to its heading,
 * with the PDF page it is on (pdfmake `pageReference` to the heading's node id).
 */
export function toc(block: TocBlock, ctx: LayoutContext): Content {
  const max = block.maxLevel ?? 6;
  const headings = ctx.dests.headings.filter((h) => h.level <= max && h.text);
  if (headings.length === 0) return { text: '' };
  const minLevel = Math.min(...headings.map((h) => h.level));
  const numbers = outlineNumbers(headings.map((h) => h.level));
  const body: TableCell[][] = headings.map((h, n) => [
    {
      text: block.outline ? `${numbers[n]} ${h.text}` : h.text,
      linkToDestination: h.dest,
      color: COLOURS.link,
      margin: [(h.level - minLevel) * 14, 0, 0, 2],
    },
    pageRefCell(ctx.doc.pageRefs, h.dest, { color: COLOURS.subtle, alignment: 'right' }),
  ]);
  const widths = [Math.max(20, ctx.width - NUMBER_WIDTH), NUMBER_WIDTH];
  // An entry stays on one page unless one is taller than a page (pdfmake would drop it).
  const keepRows = keepRowsTogether(
    { table: { widths, body }, layout: 'offprintPlain' },
    keepSpace(ctx),
  );
  return {
    table: { widths, body, dontBreakRows: keepRows },
    layout: 'offprintPlain',
    margin: [0, 0, 0, ctx.doc.theme.blockGap],
  };
}
