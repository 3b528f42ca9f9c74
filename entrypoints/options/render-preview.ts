import type { PDFDocumentProxy } from 'pdfjs-dist';
// Bundled from node_modules by Vite (no CDN): the extension serves the worker itself.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
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

/** Opens PDF bytes with pdf.js (lazily imported: it is large and only the preview needs it). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  // Extension pages forbid eval (MV3 CSP); telling pdf.js avoids a CSP violation per font.
  return pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise;
}

/**
 * Draws one page into `canvas`, `cssWidth` pixels wide (sharp on high-DPI screens). Rendered
 * off-screen first, so a cancelled render never leaves a half-drawn page on screen.
 */
export async function drawPage(
  pdf: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
  isStale: () => boolean,
): Promise<boolean> {
  const page = await pdf.getPage(pageNumber);
  const ratio = globalThis.devicePixelRatio || 1;
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  const scratch = document.createElement('canvas');
  scratch.width = Math.round(viewport.width);
  scratch.height = Math.round(viewport.height);
  await page.render({ canvas: scratch, viewport }).promise;
  page.cleanup();
  if (isStale()) return false;
  canvas.width = scratch.width;
  canvas.height = scratch.height;
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${Math.round(viewport.height / ratio)}px`;
  canvas.getContext('2d')?.drawImage(scratch, 0, 0);
  return true;
}
