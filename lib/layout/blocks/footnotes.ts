import type { Content } from 'pdfmake/interfaces';
import type { FootnotesBlock } from '../../model/types';
import { claimId, type LayoutContext } from '../context';
import { COLOURS } from '../styles';
import { layoutBlocks } from './index';

/** Footnotes: a short rule, then numbered notes in a smaller size, each a link destination. */
export function footnotes(block: FootnotesBlock, ctx: LayoutContext): Content {
  const size = ctx.fontSize * 0.85;
  const numberWidth = size * 2.2;
  const inner = { ...ctx, width: ctx.width - numberWidth, topLevel: false, fontSize: size };
  return {
    stack: [
      {
        canvas: [
          {
            type: 'line',
            x1: 0,
            y1: 0,
            x2: Math.min(120, ctx.width),
            y2: 0,
            lineWidth: 0.6,
            lineColor: COLOURS.border,
          },
        ],
        margin: [0, ctx.fontSize * 0.5, 0, 4],
      },
      {
        table: {
          widths: [numberWidth, Math.max(20, ctx.width - numberWidth)],
          body: block.items.map((item, i) => {
            const id = claimId(ctx, ctx.dests.anchors.get(item.id));
            return [
              { text: `${i + 1}.`, color: COLOURS.subtle, ...(id ? { id } : {}) },
              { stack: layoutBlocks(item.blocks, inner, { tight: true }) },
            ];
          }),
        },
        layout: 'offprintPlain',
        fontSize: size,
      },
    ],
    margin: [0, 0, 0, ctx.doc.theme.blockGap],
  };
}
