import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/** Something that turns a pdfmake document definition into PDF bytes. */
export interface PdfEngine {
  build(dd: TDocumentDefinitions): Promise<Uint8Array>;
}

/**
 * The subset of a pdfmake 0.3 instance the engines use (both the Node entry and the browser
 * build). @types/pdfmake types the browser API only; `virtualfs` and `setLocalAccessPolicy` are
 * Node-entry extras.
 */
export interface PdfmakeInstance {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  addTableLayouts(layouts: Record<string, unknown>): void;
  createPdf(dd: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
}

/** Wraps a configured pdfmake instance. Each build gets its own copy of the definition
 * (pdfmake mutates what it is given), so the same definition can be built twice. */
export function engineFor(pdfmake: PdfmakeInstance): PdfEngine {
  return {
    async build(dd) {
      const bytes = await pdfmake.createPdf(copyDefinition(dd)).getBuffer();
      // Node gives a Buffer (a Uint8Array subclass); hand out a plain Uint8Array view.
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}

/** Deep copy of plain data; functions (header/footer) and Dates are kept as they are. */
function copyDefinition<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => copyDefinition(v)) as T;
  if (
    value &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !ArrayBuffer.isView(value)
  ) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copyDefinition(v);
    return out as T;
  }
  return value;
}
