import type { ContentText } from 'pdfmake/interfaces';
import type { HeadingBlock, Inline } from '../../model/types';
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
  const inlines = clip(block.inlines.filter((i) => i.type !== 'image'));
  const node: TextProps = {
    style: `h${block.level}`,
    margin: [0, ctx.topLevel ? size * 0.9 : size * 0.4, 0, size * 0.35],
    headlineLevel: block.level,
    ...(id !== undefined ? { id } : {}),
    ...(inTree && ref
      ? {
          outline: true,
          outlineText: (ref.text || `Heading ${block.level}`).slice(0, MAX_HEADING_CHARS),
          outlineParentId: ref.outlineParent,
        }
      : {}),
  };
  return inlinesContent(inlines, ctx, node, { baseSize: size }) as ContentText;
}

/**
 * pdfmake lays out one text node in time quadratic in its length: a hostile 200 KB heading took
 * 12-30 s (fuzz test). No real heading is this long; past the limit the text is cut with "…".
 */
const MAX_HEADING_CHARS = 2_000;

function clip(inlines: Inline[]): Inline[] {
  let left = MAX_HEADING_CHARS;
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (inline.type !== 'text') {
      out.push(inline);
      continue;
    }
    if (left <= 0) break;
    out.push(
      inline.text.length > left ? { ...inline, text: `${inline.text.slice(0, left)}…` } : inline,
    );
    left -= inline.text.length;
  }
  return out;
}
