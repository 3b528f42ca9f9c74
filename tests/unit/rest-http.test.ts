// @vitest-environment node
/** The REST fetch wrapper on its own: retries and their waits, typed errors, cancel, the limit. */
import { describe, expect, it } from 'vitest';
import {
  NotLoggedInError,
  PageForbiddenError,
  PageNotFoundError,
  RestError,
  RetriesExhaustedError,
} from '../../lib/confluence/rest/errors';
import {
  createHttp,
  defaultSleep,
  headerDelay,
  type FetchLike,
  type HttpOptions,
  type Sleep,
} from '../../lib/confluence/rest/http';

const URL_ = 'https://wiki.example.com/rest/api/content/1';
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** A fetch answering from a script, one entry per call (the last one repeats). */
function scripted(answers: (() => Response | Promise<Response>)[]): FetchLike & { calls: number } {
  const f = Object.assign(
    async (_input: string, init: RequestInit): Promise<Response> => {
      const answer = answers[Math.min(f.calls, answers.length - 1)];
      f.calls++;
      if (init.signal?.aborted) throw init.signal.reason as Error;
      if (!answer) throw new Error('no answer');
      return answer();
    },
    { calls: 0 },
  );
  return f;
}

function http(fetch: FetchLike, delays: number[], extra: Partial<HttpOptions> = {}) {
  return createHttp({
    fetch,
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0,
    now: () => Date.parse('2025-01-01T00:00:00Z'),
    ...extra,
  });
}

