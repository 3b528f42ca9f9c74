/**
 * The one way Offprint talks to Confluence's REST API: same-origin `fetch` with the user's
 * cookies, at most N requests in flight, retries for rate limits (429, honouring `Retry-After`
 * and `X-RateLimit-Reset`, with every request pausing until then) and transient failures (5xx,
 * network errors) with capped exponential backoff and jitter, and typed errors for 401/403/404.
 * One AbortSignal cancels every request and every pending wait at once; a 401 cancels them too
 * (nothing else can succeed without a session).
 */
import {
  NotLoggedInError,
  PageForbiddenError,
  PageNotFoundError,
  RestError,
  RetriesExhaustedError,
  abortReason,
} from './errors';
import { createLimiter } from './limiter';
import {
  RETRY_STATUS,
  defaultSleep,
  retryLoop,
  type AttemptOutcome,
  type Sleep,
} from './retry-loop';

export { defaultSleep, headerDelay, type Sleep } from './retry-loop';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpOptions {
  /** Requests in flight at most (the job's REST concurrency). Default 4. */
  concurrency?: number;
  /** Cancels everything: in-flight requests, queued requests and retry waits. */
  signal?: AbortSignal;
  fetch?: FetchLike;
  sleep?: Sleep;
  /** Attempts per request, the first included. Default 5. */
  maxTries?: number;
  /** Most time one request may spend waiting between its attempts, in ms. Default 30 000. */
  maxWaitMs?: number;
  /** First backoff step for 5xx and network errors, in ms (doubles per attempt). Default 500. */
  baseDelayMs?: number;
  /** Largest single backoff step, in ms. Default 10 000. */
  maxDelayMs?: number;
  /** [0, 1) random source for jitter. */
  random?: () => number;
  /** Clock for HTTP-date `Retry-After` and `X-RateLimit-Reset`. */
  now?: () => number;
  /** Told about every retry (for progress or logs). */
  onRetry?: (retry: RetryInfo) => void;
}

export interface RetryInfo {
  url: string;
  attempt: number;
  /** HTTP status, or undefined for a network error. */
  status: number | undefined;
  delayMs: number;
  /** Whether the delay came from the server (Retry-After / X-RateLimit-Reset). */
  fromHeader: boolean;
}

/** A parsed JSON answer. */
export interface JsonResponse {
  body: unknown;
  headers: Headers;
  url: string;
}

export interface Http {
  /** GET a JSON resource (absolute URL). Rejects with the typed errors of ./errors. */
  getJson(url: string): Promise<JsonResponse>;
  /** Fires when the export is cancelled, or stopped by a 401. */
  readonly signal: AbortSignal;
  /** Requests currently in flight (for tests and progress). */
  readonly inFlight: number;
}

