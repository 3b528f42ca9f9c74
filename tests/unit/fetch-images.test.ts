// @vitest-environment node
/**
 * Images are content: one answered with 429 or a passing 5xx is asked for again (Retry-After
 * honoured), and only given up after a few tries, as a warning. SVG needs no image decoder, so
 * it is what Node can check end to end.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchImages } from '../../lib/confluence/fetch-images';

const SITE = 'https://wiki.example.com';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"></svg>';
const options = { siteOrigin: SITE, mediaOrigins: [], maxPixels: 1000, concurrency: 2 };

function answering(script: (() => Response)[]): { calls: string[] } {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (input: string) => {
    calls.push(input);
    const next = script[Math.min(calls.length - 1, script.length - 1)];
    return next ? next() : new Response(null, { status: 500 });
  });
  return { calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchImages', () => {
  it('asks again after a 429 (Retry-After) and a 503, and gets the image', async () => {
    const { calls } = answering([
      () => new Response(null, { status: 429, headers: { 'Retry-After': '0' } }),
      () => new Response(null, { status: 503, headers: { 'Retry-After': '0' } }),
      () => new Response(SVG, { status: 200 }),
    ]);
    const got = await fetchImages({ a: `${SITE}/download/attachments/1/a.svg` }, options);
    expect(got.warnings).toEqual([]);
    expect(got.assets['a']).toMatchObject({ mime: 'image/svg+xml', width: 40, height: 20 });
    expect(calls).toHaveLength(3);
  });

  it('gives up after four tries with a warning naming the file and the status', async () => {
    const { calls } = answering([
      () => new Response(null, { status: 429, headers: { 'Retry-After': '0' } }),
    ]);
    const got = await fetchImages({ a: `${SITE}/download/attachments/1/a.svg` }, options);
    expect(got.assets).toEqual({});
    expect(got.warnings.map((w) => w.message)).toEqual(['Image not included: a.svg (HTTP 429)']);
    expect(calls).toHaveLength(4);
  });

  it('does not ask again for a 404', async () => {
    const { calls } = answering([() => new Response(null, { status: 404 })]);
    const got = await fetchImages({ a: `${SITE}/download/attachments/1/a.svg` }, options);
    expect(got.warnings).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });
});
