// @vitest-environment node
/**
 * The pdfmake 0.3.11 / pdfkit internals Offprint's patches rely on (lib/pdf/renderer/install.ts,
 * lib/pdf/renderer/line-text.ts, lib/pdf/canvas-fit.ts) still have the shape the patches expect:
 * an upgrade that changes one fails here, by name, before it fails a build.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { expect, it } from 'vitest';
import type { PdfmakeInstance } from '../../lib/pdf/build-pdf';
import { findCanvasWriter } from '../../lib/pdf/canvas-fit';
import { readFontFile } from '../../lib/pdf/node-engine';

const require = createRequire(import.meta.url);
const json = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

type Pdfmake = PdfmakeInstance & {
  setProgressCallback(callback: ((this: unknown) => void) | undefined): void;
};
const load = async (): Promise<Pdfmake> =>
  ((await import('pdfmake')) as unknown as { default: Pdfmake }).default;

it('the installed pdfmake is the exact version package.json pins', () => {
  const pin = (json('package.json').dependencies as Record<string, string>)['pdfmake'];
  expect(pin).toBe('0.3.11');
  expect(json(require.resolve('pdfmake/package.json')).version).toBe(pin);
});

it('pdfmake calls the progress callback as a method of its Renderer, which has the patched methods', async () => {
  const pdfmake = await load();
  let renderer: object | undefined;
  pdfmake.setProgressCallback(function (this: unknown) {
    if (this && typeof this === 'object') renderer ??= Object.getPrototypeOf(this) as object;
  });
  try {
    await pdfmake
      .createPdf({ content: [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 1, y2: 0 }] }] })
      .getBuffer();
  } finally {
    pdfmake.setProgressCallback(undefined);
  }
  const proto = renderer as Record<string, unknown>;
  for (const m of [
    'renderPages',
    'renderLine',
    'renderImage',
    'renderSVG',
    'renderVector',
    'renderWatermark',
  ]) {
    expect(typeof proto[m], m).toBe('function');
  }
});

it("a probe canvas finds pdfmake's page writer, whose addCanvas returns false for what does not fit", async () => {
  const proto = (await findCanvasWriter(await load())) as unknown as Record<string, unknown>;
  expect(typeof proto['addCanvas']).toBe('function');
  expect(typeof proto['_fitOnPage']).toBe('function');
  // The refusal the guard turns into CanvasDoesNotFit: a `return false` in ElementWriter.
  const source = readFileSync(require.resolve('pdfmake/js/ElementWriter.js'), 'utf8');
  expect(source).toMatch(/addCanvas\(node, index\) \{[^}]*return false;/);
});

it("pdfkit's font encode returns hex glyph ids and positioned glyphs, as line-text.ts reads them", () => {
  const doc = new PDFDocument();
  doc.font(readFontFile('Roboto-Regular.ttf'));
  const font = (
    doc as unknown as { _font: { encode(t: string, f?: string[]): [unknown, unknown] } }
  )._font;
  const [encoded, glyphs] = font.encode('Hello', []);
  expect(encoded).toHaveLength(5);
  for (const id of encoded as string[]) expect(id).toMatch(/^[0-9a-f]{4}$/);
  for (const g of glyphs as Record<string, unknown>[]) {
    for (const key of ['xAdvance', 'advanceWidth', 'xOffset', 'yOffset'])
      expect(typeof g[key], key).toBe('number');
  }
  doc.end();
});
