// @vitest-environment node
/**
 * fetchRetrying runs on the REST client's retry loop: it asks again for retryable answers,
 * hands back the last answer as it is (body unread) when the tries run out, and rethrows the
 * last network error when there never was an answer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchRetrying } from '../../lib/confluence/rest/fetch-retrying';

const URL = 'https://wiki.example.com/download/x.png';

function answering(next: (call: number) => Response | Error): { calls: number[] } {
  const calls: number[] = [];
  vi.stubGlobal('fetch', async () => {
    calls.push(calls.length + 1);
    const answer = next(calls.length);
    if (answer instanceof Error) throw answer;
    return answer;
  });
  return { calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchRetrying', () => {
  it('returns the last retryable answer with its body after the last try', async () => {
    const { calls } = answering(
      (n) => new Response(`busy ${n}`, { status: 503, headers: { 'Retry-After': '0' } }),
    );
    const response = await fetchRetrying(URL, {}, { tries: 3 });
    expect(calls).toEqual([1, 2, 3]);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('busy 3');
  });

  it('rethrows the network error when no try got an answer', async () => {
    const { calls } = answering((n) => new TypeError(`offline ${n}`));
    await expect(fetchRetrying(URL, {}, { tries: 2 })).rejects.toThrow('offline 2');
    expect(calls).toEqual([1, 2]);
  });

  it('does not ask again for a status outside retryOn', async () => {
    const { calls } = answering(() => new Response('no', { status: 500 }));
    const response = await fetchRetrying(URL, {}, { retryOn: new Set([429]) });
    expect(calls).toEqual([1]);
    expect(response.status).toBe(500);
  });
});
