/**
 * The one retry loop for requests to Confluence: the REST client's JSON reads (./http.ts) and the
 * plain `fetch`es of images and uploads (./fetch-retrying.ts) both ask again through it; each
 * brings its own attempt and its own policy (how long to wait, how to wait, when to give up).
 */
import { abortReason } from './errors';

/** Statuses worth asking again for: a rate limit or a passing server error. */
export const RETRY_STATUS: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** What one attempt came to: a final answer, or a failure worth another try. */
export type AttemptOutcome<T> = { done: T } | RetryableFailure;

export interface RetryableFailure {
  retry: true;
  /** HTTP status, or undefined for a network error. */
  status: number | undefined;
  /** The answer's headers (for `Retry-After`), when there was an answer. */
  headers?: Headers | undefined;
  /** The network error, when there was no answer. */
  error?: unknown;
  /** Called before waiting for the next attempt (not when giving up), e.g. to drop a body. */
  discard?: () => Promise<void>;
}

export interface RetryPolicy<T> {
  /** Attempts, the first included. */
  maxTries: number;
  /** Most time spent waiting between attempts in all, in ms. */
  maxWaitMs: number;
  now: () => number;
  /** The wait before attempt `tryNo + 1`; `fromServer` is what the server asked for, if it did. */
  delayMs: (tryNo: number, fromServer: number | undefined) => number;
  /** Waits `delayMs` (rejecting when cancelled). */
  wait: (delayMs: number, fromServer: boolean) => Promise<void>;
  /** Runs before every attempt (a shared pause, a cancellation check). */
  beforeAttempt?: () => Promise<void>;
  /** Told about every retry, before its wait. */
  onRetry?: (
    failure: RetryableFailure,
    tryNo: number,
    delayMs: number,
    fromServer: boolean,
  ) => void;
  /** The answer (or the error thrown) when no attempt is left or the wait would break the budget. */
  giveUp: (failure: RetryableFailure, tryNo: number, delayMs: number) => T;
}

/** Runs `attempt` until it is done or the policy gives up. */
export async function retryLoop<T>(
  attempt: () => Promise<AttemptOutcome<T>>,
  policy: RetryPolicy<T>,
): Promise<T> {
  let waited = 0;
  for (let tryNo = 1; ; tryNo++) {
    await policy.beforeAttempt?.();
    const outcome = await attempt();
    if ('done' in outcome) return outcome.done;
    const fromServer = outcome.headers ? headerDelay(outcome.headers, policy.now()) : undefined;
    const delayMs = policy.delayMs(tryNo, fromServer);
    if (tryNo >= policy.maxTries || waited + delayMs > policy.maxWaitMs) {
      return policy.giveUp(outcome, tryNo, delayMs);
    }
    policy.onRetry?.(outcome, tryNo, delayMs, fromServer !== undefined);
    await outcome.discard?.();
    waited += delayMs;
    await policy.wait(delayMs, fromServer !== undefined);
  }
}

/** Waits `ms`, rejecting as soon as `signal` fires. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * The wait the server asks for, in ms: `Retry-After` (delta-seconds or an HTTP date), else
 * `X-RateLimit-Reset` (an ISO 8601 time on Cloud; epoch seconds on some proxies).
 */
export function headerDelay(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset) {
    if (/^\d+$/.test(reset)) {
      const n = Number(reset);
      // Epoch seconds (a time) or, from small numbers, seconds to wait.
      return n > 1e9 ? Math.max(0, n * 1000 - now) : n * 1000;
    }
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return undefined;
}
