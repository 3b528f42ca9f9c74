import type { Content } from 'pdfmake/interfaces';
import type { Inline, ParagraphBlock } from '../../model/types';
import { claimId, type LayoutContext } from '../context';
import { inlinesContent, type TextProps } from '../inlines';

const anchorsIn = (inlines: readonly Inline[]): string[] =>
  inlines.flatMap((i) =>
    i.type === 'anchor' ? [i.id] : i.type === 'link' ? anchorsIn(i.inlines) : [],
  );

/** A paragraph; anchor macros inside it make the paragraph a link destination. */
export function paragraph(block: ParagraphBlock, ctx: LayoutContext): Content {
  // pdfmake has one destination per text node: the first anchor in the paragraph gets it; the
  // others point to the same place (see collectDests: every anchor has its own id, so later
  // ones get an empty marker node just before the paragraph).
  const ids = anchorsIn(block.inlines)
    .map((a) => claimId(ctx, ctx.dests.anchors.get(a)))
    .filter((d): d is string => d !== undefined);
  const node: TextProps = {
    margin: [0, 0, 0, ctx.doc.theme.blockGap],
    ...(block.align ? { alignment: block.align } : {}),
    ...(ids[0] !== undefined ? { id: ids[0] } : {}),
  };
  const content = inlinesContent(block.inlines, ctx, node);
  if (ids.length <= 1) return content;
  return { stack: [...ids.slice(1).map((id) => ({ text: '', id })), content] };
}
