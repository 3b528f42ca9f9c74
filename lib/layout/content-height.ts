/**
 * A generous estimate of the height pdfmake gives a piece of laid-out content (a pdfmake
 * definition node), for decisions that must not be wrong in one direction: what may be kept
 * together on one page. Text is wrapped greedily at spaces with the layout's (wide-biased)
 * average glyph widths; anything the estimate does not understand is infinitely tall.
 */
import type { StyleDictionary } from 'pdfmake/interfaces';
import { TABLE_LAYOUTS } from './table-layouts';
import { textWidth } from './text-metrics';

/** Font properties a node hands down to its children, as pdfmake inherits them. */
export interface InheritedFont {
  fontSize: number;
  lineHeight: number;
  bold: boolean;
  mono: boolean;
}

/** Roboto's ascender minus descender per em (1.17), rounded up for the other font families. */
const LINE_BOX_EM = 1.2;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

function margins(node: Node): [number, number, number, number] {
  const m = node.margin;
  if (typeof m === 'number') return [m, m, m, m];
  if (Array.isArray(m) && m.length === 2) {
    const [x = 0, y = 0] = m as number[];
    return [x, y, x, y];
  }
  if (Array.isArray(m) && m.length === 4) return m as [number, number, number, number];
  return [0, 0, 0, 0];
}

function ownFont(node: Node, parent: InheritedFont, styles: StyleDictionary): InheritedFont {
  const font = { ...parent };
  const names = Array.isArray(node.style) ? node.style : [node.style];
  for (const source of [...names.map((n) => (typeof n === 'string' ? styles[n] : n)), node]) {
    if (!isNode(source)) continue;
    font.fontSize = num(source.fontSize) ?? font.fontSize;
    font.lineHeight = num(source.lineHeight) ?? font.lineHeight;
    if (typeof source.bold === 'boolean') font.bold = source.bold;
    if (typeof source.font === 'string') font.mono = source.font === 'Mono';
  }
  return font;
}

/** The text of a `text` property (a string, a run, or an array of both) and its largest size. */
function flattenText(
  text: unknown,
  font: InheritedFont,
  styles: StyleDictionary,
): { text: string; font: InheritedFont } {
  if (typeof text === 'string' || typeof text === 'number') return { text: String(text), font };
  if (Array.isArray(text)) {
    let out = '';
    let biggest = font;
    for (const part of text) {
      const flat = flattenText(part, font, styles);
      out += flat.text;
      if (flat.font.fontSize * flat.font.lineHeight > biggest.fontSize * biggest.lineHeight) {
        biggest = flat.font;
      }
    }
    return { text: out, font: biggest };
  }
  if (isNode(text)) return flattenText(text.text, ownFont(text, font, styles), styles);
  return { text: '', font };
}

/** Lines of `text` wrapped greedily at spaces in `width`; a word wider than a line breaks. */
function lineCount(text: string, width: number, font: InheritedFont): number {
  const opts = { bold: font.bold, mono: font.mono };
  const space = textWidth(' ', font.fontSize, opts);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/[ \t\u200b]+/)) {
      if (!word) continue;
      const w = textWidth(word, font.fontSize, opts);
      if (used > 0 && used + space + w <= width) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      const pieces = Math.max(1, Math.ceil(w / Math.max(1, width)));
      lines += pieces - 1;
      used = w - (pieces - 1) * width;
    }
  }
  return lines;
}

const lineBox = (font: InheritedFont): number => font.fontSize * font.lineHeight * LINE_BOX_EM;

/** The bottom of a canvas drawing (rules, list and task markers). */
function canvasHeight(items: unknown): number {
  if (!Array.isArray(items)) return Infinity;
  let bottom = 0;
  for (const item of items) {
    if (!isNode(item)) continue;
    const ys = [
      num(item.y1),
      num(item.y2),
      (num(item.y) ?? 0) + (num(item.h) ?? 0),
      (num(item.y) ?? 0) + (num(item.r2) ?? num(item.r1) ?? 0),
    ];
    bottom = Math.max(bottom, ...ys.map((y) => y ?? 0));
  }
  return bottom;
}

interface TableLayoutLike {
  hLineWidth?: (i: number, node: never) => number;
  paddingTop?: (i: number, node: never) => number;
  paddingBottom?: (i: number, node: never) => number;
  paddingLeft?: (i: number, node: never) => number;
  paddingRight?: (i: number, node: never) => number;
}

/** pdfmake's default table layout: 1pt lines, 4pt side and 2pt top and bottom padding. */
const DEFAULT_LAYOUT: Required<TableLayoutLike> = {
  hLineWidth: () => 1,
  paddingTop: () => 2,
  paddingBottom: () => 2,
  paddingLeft: () => 4,
  paddingRight: () => 4,
};

