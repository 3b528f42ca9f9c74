import type { Content } from 'pdfmake/interfaces';
import type { RuleBlock } from '../../model/types';
import type { LayoutContext } from '../context';
import { COLOURS } from '../styles';

/** Horizontal rule across the text column. */
export function rule(_block: RuleBlock, ctx: LayoutContext): Content {
  return {
    canvas: [
      {
        type: 'line',
        x1: 0,
        y1: 0,
        x2: ctx.width,
        y2: 0,
        lineWidth: 1,
        lineColor: COLOURS.lightBorder,
      },
    ],
    margin: [0, ctx.fontSize * 0.5, 0, ctx.fontSize * 0.9],
  };
}
