import type { Content, ContentOrderedList, ContentUnorderedList } from 'pdfmake/interfaces';
import type { ListBlock } from '../../model/types';
import type { LayoutContext } from '../context';
import { tagContent } from '../tag';
import { layoutBlocks } from './index';

/** Confluence bullets cycle disc, circle, square with depth; numbers stay decimal. */
const BULLETS = ['disc', 'circle', 'square'] as const;
const INDENT = 18;

export function list(block: ListBlock, ctx: LayoutContext): Content {
  const gap = ctx.doc.theme.blockGap;
  const inner: LayoutContext = {
    ...ctx,
    width: Math.max(20, ctx.width - INDENT),
    topLevel: false,
    listDepth: ctx.listDepth + 1,
  };
  const items: Content[] = block.items.map((item) => {
    const content = layoutBlocks(item, inner, { tight: true, compact: true });
    const one = content.length === 1 && content[0] !== undefined ? content[0] : { stack: content };
    return tagContent(tagContent(one, 'LBody', ctx), 'LI', ctx);
  });
  const margin: [number, number, number, number] = [0, 0, 0, ctx.listDepth === 0 ? gap : 0];
  if (block.ordered) {
    const ol: ContentOrderedList = { ol: items, margin };
    if (block.start !== undefined && block.start !== 1) ol.start = block.start;
    return tagContent(ol, 'L', ctx);
  }
  const ul: ContentUnorderedList = {
    ul: items,
    margin,
    type: BULLETS[ctx.listDepth % BULLETS.length] ?? 'disc',
  };
  return tagContent(ul, 'L', ctx);
}
