import type { CanvasElement, Content } from 'pdfmake/interfaces';
import type { DecisionsBlock } from '../../model/types';
import type { LayoutContext } from '../context';
import { markerRows } from './tasks';

/** Confluence's decision icon: an arrow turning right (green when decided). */
function decisionIcon(decided: boolean, size: number): CanvasElement[] {
  const colour = decided ? '#1f845a' : '#8590a2';
  const s = size;
  return [
    {
      type: 'polyline',
      lineWidth: 1.4,
      lineColor: colour,
      points: [
        { x: s * 0.25, y: s * 0.05 },
        { x: s * 0.25, y: s * 0.7 },
        { x: s * 0.9, y: s * 0.7 },
      ],
    },
    {
      type: 'polyline',
      lineWidth: 1.4,
      lineColor: colour,
      points: [
        { x: s * 0.65, y: s * 0.45 },
        { x: s * 0.9, y: s * 0.7 },
        { x: s * 0.65, y: s * 0.95 },
      ],
    },
  ];
}

export function decisions(block: DecisionsBlock, ctx: LayoutContext): Content {
  const size = ctx.doc.theme.fontSize;
  return markerRows(
    block.items.map((item) => ({
      marker: decisionIcon(item.state === 'decided', size),
      blocks: item.blocks,
    })),
    ctx,
    size + 8,
  );
}
