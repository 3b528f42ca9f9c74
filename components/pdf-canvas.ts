import type { PDFDocumentProxy } from 'pdfjs-dist';
// Bundled from node_modules by Vite (no CDN): the extension serves the worker itself.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

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
