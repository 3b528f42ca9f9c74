/**
 * Request/answer calls to a Worker: each message carries an id, the worker answers with the
 * same id. The worker starts on the first call; if it dies, the calls waiting on it fail and
 * the next call starts a new one.
 */
export interface WorkerCalls<Req, Rep> {
  (message: Req, transfer?: Transferable[]): Promise<Rep>;
  /** Ends the worker (its memory goes with it); waiting calls fail; the next call starts anew. */
  stop(): void;
}

export function workerCalls<Req extends object, Rep extends { id: number }>(
  start: () => Worker,
  options: {
    /** Ends the worker once no call has been waiting for this long (its heap goes with it). */
    idleMs?: number;
  } = {},
): WorkerCalls<Req, Rep> {
  let worker: Worker | undefined;
  let next = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const whenIdle = (): void => {
    if (options.idleMs === undefined || pending.size > 0) return;
    clearTimeout(idle);
    idle = setTimeout(stop, options.idleMs);
  };
  const pending = new Map<number, { resolve(reply: Rep): void; reject(error: Error): void }>();
  const running = (): Worker => {
    if (worker) return worker;
    const started = start();
    started.onmessage = (event: MessageEvent<Rep>) => {
      const call = pending.get(event.data.id);
      pending.delete(event.data.id);
      call?.resolve(event.data);
      whenIdle();
    };
    started.onerror = (event) => {
      event.preventDefault();
      lost(started, `the worker stopped: ${event.message}`);
    };
    worker = started;
    return started;
  };
  const lost = (which: Worker, reason: string): void => {
    if (worker !== which) return;
    worker = undefined;
    const error = new Error(reason);
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  const call = (message: Req, transfer: Transferable[] = []): Promise<Rep> =>
    new Promise((resolve, reject) => {
      clearTimeout(idle);
      const id = next++;
      pending.set(id, { resolve, reject });
      running().postMessage({ ...message, id }, transfer);
    });
  function stop(): void {
    clearTimeout(idle);
    if (!worker) return;
    const ended = worker;
    lost(ended, 'the worker was stopped');
    ended.terminate();
  }
  return Object.assign(call, { stop });
}
