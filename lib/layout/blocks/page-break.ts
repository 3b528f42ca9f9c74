import type { Content } from 'pdfmake/interfaces';
import type { PageBreakBlock } from '../../model/types';
import type { LayoutContext } from '../context';

/** Explicit page break: an empty node that starts a new page. */
export function pageBreak(_block: PageBreakBlock, _ctx: LayoutContext): Content {
  return { text: '', pageBreak: 'after' };
}
