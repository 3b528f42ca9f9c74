/**
 * The background deflater's thread (see setBackgroundDeflater): compresses page content while
 * the page's thread goes on drawing. Messages: { id, bytes } in, { id, out } back, both
 * buffers transferred.
 */
import { deflateBytes } from './deflate';

interface Job {
  id: number;
  bytes: Uint8Array;
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<Job>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  const { id, bytes } = event.data;
  const out = deflateBytes(bytes);
  scope.postMessage({ id, out }, [out.buffer]);
};
