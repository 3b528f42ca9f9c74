import { workerCalls } from '../messaging/worker-calls';
import type { BackgroundDeflater } from './deflate';

/** A BackgroundDeflater talking to a deflate-worker.ts Worker (started on first use). */
export function workerDeflater(start: () => Worker): BackgroundDeflater {
  const call = workerCalls<{ bytes: Uint8Array }, { id: number; out: Uint8Array }>(start);
  return async (bytes) => (await call({ bytes }, [bytes.buffer])).out;
}
