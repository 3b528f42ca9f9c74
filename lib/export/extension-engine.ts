import type { PdfEngine } from '../pdf/build-pdf';
import { createBrowserEngine } from '../pdf/browser-engine';
import { setBackgroundDeflater } from '../pdf/deflate';
import { workerDeflater } from '../pdf/worker-deflater';

let engine: Promise<PdfEngine> | undefined;

/**
 * The pdfmake engine of an extension context (the build worker, the options page's preview),
 * with fonts read from the extension's own `fonts/` folder: never the network. Created once per
 * context; a failed start (a missing font) is retried on the next call.
 */
export function extensionEngine(): Promise<PdfEngine> {
  if (!engine) startDeflateWorker();
  engine ??= createBrowserEngine(async (file) => {
    // From the extension's origin: the same in its pages and in the build worker (which has
    // no extension APIs).
    const response = await fetch(new URL(`/fonts/${file}`, globalThis.location.origin));
    if (!response.ok) throw new Error(`font ${file} missing from the extension`);
    return response.arrayBuffer();
  });
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

/**
 * Page content is compressed on a Worker, in parallel with pdfmake's drawing (the second core);
 * without one (or if it cannot start) it is compressed on this thread.
 */
function startDeflateWorker(): void {
  if (typeof Worker !== 'function') return;
  // Started on the first page's content; one that cannot start leaves it to this thread.
  setBackgroundDeflater(
    workerDeflater(
      () => new Worker(new URL('../pdf/deflate-worker.ts', import.meta.url), { type: 'module' }),
    ),
  );
}