describe('retries', () => {
  it('honours Retry-After in seconds on 429', async () => {
    const delays: number[] = [];
    const f = scripted([() => json(429, {}, { 'Retry-After': '3' }), () => json(200, { ok: 1 })]);
    const got = await http(f, delays).getJson(URL_);
    expect(got.body).toEqual({ ok: 1 });
    expect(delays).toEqual([3000]);
  });

  it('honours Retry-After as an HTTP date, and X-RateLimit-Reset as an ISO time', async () => {
    const delays: number[] = [];
    const f = scripted([
      () => json(429, {}, { 'Retry-After': 'Wed, 01 Jan 2025 00:00:07 GMT' }),
      () => json(429, {}, { 'X-RateLimit-Reset': '2025-01-01T00:00:04.000Z' }),
      () => json(200, {}),
    ]);
    await http(f, delays).getJson(URL_);
    expect(delays).toEqual([7000, 4000]);
    expect(
      headerDelay(
        new Headers({ 'x-ratelimit-reset': '1735689605' }),
        Date.parse('2025-01-01T00:00:00Z'),
      ),
    ).toBe(5000);
  });

  it('honours Retry-After on 503 and backs off exponentially on 500/502/504 and network errors', async () => {
    const delays: number[] = [];
    const f = scripted([
      () => json(500, {}),
      () => json(502, {}),
      () => Promise.reject(new TypeError('fetch failed')),
      () => json(503, {}, { 'Retry-After': '1' }),
      () => json(200, {}),
    ]);
    await http(f, delays, { maxTries: 6 }).getJson(URL_);
    // random() = 0 -> half of each step: 500, 1000, 2000 ms steps
    expect(delays).toEqual([250, 500, 1000, 1000]);
  });

  it('caps a backoff step and jitters within [half, full]', async () => {
    const delays: number[] = [];
    const f = scripted([() => json(500, {})]);
    const client = http(f, delays, {
      maxTries: 8,
      maxWaitMs: 1e9,
      maxDelayMs: 4000,
      random: () => 0.999,
    });
    await expect(client.getJson(URL_)).rejects.toBeInstanceOf(RetriesExhaustedError);
    expect(delays).toEqual(
      [500, 1000, 1998, 3998, 3998, 3998, 3998].map((d) => expect.closeTo(d, -1)),
    );
    expect(f.calls).toBe(8);
  });

  it('gives up after maxTries with context and the cause', async () => {
    const delays: number[] = [];
    const f = scripted([() => Promise.reject(new TypeError('fetch failed'))]);
    const error = await http(f, delays, { maxTries: 3 })
      .getJson(URL_)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect((error as Error).message).toBe(
      'GET /rest/api/content/1: network error; gave up after 3 tries',
    );
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(f.calls).toBe(3);
  });

  it('pauses every request after a 429 until the time the server gave, with one wait', async () => {
    const asked: string[] = [];
    const waits: number[] = [];
    const release: (() => void)[] = [];
    let first = true;
    const client = createHttp({
      concurrency: 4,
      fetch: async (input) => {
        asked.push(input);
        if (first) {
          first = false;
          return json(429, {}, { 'Retry-After': '5' });
        }
        return json(200, { url: input });
      },
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          waits.push(ms);
          release.push(resolve);
        }),
      random: () => 0,
      now: () => Date.parse('2025-01-01T00:00:00Z'),
    });
    const a = client.getJson(`${URL_}?a`);
    await new Promise((r) => setTimeout(r, 10));
    // The site said "wait": requests asked for meanwhile are not sent yet, slot or not.
    const b = client.getJson(`${URL_}?b`);
    const c = client.getJson(`${URL_}?c`);
    await new Promise((r) => setTimeout(r, 10));
    expect(asked).toEqual([`${URL_}?a`]);
    expect(waits).toEqual([5000]);
    release[0]?.();
    expect((await Promise.all([a, b, c])).map((r) => r.body)).toEqual([
      { url: `${URL_}?a` },
      { url: `${URL_}?b` },
      { url: `${URL_}?c` },
    ]);
    expect(asked).toHaveLength(4);
    expect(waits).toEqual([5000]);
  });

  it('gives up rather than wait past the budget', async () => {
    const delays: number[] = [];
    const f = scripted([() => json(429, {}, { 'Retry-After': '20' })]);
    const error = await http(f, delays, { maxWaitMs: 30_000 })
      .getJson(URL_)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect(delays).toEqual([20000]);
    expect((error as Error).message).toContain('over the 30 s budget');
  });

  it('does not retry 400, 501 or other client errors', async () => {
    for (const status of [400, 501, 410]) {
      const delays: number[] = [];
      const f = scripted([() => json(status, { message: 'nope' })]);
      const error = await http(f, delays)
        .getJson(URL_)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RestError);
      expect((error as RestError).status).toBe(status);
      expect((error as Error).message).toBe(`GET /rest/api/content/1: HTTP ${status} (nope)`);
      expect(f.calls).toBe(1);
    }
  });
});

describe('typed errors', () => {
  it('403 and 404 carry the server detail (v1 and v2 shapes)', async () => {
    const forbidden = await http(scripted([() => json(403, { message: 'User not permitted' })]), [])
      .getJson(URL_)
      .catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(PageForbiddenError);
    expect((forbidden as Error).message).toBe(
      'GET /rest/api/content/1: HTTP 403 (User not permitted)',
    );
    const missing = await http(
      scripted([() => json(404, { errors: [{ status: 404, title: 'Not Found', detail: null }] })]),
      [],
    )
      .getJson(URL_)
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(PageNotFoundError);
    expect((missing as Error).message).toBe('GET /rest/api/content/1: HTTP 404 (Not Found)');
  });

  it('401 rejects with NotLoggedInError and stops every other request', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const f: FetchLike = async (input, init) => {
      if (input.endsWith('/1')) return json(401, {});
      await gate;
      if (init.signal?.aborted) throw init.signal.reason as Error;
      return json(200, {});
    };
    const client = createHttp({ fetch: f, concurrency: 2 });
    const first = client.getJson(URL_);
    const others = [2, 3, 4].map((n) => client.getJson(`${URL_.slice(0, -2)}/${n}`));
    await expect(first).rejects.toBeInstanceOf(NotLoggedInError);
    release();
    for (const o of await Promise.allSettled(others))
      expect(o.status === 'rejected' && o.reason instanceof NotLoggedInError).toBe(true);
    expect(client.signal.aborted).toBe(true);
  });

  it('an HTML login page instead of JSON (SSO redirect) is "not logged in"', async () => {
    const page = new Response('<html>login</html>', {
      status: 200,
      headers: { 'content-type': 'text/html' },
    });
    Object.defineProperty(page, 'redirected', { value: true });
    const error = await http(scripted([() => page]), [])
      .getJson(URL_)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotLoggedInError);
    expect((error as Error).message).toBe('Not logged in: log in to Confluence and try again.');
  });
});

