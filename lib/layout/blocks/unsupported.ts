import type { Content } from 'pdfmake/interfaces';
import type { UnsupportedBlock } from '../../model/types';
import type { LayoutContext } from '../context';
import { COLOURS } from '../styles';
import { layoutBlocks } from './index';

/** A macro without a dedicated layout: its visible content in a dashed box, labelled. */
export function unsupported(block: UnsupportedBlock, ctx: LayoutContext): Content {
  const inner = { ...ctx, width: ctx.width - 13.6, topLevel: false };
  return {
    table: {
      widths: [Math.max(20, ctx.width - 13.6)],
      body: [
        [
          {
            stack: [
              {
                text: `${block.name || 'Macro'} (simplified)`,
                fontSize: ctx.fontSize * 0.75,
                color: COLOURS.placeholder,
                margin: [0, 0, 0, 3],
              },
              ...layoutBlocks(block.blocks, inner, { tight: true }),
            ],
          },
        ],
      ],
      dontBreakRows: false,
    },
    layout: 'offprintDashed',
    margin: [0, 2, 0, ctx.doc.theme.blockGap],
  };
}
