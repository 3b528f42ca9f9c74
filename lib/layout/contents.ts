import type { Content, TableCell } from 'pdfmake/interfaces';

import type { PageModel } from '../model/types';
import type { PageDests } from './context';
import { keepRowsTogether, type KeepSpace } from './keep-together';
import { COLOURS } from './styles';
import { pageRefCell } from './page-refs';

/**
 * The document's table of contents: page titles and their headings to `depth`, each linking to
 * its destination, with page numbers from pdfmake `pageReference`.
 *
 * Not pdfmake's own `toc`/`tocItem`: that re-uses the heading's text objects in the TOC table,
 * and pdfmake writes measured fonts and sizes into those objects, so styles leak between them.
 */
export function contents(
  pages: readonly PageModel[],
  dests: ReadonlyMap<string, PageDests>,
  depth: number,
  fontSize: number,
  width: number,
  space: KeepSpace,
  /** Where the page-number cells are noted (see page-refs.ts). */
  pageRefs: Record<string, unknown>[] = [],
): Content {
  const ref = (dest: string, props: Record<string, unknown>): TableCell =>
    pageRefCell(pageRefs, dest, props);
  const minDepth = Math.min(...pages.map((p) => p.depth));
  const rows: TableCell[][] = [];
  for (const page of pages) {
    const d = dests.get(page.id);
    if (!d) continue;
    const indent = (page.depth - minDepth) * 14;
    rows.push([
      {
        text: page.title || 'Untitled',
        bold: true,
        linkToDestination: d.titleDest,
        margin: [indent, 4, 0, 1],
      },
      ref(d.titleDest, { bold: true, alignment: 'right', margin: [0, 4, 0, 1] }),
    ]);
    for (const h of d.headings) {
      if (h.level > depth || !h.text) continue;
      rows.push([
        {
          text: h.text,
          linkToDestination: h.dest,
          color: COLOURS.text,
          fontSize: fontSize * 0.95,
          margin: [indent + h.level * 12, 0, 0, 1],
        },
        ref(h.dest, { color: COLOURS.subtle, fontSize: fontSize * 0.95, alignment: 'right' }),
      ]);
    }
  }
  const widths = [Math.max(40, width - 36), 36];
  // An entry stays on one page unless one is taller than a page (pdfmake would drop it).
  const keepRows = keepRowsTogether(
    { table: { widths, body: rows }, layout: 'offprintPlain' },
    space,
  );
  return {
    stack: [
      { text: 'Contents', style: 'tocTitle' },
      {
        table: { widths, body: rows, dontBreakRows: keepRows },
        layout: 'offprintPlain',
      },
    ],
  };
}
