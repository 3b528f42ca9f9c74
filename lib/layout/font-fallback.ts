/**
 * Every text of a pdfmake definition drawn by a font that has its glyphs: one pass over the
 * finished definition (content, header and footer, watermark) sends each string through
 * splitByFont (./fonts.ts) with the font it is set in, so no text role (code, table cells,
 * headings, cover, contents, captions, running headers...) can print empty boxes (.notdef).
 * Runs already given a script font are left as they are, so the pass can run twice.
 */
import type { Content, StyleDictionary, TDocumentDefinitions, Watermark } from 'pdfmake/interfaces';
import { BASE_FONTS, FALLBACK_ORDER, fontHas, splitByFont } from './fonts';

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The font a node sets itself: its `font`, else its style's (the last style naming one). */
function ownFont(node: Node, styles: StyleDictionary): string | undefined {
  if (typeof node.font === 'string') return node.font;
  let font: string | undefined;
  for (const style of Array.isArray(node.style) ? node.style : [node.style]) {
    const def = typeof style === 'string' ? styles[style] : isNode(style) ? style : undefined;
    if (def && typeof def.font === 'string') font = def.font;
  }
  return font;
}

class Fallback {
  constructor(private readonly styles: StyleDictionary) {}

  /** Inline runs for `text` set in `font`; `props` are the run's own properties, if any. */
  private runs(text: string, font: string, props?: Node): unknown[] {
    if (!BASE_FONTS.includes(font)) return [props ? { ...props, text } : text];
    const parts = splitByFont(text, font);
    return parts.map((part, i) => {
      // A destination id belongs to one run only.
      const own = props && i > 0 ? { ...props, id: undefined } : props;
      if (own && own.id === undefined) delete own.id;
      if (part.font === undefined) return own ? { ...own, text: part.text } : part.text;
      return { ...own, text: part.text, font: part.font };
    });
  }

  /** The items of a text array (pdfmake flattens nested arrays; their runs only inherit the
   * text node's properties, not the nested run's, pdfmake #1174). */
  private inlines(items: readonly unknown[], font: string): unknown[] {
    return items.flatMap((item) => {
      if (typeof item === 'string') return this.runs(item, font);
      if (!isNode(item)) return [item];
      if (Array.isArray(item.text)) return [{ ...item, text: this.inlines(item.text, font) }];
      if (typeof item.text !== 'string') return [item];
      const { text, ...props } = item;
      return this.runs(text, ownFont(item, this.styles) ?? font, props);
    });
  }

  /** A content item in `font`; returns what stands in its place. */
  content(item: unknown, font: string): unknown {
    if (typeof item === 'string') {
      const runs = this.runs(item, font);
      return runs.length === 1 && runs[0] === item ? item : { text: runs };
    }
    if (Array.isArray(item)) return item.map((c) => this.content(c, font));
    if (!isNode(item)) return item;
    const own = ownFont(item, this.styles) ?? font;
    if (typeof item.text === 'string') {
      const runs = this.runs(item.text, own);
      if (!(runs.length === 1 && runs[0] === item.text)) item.text = runs;
    } else if (Array.isArray(item.text)) {
      item.text = this.inlines(item.text, own);
    }
    for (const key of ['stack', 'columns', 'ul', 'ol'] as const) {
      const items = item[key];
      if (Array.isArray(items)) item[key] = items.map((c) => this.content(c, own));
    }
    const table = item.table;
    if (isNode(table) && Array.isArray(table.body)) {
      table.body = table.body.map((row) =>
        Array.isArray(row) ? row.map((cell) => this.content(cell, own)) : row,
      );
    }
    return item;
  }
}

/** Characters pdfmake draws in the watermark, all in one font: the first that has them all,
 * else the one that has most, without the rest. */
function watermarkFallback(mark: Watermark, base: string): Watermark {
  const chars = [...mark.text].filter((ch) => !/\s|\u200d|\ufe0f/u.test(ch));
  const families = [base, ...FALLBACK_ORDER.filter((f) => f !== base)];
  const count = (f: string): number => chars.filter((ch) => fontHas(f, ch.codePointAt(0)!)).length;
  const best = families.reduce((a, b) => (count(b) > count(a) ? b : a));
  const text = [...mark.text]
    .filter((ch) => /\s/u.test(ch) || fontHas(best, ch.codePointAt(0)!))
    .join('')
    .trim();
  return { ...mark, text, ...(best !== base ? { font: best } : {}) };
}

type PageFn = (...args: unknown[]) => unknown;

/** Applies the font fallback to a whole definition, in place; returns it. */
export function withFontFallback(dd: TDocumentDefinitions): TDocumentDefinitions {
  const styles = dd.styles ?? {};
  const base = typeof dd.defaultStyle?.font === 'string' ? dd.defaultStyle.font : 'Roboto';
  const fallback = new Fallback(styles);
  dd.content = fallback.content(dd.content, base) as Content;
  for (const key of ['header', 'footer', 'background'] as const) {
    const part = dd[key] as unknown;
    if (typeof part === 'function') {
      const fn = part as PageFn;
      (dd as unknown as Record<string, unknown>)[key] = (...args: unknown[]) =>
        fallback.content(fn(...args), base);
    } else if (part !== undefined) {
      (dd as unknown as Record<string, unknown>)[key] = fallback.content(part, base);
    }
  }
  if (dd.watermark && typeof dd.watermark === 'object') {
    dd.watermark = watermarkFallback(dd.watermark, dd.watermark.font ?? base);
  }
  return dd;
}
