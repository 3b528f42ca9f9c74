import type { Content } from 'pdfmake/interfaces';
import type { PageBreakBlock } from '../../model/types';
import type { LayoutContext } from '../context';

/**
 * Explicit page break: an empty node that starts a new page. Only between top-level blocks: in a
 * frame (a table cell, a panel) pdfmake cannot break the page on request, so it is dropped there.
 */
export function pageBreak(_block: PageBreakBlock, ctx: LayoutContext): Content {
  return ctx.topLevel ? { text: '', pageBreak: 'after' } : { text: '' };
}
