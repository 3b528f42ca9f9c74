import type { Column, Content } from 'pdfmake/interfaces';
import type { ColumnsBlock } from '../../model/types';
import type { LayoutContext } from '../context';
import { layoutBlocks } from './index';

const GAP = 14;

/** Confluence page layouts / section columns: side by side, widths in the page's ratios. */
export function columns(block: ColumnsBlock, ctx: LayoutContext): Content {
  const n = block.columns.length;
  if (n === 0) return { text: '' };
  const ratios = block.columns.map((_, i) => {
    const w = block.widths?.[i];
    return w !== undefined && Number.isFinite(w) && w > 0 ? w : 1;
  });
  const sum = ratios.reduce((a, b) => a + b, 0);
  const available = ctx.width - GAP * (n - 1);
  const cols: Column[] = block.columns.map((blocks, i) => {
    const width = ((ratios[i] ?? 1) / sum) * available;
    return {
      width,
      stack: layoutBlocks(blocks, { ...ctx, width, topLevel: false }, { tight: true }),
    };
  });
  return { columns: cols, columnGap: GAP, margin: [0, 0, 0, ctx.doc.theme.blockGap] };
}
