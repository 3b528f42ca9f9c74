/**
 * Request/answer calls to a Worker: each message carries an id, the worker answers with the
 * same id. The worker starts on the first call; if it dies, the calls waiting on it fail and
 * the next call starts a new one.
 */
export function workerCalls<Req extends object, Rep extends { id: number }>(
  start: () => Worker,
): (message: Req, transfer?: Transferable[]) => Promise<Rep> {
  let worker: Worker | undefined;
  let next = 0;
  const pending = new Map<number, { resolve(reply: Rep): void; reject(error: Error): void }>();
  const running = (): Worker => {
    if (worker) return worker;
    const started = start();
    started.onmessage = (event: MessageEvent<Rep>) => {
      const call = pending.get(event.data.id);
      pending.delete(event.data.id);
      call?.resolve(event.data);
    };
    started.onerror = (event) => {
      event.preventDefault();
      worker = undefined;
      const error = new Error(`the worker stopped: ${event.message}`);
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    };
    worker = started;
    return started;
  };
  return (message, transfer = []) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      running().postMessage({ ...message, id }, transfer);
    });
}