describe('cancel and concurrency', () => {
  it('one abort cancels in-flight requests, paused ones and the retry wait at once', async () => {
    const controller = new AbortController();
    const fetched: string[] = [];
    const f: FetchLike = (input, init) => {
      fetched.push(input.replace('https://w.example', ''));
      return input.endsWith('/retry')
        ? Promise.resolve(json(429, {}, { 'Retry-After': '25' }))
        : new Promise((_, reject) =>
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)),
          );
    };
    // The real sleep, watched: a 25 s wait that is not cut short outlasts the test's timeout.
    const waits: { ms: number; ended?: string }[] = [];
    let sleeping!: () => void;
    const asleep = new Promise<void>((r) => (sleeping = r));
    const sleep: Sleep = (ms, signal) => {
      const wait: (typeof waits)[number] = { ms };
      waits.push(wait);
      sleeping();
      return defaultSleep(ms, signal).then(
        () => void (wait.ended = 'slept'),
        (e: unknown) => {
          wait.ended = (e as Error).name;
          throw e;
        },
      );
    };
    const client = createHttp({
      fetch: f,
      sleep,
      random: () => 0,
      concurrency: 3,
      signal: controller.signal,
    });
    const inFlight = [1, 2].map((n) => client.getJson(`https://w.example/${n}`));
    const waiting = client.getJson('https://w.example/retry');
    await asleep;
    // The rate limit pauses every later request for the same 25 s.
    const paused = [3, 4].map((n) => client.getJson(`https://w.example/${n}`));
    const all = [...inFlight, waiting, ...paused];
    await new Promise((r) => setTimeout(r, 0));
    expect(fetched).toEqual(['/1', '/2', '/retry']);
    controller.abort();
    const settled = await Promise.allSettled(all);
    for (const p of settled)
      expect(p).toMatchObject({ status: 'rejected', reason: { name: 'AbortError' } });
    expect(waits).toEqual([{ ms: 25_000, ended: 'AbortError' }]);
    await expect(client.getJson('https://w.example/late')).rejects.toMatchObject({
      name: 'AbortError',
    });
    // The paused requests never started, nor did the late one.
    expect(fetched).toEqual(['/1', '/2', '/retry']);
  });

  it('never has more than N in flight, counting the body download', async () => {
    let inFlight = 0;
    let max = 0;
    const f: FetchLike = async () => {
      max = Math.max(max, ++inFlight);
      await new Promise((r) => setTimeout(r, 2));
      const body = new ReadableStream<Uint8Array>({
        async pull(c) {
          await new Promise((r) => setTimeout(r, 2));
          c.enqueue(new TextEncoder().encode('{}'));
          c.close();
          inFlight--;
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    };
    const client = createHttp({ fetch: f, concurrency: 3 });
    await Promise.all(
      Array.from({ length: 30 }, (_, n) => client.getJson(`https://w.example/${n}`)),
    );
    expect(max).toBe(3);
  });

  it('sends credentials and asks for JSON', async () => {
    let seen: RequestInit | undefined;
    await createHttp({
      fetch: async (_u, init) => {
        seen = init;
        return json(200, {});
      },
    }).getJson(URL_);
    expect(seen?.credentials).toBe('include');
    expect(new Headers(seen?.headers).get('accept')).toBe('application/json');
  });
});
