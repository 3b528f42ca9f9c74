import type { Content } from 'pdfmake/interfaces';
import type { TocBlock } from '../../model/types';
import type { LayoutContext } from '../context';
import { COLOURS } from '../styles';

/** Confluence's TOC macro: the page's headings, indented by level, each a link to its heading. */
export function toc(block: TocBlock, ctx: LayoutContext): Content {
  const max = block.maxLevel ?? 6;
  const headings = ctx.dests.headings.filter((h) => h.level <= max && h.text);
  if (headings.length === 0) return { text: '' };
  const minLevel = Math.min(...headings.map((h) => h.level));
  return {
    stack: headings.map((h) => ({
      text: h.text,
      linkToDestination: h.dest,
      color: COLOURS.link,
      margin: [(h.level - minLevel) * 14, 0, 0, 2] as [number, number, number, number],
    })),
    margin: [0, 0, 0, ctx.doc.theme.blockGap],
  };
}
