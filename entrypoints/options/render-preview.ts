import { layoutDocument } from '../../lib/layout/layout-document';
import type { PdfEngine } from '../../lib/pdf/build-pdf';
import { createBrowserEngine } from '../../lib/pdf/browser-engine';
import { PREVIEW_MODEL } from '../../lib/prefs/preview-model';
import type { Prefs } from '../../lib/prefs/schema';

// The preview reaches into layout and pdf (outside the options page's usual imports) on
// purpose: it must build the very PDF an export would, through the same code.

let engine: Promise<PdfEngine> | undefined;

function getEngine(): Promise<PdfEngine> {
  engine ??= createBrowserEngine(async (file) => {
    const response = await fetch(browser.runtime.getURL(`/fonts/${file}` as '/'));
    if (!response.ok) throw new Error(`font ${file} missing from the extension`);
    return response.arrayBuffer();
  });
  // A failed start (a missing font) is retried on the next render rather than cached.
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

/** The sample page as a PDF, laid out with `prefs` exactly as an export would be. */
export async function buildPreviewPdf(prefs: Prefs, exportedAt = new Date()): Promise<Uint8Array> {
  const definition = layoutDocument(PREVIEW_MODEL, {
    prefs,
    exportedAt,
    exportedBy: 'Ana Lima',
  });
  return (await getEngine()).build(definition);
}
