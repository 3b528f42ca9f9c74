/**
 * The build worker: layout and pdfmake run here, off the extension's main thread. Extension
 * pages (the offscreen document, the progress popup, the options page) share one renderer
 * process and so one main thread: a build there froze the popup and its Cancel button for the
 * length of the build. Requests and answers are plain data; the PDF's bytes are transferred.
 */
import { benchPdfmake, buildPdfBytes, warmEngine } from './build-pdf-bytes';
import type { BuildWorkerReply, BuildWorkerRequest } from './build-worker-protocol';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<BuildWorkerRequest>) => void) | null;
  postMessage(message: BuildWorkerReply, transfer?: Transferable[]): void;
};

async function answer(request: BuildWorkerRequest): Promise<void> {
  const { id } = request;
  try {
    if (request.type === 'warm') {
      await warmEngine();
      scope.postMessage({ id, ok: true });
    } else if (request.type === 'bench') {
      scope.postMessage({ id, ok: true, ms: await benchPdfmake(request.action) });
    } else {
      const built = await buildPdfBytes(request.request);
      // A view over a larger buffer would transfer (and keep) all of it.
      const own =
        built.bytes.byteOffset === 0 && built.bytes.byteLength === built.bytes.buffer.byteLength
          ? built.bytes
          : built.bytes.slice();
      scope.postMessage({ id, ok: true, built: { ...built, bytes: own } }, [own.buffer]);
    }
  } catch (error) {
    scope.postMessage({ id, ok: false, error: (error as Error).message });
  }
}

scope.onmessage = (event) => void answer(event.data);
