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
  const pieces = splitLong(block.inlines);
  const content =
    pieces.length === 1
      ? inlinesContent(block.inlines, ctx, node)
      : {
          stack: pieces.map((piece, k) => {
            // Only the first piece is the destination; only the last keeps the gap below.
            const { id, ...rest } = node;
            return inlinesContent(piece, ctx, {
              ...rest,
              ...(k === 0 && id !== undefined ? { id } : {}),
              ...(k < pieces.length - 1 ? { margin: [0, 0, 0, 0] } : {}),
            });
          }),
        };
  if (ids.length <= 1) return content;
  return { stack: [...ids.slice(1).map((id) => ({ text: '', id })), content] };
}

/**
 * pdfmake lays a paragraph out in time quadratic in its length (1 MB of text in one paragraph:
 * minutes; a hostile 5 MB text node: hours). Past this many characters a paragraph is laid out as
 * consecutive pieces, cut at spaces.
 */
const MAX_PARAGRAPH_CHARS = 8_000;

const sizeOf = (inline: Inline): number =>
  inline.type === 'text' ? inline.text.length : JSON.stringify(inline).length;

function splitLong(inlines: readonly Inline[]): (readonly Inline[])[] {
  if (inlines.reduce((n, i) => n + sizeOf(i), 0) <= MAX_PARAGRAPH_CHARS) return [inlines];
  const pieces: Inline[][] = [[]];
  let size = 0;
  const push = (inline: Inline, length: number): void => {
    const last = pieces[pieces.length - 1] ?? [];
    if (size + length > MAX_PARAGRAPH_CHARS && last.length > 0) {
      pieces.push([inline]);
      size = length;
    } else {
      last.push(inline);
      size += length;
    }
  };
  for (const inline of inlines) {
    if (inline.type !== 'text' || inline.text.length <= MAX_PARAGRAPH_CHARS) {
      push(inline, sizeOf(inline));
      continue;
    }
    const text = inline.text;
    for (let start = 0; start < text.length;) {
      let end = Math.min(text.length, start + MAX_PARAGRAPH_CHARS);
      const space = end < text.length ? text.lastIndexOf(' ', end) : -1;
      if (space > start) end = space + 1;
      push({ ...inline, text: text.slice(start, end) }, end - start);
      start = end;
    }
  }
  return pieces;
}
