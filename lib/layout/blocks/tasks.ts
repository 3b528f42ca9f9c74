import type { CanvasElement, Content } from 'pdfmake/interfaces';
import type { Block, TasksBlock } from '../../model/types';
import type { LayoutContext } from '../context';
import { tagContent } from '../tag';
import { layoutBlocks } from './index';

/** A checkbox drawn as vectors (no font dependency): blue filled with a tick when done. */
export function checkbox(done: boolean, size: number): CanvasElement[] {
  const box: CanvasElement = {
    type: 'rect',
    x: 0.5,
    y: 0.5,
    w: size,
    h: size,
    r: 1.5,
    lineWidth: 1,
    lineColor: done ? '#0c66e4' : '#8590a2',
    ...(done ? { color: '#0c66e4' } : {}),
  };
  if (!done) return [box];
  return [
    box,
    {
      type: 'polyline',
      lineWidth: 1.4,
      lineColor: '#ffffff',
      points: [
        { x: 0.5 + size * 0.22, y: 0.5 + size * 0.52 },
        { x: 0.5 + size * 0.42, y: 0.5 + size * 0.72 },
        { x: 0.5 + size * 0.78, y: 0.5 + size * 0.3 },
      ],
    },
  ];
}

/** Rows of [marker, content] with the marker vertically on the first line. */
export function markerRows(
  items: { marker: CanvasElement[]; blocks: Block[] }[],
  ctx: LayoutContext,
  markerWidth: number,
): Content {
  const fs = ctx.doc.theme.fontSize;
  const inner = { ...ctx, width: Math.max(20, ctx.width - markerWidth), topLevel: false };
  return tagContent(
    {
      table: {
        widths: [markerWidth, Math.max(20, ctx.width - markerWidth)],
        dontBreakRows: false,
        body: items.map((item) => [
          { canvas: item.marker, margin: [0, fs * 0.2, 0, 0] },
          tagContent(
            tagContent(
              {
                stack: layoutBlocks(item.blocks, inner, { tight: true, compact: true }),
                margin: [0, 0, 0, fs * 0.25],
              },
              'LBody',
              ctx,
            ),
            'LI',
            ctx,
          ),
        ]),
      },
      layout: 'offprintPlain',
      margin: [0, 0, 0, ctx.doc.theme.blockGap],
    },
    'L',
    ctx,
  );
}

export function tasks(block: TasksBlock, ctx: LayoutContext): Content {
  const size = ctx.doc.theme.fontSize * 0.95;
  return markerRows(
    block.items.map((item) => ({ marker: checkbox(item.done, size), blocks: item.blocks })),
    ctx,
    size + 8,
  );
}
