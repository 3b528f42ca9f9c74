import type { Content } from 'pdfmake/interfaces';
import type { SectionBlock } from '../../model/types';
import type { LayoutContext } from '../context';
import { pageGeometry } from '../units';
import { layoutBlocks } from './index';

/**
 * Blocks on pages of their own orientation (Scroll's landscape/portrait macros), by the same
 * means as a wide table: a new page in that orientation, which layoutDocument turns back to the
 * export's orientation at the next top-level block. Laid out at that page's text width. Nested in
 * a frame (a panel, a cell) no page can start, and a section in the export's own orientation
 * needs none: there the blocks stand in place.
 */
export function section(block: SectionBlock, ctx: LayoutContext): Content {
  const { prefs } = ctx.doc;
  if (!ctx.topLevel || block.orientation === prefs.orientation) {
    return { stack: layoutBlocks(block.blocks, ctx) };
  }
  const width = pageGeometry(prefs, block.orientation).textWidth;
  const blocks = layoutBlocks(block.blocks, { ...ctx, width });
  return { stack: blocks, pageBreak: 'before', pageOrientation: block.orientation };
}
