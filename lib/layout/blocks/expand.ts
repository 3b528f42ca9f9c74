import type { Content } from 'pdfmake/interfaces';
import type { ExpandBlock } from '../../model/types';
import type { LayoutContext } from '../context';
import { COLOURS } from '../styles';
import { layoutBlocks } from './index';
import { scriptText } from '../fonts';

const INDENT = 14;

/** Expand macro, always expanded in print: "▾ Title" (▾ from DejaVu Sans Mono) then content. */
export function expand(block: ExpandBlock, ctx: LayoutContext): Content {
  const inner = { ...ctx, width: ctx.width - INDENT, topLevel: false };
  return {
    stack: [
      {
        text: [
          { text: '\u25be ', font: 'Mono', color: COLOURS.subtle },
          { text: scriptText(block.title || 'Click here to expand...'), bold: true },
        ],
        margin: [0, 0, 0, ctx.fontSize * 0.35],
      },
      { stack: layoutBlocks(block.blocks, inner, { tight: true }), margin: [INDENT, 0, 0, 0] },
    ],
    margin: [0, 2, 0, ctx.doc.theme.blockGap],
  };
}
