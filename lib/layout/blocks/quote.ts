import type { Content } from 'pdfmake/interfaces';
import type { QuoteBlock } from '../../model/types';
import type { LayoutContext } from '../context';
import { COLOURS } from '../styles';
import { layoutBlocks } from './index';
import { barBox } from './panel';

/** Block quote: grey bar on the left, content in the subtle text colour. */
export function quote(block: QuoteBlock, ctx: LayoutContext): Content {
  return barBox(
    (w) => [
      {
        stack: layoutBlocks(block.blocks, { ...ctx, width: w, topLevel: false }, { tight: true }),
        color: COLOURS.subtle,
      },
    ],
    ctx,
    { bar: COLOURS.quoteBar },
  );
}