function tableLayout(node: Node): Required<TableLayoutLike> {
  const named =
    typeof node.layout === 'string'
      ? (TABLE_LAYOUTS as Record<string, TableLayoutLike>)[node.layout]
      : isNode(node.layout)
        ? (node.layout as TableLayoutLike)
        : undefined;
  return { ...DEFAULT_LAYOUT, ...named };
}

/**
 * Estimated height of each row of a pdfmake table node: the tallest cell that starts in the row,
 * a cell spanning rows counted whole in its first row (where pdfmake lays its content out),
 * plus the row's padding and the line above it.
 */
export function tableRowHeights(
  node: Node,
  width: number,
  font: InheritedFont,
  styles: StyleDictionary,
): number[] {
  const table = isNode(node.table) ? node.table : {};
  const body = Array.isArray(table.body) ? (table.body as unknown[][]) : [];
  const layout = tableLayout(node);
  const cols = Math.max(0, ...body.map((row) => (Array.isArray(row) ? row.length : 0)));
  const given = Array.isArray(table.widths) ? table.widths : [];
  const padX = (c: number): number =>
    layout.paddingLeft(c, node as never) + layout.paddingRight(c, node as never);
  const fixed = given.reduce<number>((a, w, c) => a + (num(w) ?? 0) + padX(c), 0);
  const flexible = Array.from({ length: cols }, (_, c) => num(given[c]) === undefined).filter(
    Boolean,
  ).length;
  const share = flexible ? Math.max(1, (width - fixed) / flexible) : 0;
  const colWidth = (c: number): number => num(given[c]) ?? share;
  const tableFont = ownFont(node, font, styles);
  return body.map((row, r) => {
    let tallest = 0;
    (Array.isArray(row) ? row : []).forEach((cell, c) => {
      if (!isNode(cell) || Object.keys(cell).length === 0) return; // a position a span covers
      const span = Math.max(1, num(cell.colSpan) ?? 1);
      let w = colWidth(c);
      for (let k = c + 1; k < Math.min(cols, c + span); k++) w += colWidth(k) + padX(k);
      tallest = Math.max(tallest, contentHeight(cell, w, tableFont, styles));
    });
    return (
      tallest +
      layout.paddingTop(r, node as never) +
      layout.paddingBottom(r, node as never) +
      layout.hLineWidth(r, node as never)
    );
  });
}

/** Estimated height of `content` laid out `width` points wide. */
export function contentHeight(
  content: unknown,
  width: number,
  font: InheritedFont,
  styles: StyleDictionary,
): number {
  if (content === null || content === undefined) return 0;
  if (typeof content === 'string' || typeof content === 'number') {
    return lineCount(String(content), width, font) * lineBox(font);
  }
  if (Array.isArray(content)) {
    return content.reduce<number>((a, c) => a + contentHeight(c, width, font, styles), 0);
  }
  if (!isNode(content)) return 0;
  if (content.pageBreak === 'before' || content.pageBreak === 'after') return Infinity;
  const [left, top, right, bottom] = margins(content);
  const inner = Math.max(1, width - left - right);
  const own = ownFont(content, font, styles);
  const body = ((): number => {
    if ('text' in content) {
      const flat = flattenText(content.text, own, styles);
      return flat.text ? lineCount(flat.text, inner, flat.font) * lineBox(flat.font) : 0;
    }
    if ('stack' in content) return contentHeight(content.stack, inner, own, styles);
    if ('ul' in content || 'ol' in content) {
      const items = (content.ul ?? content.ol) as unknown;
      // Markers take at most two ems (the list block's own indent is its margin).
      return contentHeight(items, Math.max(1, inner - own.fontSize * 2), own, styles);
    }
    if ('columns' in content && Array.isArray(content.columns)) {
      const columns = content.columns as unknown[];
      const gap = num(content.columnGap) ?? 0;
      const fixed = columns.reduce<number>((a, c) => a + (isNode(c) ? (num(c.width) ?? 0) : 0), 0);
      const flexible = columns.filter((c) => !isNode(c) || num(c.width) === undefined).length;
      const share = (inner - fixed - gap * (columns.length - 1)) / Math.max(1, flexible);
      return Math.max(
        0,
        ...columns.map((c) =>
          contentHeight(c, (isNode(c) ? num(c.width) : undefined) ?? share, own, styles),
        ),
      );
    }
    if ('table' in content) {
      const rows = tableRowHeights(content, inner, own, styles);
      const last = tableLayout(content).hLineWidth(rows.length, content as never);
      return rows.reduce((a, h) => a + h, last);
    }
    if ('image' in content || 'svg' in content) {
      const fit = Array.isArray(content.fit) ? num(content.fit[1]) : undefined;
      return num(content.height) ?? fit ?? Infinity;
    }
    if ('canvas' in content) return canvasHeight(content.canvas);
    // An empty cell or placeholder: nothing to draw.
    return Object.keys(content).length === 0 ? 0 : Infinity;
  })();
  return top + body + bottom;
}
