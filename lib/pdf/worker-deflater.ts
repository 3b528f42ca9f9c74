import type { BackgroundDeflater } from './deflate';

/** A BackgroundDeflater talking to a deflate-worker.ts Worker; a dead worker fails its jobs. */
export function workerDeflater(worker: Worker): BackgroundDeflater {
  let next = 0;
  const waiting = new Map<number, { resolve(out: Uint8Array): void; reject(e: Error): void }>();
  worker.onmessage = (event: MessageEvent<{ id: number; out: Uint8Array }>) => {
    const job = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    job?.resolve(event.data.out);
  };
  worker.onerror = () => {
    for (const job of waiting.values()) job.reject(new Error('deflate worker failed'));
    waiting.clear();
  };
  return (bytes) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, bytes }, [bytes.buffer]);
    });
}
