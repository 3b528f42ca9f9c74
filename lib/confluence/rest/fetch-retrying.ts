import { RETRY_STATUS, defaultSleep, retryLoop } from './retry-loop';

const LONGEST_WAIT_MS = 10_000;

/**
 * `fetch` that asks again after a retryable answer or a network error (`Retry-After` honoured,
 * else 0.5 s, 1 s, 2 s…), through the REST client's retry loop; for images and uploads, which
 * are not JSON. The last answer is returned as it is, whatever its status.
 */
export function fetchRetrying(
  url: string,
  init: RequestInit,
  options: { signal?: AbortSignal; retryOn?: ReadonlySet<number>; tries?: number } = {},
): Promise<Response> {
  const { signal, retryOn = RETRY_STATUS, tries = 4 } = options;
  let last: Response | undefined;
  return retryLoop(
    async () => {
      let response: Response;
      try {
        response = await fetch(url, init);
      } catch (error) {
        if (signal?.aborted) throw error;
        last = undefined;
        return { retry: true, status: undefined, error };
      }
      if (!retryOn.has(response.status)) return { done: response };
      last = response;
      return {
        retry: true,
        status: response.status,
        headers: response.headers,
        discard: () => response.body?.cancel().catch(() => undefined) ?? Promise.resolve(),
      };
    },
    {
      maxTries: tries,
      maxWaitMs: Infinity,
      now: Date.now,
      delayMs: (tryNo, fromServer) =>
        Math.min(LONGEST_WAIT_MS, fromServer ?? 500 * 2 ** (tryNo - 1)),
      wait: (delayMs) => defaultSleep(delayMs, signal ?? new AbortController().signal),
      giveUp: ({ error }) => {
        if (last) return last;
        throw error;
      },
    },
  );
}
