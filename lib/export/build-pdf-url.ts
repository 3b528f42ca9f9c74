import type { BuildPdfRequest, BuiltPdf } from '../messaging/protocol';
import { layoutDocument } from '../layout/layout-document';
import type { PdfEngine } from '../pdf/build-pdf';
import { createBrowserEngine } from '../pdf/browser-engine';

let engine: Promise<PdfEngine> | undefined;

/** Lays out the model, builds the PDF and returns a `blob:` URL for the browser to download. */
export async function buildPdfUrl(request: BuildPdfRequest): Promise<BuiltPdf> {
  engine ??= createBrowserEngine(async (file) => {
    const response = await fetch(browser.runtime.getURL(`/fonts/${file}` as '/'));
    if (!response.ok) throw new Error(`font ${file} missing from the extension`);
    return response.arrayBuffer();
  });
  const definition = layoutDocument(request.model, {
    prefs: request.prefs,
    exportedAt: new Date(request.exportedAt),
  });
  const bytes = await (await engine).build(definition);
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
  return {
    url: URL.createObjectURL(blob),
    bytes: bytes.byteLength,
    warnings: request.model.warnings,
  };
}