/** Creates a REST client bound to one export (one signal, one concurrency limit). */
export function createHttp(options: HttpOptions = {}): Http {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? defaultSleep;
  const maxTries = Math.max(1, options.maxTries ?? 5);
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;

  // Our own controller: the caller's signal aborts it, and so does a 401.
  const controller = new AbortController();
  const signal = controller.signal;
  if (options.signal) {
    const outer = options.signal;
    if (outer.aborted) controller.abort(abortReason(outer));
    else
      outer.addEventListener('abort', () => controller.abort(abortReason(outer)), { once: true });
  }

  const limiter = createLimiter(options.concurrency ?? 4, signal);

  /**
   * A rate limit is the site's, not one request's: after a 429 (or a 503 with Retry-After),
   * every request waits until the time the server gave before its next attempt, instead of
   * each one running into the limit and spending its own retries.
   */
  let pause: { until: number; done: Promise<void> } | undefined;
  const pauseFor = (delayMs: number): Promise<void> => {
    const until = now() + delayMs;
    if (pause && pause.until >= until) return pause.done;
    const done = sleep(delayMs, signal).finally(() => {
      if (pause?.done === done) pause = undefined;
    });
    pause = { until, done };
    return done;
  };

  /**
   * One attempt, holding a slot until the body is read (a download in progress is a request in
   * flight): the parsed answer, a typed error, or "retry".
   */
  const attempt = (url: string): Promise<AttemptOutcome<JsonResponse>> =>
    limiter.run(async () => {
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: 'GET',
          credentials: 'include',
          headers: { Accept: 'application/json' },
          signal,
        });
      } catch (error) {
        if (signal.aborted) throw abortReason(signal);
        return { retry: true, status: undefined, error };
      }
      if (!RETRY_STATUS.has(response.status)) return { done: await settle(url, response) };
      await response.body?.cancel().catch(() => undefined);
      return { retry: true, status: response.status, headers: response.headers };
    });

  // Retryable: 429, 5xx (not 501) or a network error.
  const getJson = (url: string): Promise<JsonResponse> =>
    retryLoop(() => attempt(url), {
      maxTries,
      maxWaitMs,
      now,
      beforeAttempt: async () => {
        if (pause) await pause.done;
        if (signal.aborted) throw abortReason(signal);
      },
      delayMs: (tryNo, fromServer) => {
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (tryNo - 1));
        // Server-given waits are honoured with a little jitter on top (so N clients do not come
        // back in the same millisecond); our own backoff uses "equal jitter": half fixed, half random.
        return Math.round(
          fromServer !== undefined
            ? fromServer + random() * Math.min(1000, fromServer * 0.1)
            : backoff / 2 + (random() * backoff) / 2,
        );
      },
      wait: (delayMs, fromServer) => (fromServer ? pauseFor(delayMs) : sleep(delayMs, signal)),
      onRetry: ({ status }, tryNo, delayMs, fromHeader) =>
        options.onRetry?.({ url, attempt: tryNo, status, delayMs, fromHeader }),
      giveUp: ({ status, error }, tryNo, delayMs) => {
        const what = status === undefined ? 'network error' : `HTTP ${status}`;
        const why =
          tryNo >= maxTries
            ? `gave up after ${tryNo} tries`
            : `Confluence asked to wait ${Math.ceil(delayMs / 1000)} s more, over the ${Math.round(maxWaitMs / 1000)} s budget`;
        throw new RetriesExhaustedError(`GET ${shortUrl(url)}: ${what}; ${why}`, url, status, {
          cause: error ?? new RestError(what, url, status),
        });
      },
    });

  async function settle(url: string, response: Response): Promise<JsonResponse> {
    const { status } = response;
    if (status === 401) {
      const error = new NotLoggedInError(url, {
        cause: new RestError(await errorDetail(response), url, 401),
      });
      controller.abort(error);
      throw error;
    }
    if (status === 403 || status === 404) {
      const detail = await errorDetail(response);
      const Kind = status === 403 ? PageForbiddenError : PageNotFoundError;
      throw new Kind(
        `GET ${shortUrl(url)}: HTTP ${status}${detail ? ` (${detail})` : ''}`,
        url,
        status,
      );
    }
    if (!response.ok) {
      const detail = await errorDetail(response);
      throw new RestError(
        `GET ${shortUrl(url)}: HTTP ${status}${detail ? ` (${detail})` : ''}`,
        url,
        status,
      );
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/json/i.test(type)) {
      await response.body?.cancel().catch(() => undefined);
      // SSO set-ups answer an expired session with a redirect to an HTML login page (200).
      if (response.redirected || /\blogin\b/i.test(response.url)) {
        const error = new NotLoggedInError(url);
        controller.abort(error);
        throw error;
      }
      throw new RestError(
        `GET ${shortUrl(url)}: expected JSON, got ${type || 'no content type'}`,
        url,
        status,
      );
    }
    try {
      return { body: await response.json(), headers: response.headers, url: response.url || url };
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      throw new RestError(`GET ${shortUrl(url)}: unreadable JSON`, url, status, { cause: error });
    }
  }

  return {
    getJson,
    signal,
    get inFlight() {
      return limiter.active;
    },
  };
}

async function errorDetail(response: Response): Promise<string> {
  try {
    const text = await response.text();
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object') {
      // v1: { message }; v2: { errors: [{ title, detail }] }
      const { message, errors } = body as { message?: unknown; errors?: unknown };
      if (typeof message === 'string') return message;
      if (Array.isArray(errors)) {
        const first: unknown = errors[0];
        if (first && typeof first === 'object') {
          const { detail, title } = first as { detail?: unknown; title?: unknown };
          if (typeof detail === 'string') return detail;
          if (typeof title === 'string') return title;
        }
      }
    }
  } catch {
    // not JSON: no detail
  }
  return '';
}

/** The URL without origin, for messages. */
function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}
