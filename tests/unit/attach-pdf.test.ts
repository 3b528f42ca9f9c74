// @vitest-environment node
/**
 * Save to Confluence under a rate limit: the lookup and the upload are asked again after a 429
 * (Retry-After honoured); an upload answered 500 is not sent twice (it may have been saved, and
 * a second POST would add a second version).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachPdf } from '../../lib/confluence/attach-pdf';

const SITE = 'https://wiki.example.com';
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

function answering(script: ((method: string) => Response)[]): string[] {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    calls.push(`${method} ${new URL(input).pathname}`);
    const next = script[calls.length - 1];
    return next ? next(method) : json(500, {});
  });
  return calls;
}

const pdf = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
const saved = { results: [{ id: 'att9', title: 'Page.pdf', version: { number: 1 } }] };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('attachPdf', () => {
  it('asks again after 429s on the lookup and the upload, and saves once', async () => {
    const calls = answering([
      () => json(429, {}, { 'Retry-After': '0' }),
      () => json(200, { results: [] }),
      () => json(429, {}, { 'Retry-After': '0' }),
      () => json(200, saved),
    ]);
    const got = await attachPdf(SITE, '42', 'Page.pdf', pdf);
    expect(got).toEqual({
      ok: true,
      value: { attachmentId: 'att9', fileName: 'Page.pdf', version: 1 },
    });
    expect(calls).toEqual([
      'GET /rest/api/content/42/child/attachment',
      'GET /rest/api/content/42/child/attachment',
      'POST /rest/api/content/42/child/attachment',
      'POST /rest/api/content/42/child/attachment',
    ]);
  });

  it('does not upload twice after a 500', async () => {
    const calls = answering([() => json(200, { results: [] }), () => json(500, {})]);
    const got = await attachPdf(SITE, '42', 'Page.pdf', pdf);
    expect(got).toMatchObject({ ok: false, error: 'Confluence answered 500.' });
    expect(calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
  });
});
