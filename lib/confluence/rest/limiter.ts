import { abortReason } from './errors';

/** At most `limit` tasks at a time, first come first served; `signal` rejects the queued ones. */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
}

export function createLimiter(limit: number, signal: AbortSignal): Limiter {
  const max = Math.max(1, Math.floor(limit));
  let active = 0;
  const queue: (() => void)[] = [];

  const acquire = (): Promise<void> => {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    if (active < max) {
      active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal.removeEventListener('abort', onAbort);
        active++;
        resolve();
      };
      const onAbort = (): void => {
        const at = queue.indexOf(grant);
        if (at >= 0) queue.splice(at, 1);
        reject(abortReason(signal));
      };
      queue.push(grant);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  };
  const release = (): void => {
    active--;
    queue.shift()?.();
  };

  return {
    async run(task) {
      await acquire();
      try {
        // Cancelled between being granted a slot and running: do not start.
        if (signal.aborted) throw abortReason(signal);
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
  };
}
