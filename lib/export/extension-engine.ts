import type { PdfEngine } from '../pdf/build-pdf';
import { createBrowserEngine } from '../pdf/browser-engine';

let engine: Promise<PdfEngine> | undefined;

/**
 * The pdfmake engine of an extension page (offscreen document, options preview, Firefox's
 * background page), with fonts read from the extension's own `fonts/` folder: never the network.
 * Created once per page; a failed start (a missing font) is retried on the next call.
 */
export function extensionEngine(): Promise<PdfEngine> {
  engine ??= createBrowserEngine(async (file) => {
    const response = await fetch(browser.runtime.getURL(`/fonts/${file}` as '/'));
    if (!response.ok) throw new Error(`font ${file} missing from the extension`);
    return response.arrayBuffer();
  });
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}
