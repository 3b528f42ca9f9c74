import type { ContentText } from 'pdfmake/interfaces';
import type { HeadingBlock } from '../../model/types';
import { claimId, type LayoutContext } from '../context';
import { inlinesContent, type TextProps } from '../inlines';

/** Confluence heading: bold, sized per level, bookmarked and in the TOC up to prefs.tocDepth. */
export function heading(block: HeadingBlock, ctx: LayoutContext): ContentText {
  const { theme, prefs } = ctx.doc;
  const size = theme.headingSize(block.level);
  const ref = ctx.dests.byBlock.get(block);
  const id = claimId(ctx, ref?.dest);
  const inTree = id !== undefined && ref !== undefined && block.level <= prefs.tocDepth;
  // Inline images cannot live in a heading line (and would split the node the id is on).
  const inlines = block.inlines.filter((i) => i.type !== 'image');
  const node: TextProps = {
    style: `h${block.level}`,
    margin: [0, ctx.topLevel ? size * 0.9 : size * 0.4, 0, size * 0.35],
    headlineLevel: block.level,
    ...(id !== undefined ? { id } : {}),
    ...(inTree && ref
      ? {
          outline: true,
          outlineText: ref.text || `Heading ${block.level}`,
          outlineParentId: ref.outlineParent,
        }
      : {}),
  };
  return inlinesContent(inlines, ctx, node, { baseSize: size }) as ContentText;
}
