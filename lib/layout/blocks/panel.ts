import type { CanvasElement, Content, TableCell } from 'pdfmake/interfaces';
import type { Block, PanelBlock, PanelKind } from '../../model/types';
import { modelColour } from '../../model/colour';
import type { LayoutContext } from '../context';
import { PANEL_COLOURS } from '../styles';
import { layoutBlocks } from './index';
import { scriptText } from '../fonts';

const BAR = 3;

/** Panel icons drawn as vectors (Roboto has none of ⓘ ⚠ ✓): a filled disc with a white mark. */
export function panelIcon(kind: PanelKind, colour: string, d: number): CanvasElement[] {
  const r = d / 2;
  const disc: CanvasElement = { type: 'ellipse', x: r, y: r, r1: r, r2: r, color: colour };
  const white = {
    lineColor: '#ffffff',
    lineWidth: Math.max(1, d * 0.13),
    lineCap: 'round' as const,
  };
  switch (kind) {
    case 'info':
    case 'note':
      return [
        disc,
        { type: 'line', x1: r, y1: d * 0.45, x2: r, y2: d * 0.75, ...white },
        { type: 'ellipse', x: r, y: d * 0.28, r1: d * 0.07, r2: d * 0.07, color: '#ffffff' },
      ];
    case 'warning':
    case 'error':
      return [
        disc,
        { type: 'line', x1: r, y1: d * 0.24, x2: r, y2: d * 0.56, ...white },
        { type: 'ellipse', x: r, y: d * 0.74, r1: d * 0.07, r2: d * 0.07, color: '#ffffff' },
      ];
    case 'success':
    case 'tip':
      return [
        disc,
        {
          type: 'polyline',
          ...white,
          points: [
            { x: d * 0.28, y: d * 0.52 },
            { x: d * 0.44, y: d * 0.68 },
            { x: d * 0.73, y: d * 0.35 },
          ],
        },
      ];
    case 'custom':
      return [disc];
  }
}

/**
 * A tinted box with an accent bar on the left, drawn as one table row: a narrow filled
 * column (the bar) and the content column on the tint.
 */
export function barBox(
  content: (innerWidth: number) => Content[],
  ctx: LayoutContext,
  colours: { bar: string; fill?: string },
  icon?: CanvasElement[],
  iconSize = 0,
): Content {
  // Column widths exclude padding: bar 0, icon 8+6, content 8+6 (offprintBar).
  const innerWidth = Math.max(20, ctx.width - BAR - 14 - (icon ? iconSize + 14 : 0));
  const fill = colours.fill ? { fillColor: colours.fill } : {};
  const row: TableCell[] = [{ text: '', fillColor: colours.bar }];
  if (icon) row.push({ canvas: icon, ...fill, margin: [0, 1, 0, 0] });
  row.push({ stack: content(innerWidth), ...fill });
  return {
    table: {
      widths: icon ? [BAR, iconSize, innerWidth] : [BAR, innerWidth],
      body: [row],
      dontBreakRows: false,
    },
    layout: 'offprintBar',
    margin: [0, 2, 0, ctx.doc.theme.blockGap],
  };
}

export function panelColours(block: PanelBlock): { fill: string; accent: string } {
  const base = PANEL_COLOURS[block.kind] ?? PANEL_COLOURS.info;
  if (block.kind !== 'custom') return base;
  const fill = modelColour(block.colour) ?? base.fill;
  return { fill, accent: darken(fill) };
}

/** Custom panels have only a background colour: the bar is a darker shade of it. */
function darken(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const f = (v: number): string =>
    Math.round(v * 0.6)
      .toString(16)
      .padStart(2, '0');
  return '#' + f((n >> 16) & 255) + f((n >> 8) & 255) + f(n & 255);
}

/** Info / note / warning / error / success panels: tint, accent bar, icon, bold title. */
export function panel(block: PanelBlock, ctx: LayoutContext): Content {
  const colours = panelColours(block);
  const iconSize = ctx.fontSize * 1.25;
  const icon =
    block.kind === 'custom' ? undefined : panelIcon(block.kind, colours.accent, iconSize);
  return barBox(
    (w) => {
      const inner = { ...ctx, width: w, topLevel: false };
      const title: Content[] = block.title
        ? [{ text: scriptText(block.title), bold: true, margin: [0, 0, 0, ctx.fontSize * 0.35] }]
        : [];
      const body: Block[] = block.blocks;
      return [...title, ...layoutBlocks(body, inner, { tight: true })];
    },
    ctx,
    { bar: colours.accent, fill: colours.fill },
    icon,
    iconSize,
  );
}
