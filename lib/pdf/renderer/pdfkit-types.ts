/**
 * The few pdfkit 0.19 / pdfmake 0.3.11 internals the renderer patches touch, typed narrowly.
 * pdfkit's structure API (`struct`, `addStructure`, `markStructureContent`, `markContent`,
 * `endMarkedContent`) is public and documented (pdfkit docs, "Accessibility"); pdfmake's
 * Renderer is not exported, so its shape here is the one of pdfmake 0.3.11's js/Renderer.js.
 */

/** A pdfkit structure element (PDFStructureElement). */
export interface PdfStructElement {
  add(child: PdfStructElement | PdfStructContent): PdfStructElement;
  end(): void;
}

/** What `markStructureContent` returns (PDFStructureContent): a page + MCID reference. */
export interface PdfStructContent {
  readonly refs: unknown[];
}

/** Options of `doc.struct()` pdfkit understands. */
export interface PdfStructOptions {
  alt?: string;
  lang?: string;
  scope?: 'Column' | 'Row' | 'Both';
}

/** A pdfkit font (EmbeddedFont or StandardFont) as the text writer uses it. */
export interface PdfKitFont {
  /** Resource name on the page, e.g. `F1`. */
  id: string;
  ascender: number;
  ref(): unknown;
  /** Glyph ids as 4-digit hex strings, and their positions (1000 units per em). */
  encode(text: string, features?: string[]): [string[], unknown[]];
}

/** The pdfkit document pdfmake renders into (pdfmake's PDFDocument subclass of pdfkit's). */
export interface PdfKitDoc {
  /** The options the document was created with (pdfmake passes `tagged` and `lang`). */
  options: { tagged?: boolean; lang?: string };
  struct(type: string, options?: PdfStructOptions): PdfStructElement;
  addStructure(element: PdfStructElement): PdfKitDoc;
  markStructureContent(tag: string): PdfStructContent;
  markContent(tag: string, options?: { type?: string } | null): PdfKitDoc;
  endMarkedContent(): PdfKitDoc;
  text(...args: unknown[]): unknown;
  addContent(op: string): unknown;
  _font: PdfKitFont;
  _fontSize: number;
  page: { fonts: Record<string, unknown> };
  _normalizeColor(colour: unknown): unknown;
  currentLineHeight(includeGap?: boolean): number;
  link(x: number, y: number, w: number, h: number, url: unknown, options?: object): unknown;
  goTo(x: number, y: number, w: number, h: number, name: string): unknown;
  addNamedDestination(name: string, ...args: unknown[]): void;
  /**
   * pdfkit's own hook: when `text()` draws a linked run while this is a `Link` element, the
   * link annotation becomes a child of it (an OBJR), which is what screen readers need.
   */
  _currentStructureElement?: PdfStructElement | undefined;
}

/** A positioned text run of a laid-out line (pdfmake's inline), with the marks layout put on. */
export interface PdfmakeInline {
  text: string;
  link?: string | null;
  linkToDestination?: string | null;
  linkToPage?: number | null;
  [key: string]: unknown;
}

/** A laid-out line (pdfmake's Line). */
export interface PdfmakeLine {
  inlines: PdfmakeInline[];
}

/** What the Renderer's methods see as `this`. */
export interface RendererThis {
  pdfDocument: PdfKitDoc;
}

type Method<A extends unknown[]> = (this: RendererThis, ...args: A) => void;

/** pdfmake 0.3.11's Renderer.prototype, the methods the extension wraps. */
export interface RendererProto {
  renderPages: Method<[pages: unknown[]]>;
  renderLine: Method<[line: PdfmakeLine, x: number, y: number]>;
  renderVector: Method<[vector: unknown]>;
  renderImage: Method<[image: Record<string, unknown>]>;
  renderSVG: Method<[svg: Record<string, unknown>]>;
  renderWatermark: Method<[page: unknown]>;
}
