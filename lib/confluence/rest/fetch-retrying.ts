import { defaultSleep, headerDelay } from './http';

/** Statuses worth asking again for: a rate limit or a passing server error. */
export const RETRY_STATUS: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
const LONGEST_WAIT_MS = 10_000;

/**
 * `fetch` that asks again after a retryable answer or a network error (`Retry-After` honoured,
 * else 0.5 s, 1 s, 2 s…), like the REST client does for JSON; for images and uploads, which
 * are not JSON. The last answer is returned as it is, whatever its status.
 */
export async function fetchRetrying(
  url: string,
  init: RequestInit,
  options: { signal?: AbortSignal; retryOn?: ReadonlySet<number>; tries?: number } = {},
): Promise<Response> {
  const { signal, retryOn = RETRY_STATUS, tries = 4 } = options;
  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    let failure: unknown;
    try {
      response = await fetch(url, init);
    } catch (error) {
      if (signal?.aborted) throw error;
      failure = error;
    }
    if (response && !retryOn.has(response.status)) return response;
    if (attempt >= tries) {
      if (response) return response;
      throw failure;
    }
    const fromServer = response ? headerDelay(response.headers, Date.now()) : undefined;
    await response?.body?.cancel().catch(() => undefined);
    const delayMs = Math.min(LONGEST_WAIT_MS, fromServer ?? 500 * 2 ** (attempt - 1));
    await defaultSleep(delayMs, signal ?? new AbortController().signal);
  }
}
