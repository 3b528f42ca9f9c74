// @vitest-environment node
/**
 * CQL search through the v1 search API against the sample Confluence (both sites, every answer
 * page followed), and the orders the search page offers.
 */
import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfluenceApi } from '../../lib/confluence/rest/create-api';
import { sanitiseExportView } from '../../lib/confluence/rest/sanitise';
import { readPages } from '../../lib/confluence/snapshot-subtree';
import { readPage } from '../../lib/read/read-page';
import { createHttp, type FetchLike } from '../../lib/confluence/rest/http';
import { orderHits, searchCql, type SearchHit } from '../../lib/confluence/rest/search';
import { PAGES } from '../sample-confluence/content/registry';
import { startSampleConfluence, type SampleConfluence } from '../sample-confluence/server.ts';

describe('searchCql against the sample', () => {
  let s: SampleConfluence;
  const cookies: Record<'dc' | 'cloud', string> = { dc: '', cloud: '' };
  beforeAll(async () => {
    s = await startSampleConfluence();
    for (const site of ['dc', 'cloud'] as const) {
      const res = await fetch(s.loginUrl(site), { redirect: 'manual' });
      cookies[site] = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    }
  });
  afterAll(async () => {
    await s.close();
  });
  const withCookie =
    (cookie: string): FetchLike =>
    (input, init) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      return fetch(input, { ...init, headers });
    };
  const labelled = PAGES.filter((p) => !p.restricted && p.labels?.includes('release-notes'));

  for (const site of ['dc', 'cloud'] as const) {
    it(`${site}: finds every labelled page, following the answer pages`, async () => {
      const base = site === 'dc' ? s.dcUrl : `${s.cloudUrl}/wiki`;
      s.requests.length = 0;
      const hits = await searchCql(
        createHttp({ fetch: withCookie(cookies[site]) }),
        base,
        'label = "release-notes" and space = DOC and type = page',
      );
      expect(labelled.length).toBeGreaterThanOrEqual(12);
      expect(hits.map((h) => h.id)).toEqual(labelled.map((p) => String(p.id)));
      expect(s.requests.filter((r) => r.url.includes('/rest/api/search')).length).toBe(
        Math.ceil(labelled.length / 25),
      );
      expect(hits[0]?.ancestors).toContain('1500');
      expect(hits[0]?.lastModified).toMatch(/^\d{4}-\d\d-\d\d/);
    });
  }

  for (const site of ['dc', 'cloud'] as const) {
    it(`${site}: readPages exports exactly the chosen pages, in order, at depth 0`, async () => {
      const base = site === 'dc' ? s.dcUrl : `${s.cloudUrl}/wiki`;
      const http = createHttp({ fetch: withCookie(cookies[site]) });
      const api = createConfluenceApi(site === 'dc' ? 'datacenter' : 'cloud', base, http);
      const purify = createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis);
      const model = await readPages(api, ['1503', '99999999', '1100', '1501'], 'DOC search', {
        concurrency: 3,
        signal: new AbortController().signal,
        readPage,
        sanitise: (html) => sanitiseExportView(html, purify),
      });
      expect(model.title).toBe('DOC search');
      expect(model.pages.map((p) => p.id)).toEqual(['1503', '1100', '1501']);
      expect(model.pages.every((p) => p.depth === 0)).toBe(true);
      expect(model.pages[0]?.blocks.length).toBeGreaterThan(0);
      expect(model.warnings.filter((w) => w.kind === 'page-skipped').map((w) => w.pageId)).toEqual([
        '99999999',
      ]);
    });
  }

  it('narrows by title and rejects CQL it cannot parse', async () => {
    const http = createHttp({ fetch: withCookie(cookies.dc) });
    const hits = await searchCql(http, s.dcUrl, 'space = DOC and title ~ "2.1"');
    expect(hits.map((h) => h.title)).toContain('Release 2.1.0');
    expect(hits.every((h) => h.title.includes('2.1'))).toBe(true);
    await expect(searchCql(http, s.dcUrl, 'creator in (x)')).rejects.toThrow();
  });
});

describe('orderHits', () => {
  const hit = (
    id: string,
    title: string,
    lastModified: string,
    ancestors: string[],
  ): SearchHit => ({
    id,
    title,
    type: 'page',
    lastModified,
    ancestors,
  });
  const hits = [
    hit('3', 'Release 2.10', '2024-01-03', ['1', '2']),
    hit('1', 'Home', '2024-01-01', []),
    hit('4', 'Release 2.9', '2024-01-05', ['1']),
    hit('2', 'Notes', '2024-01-02', ['1']),
  ];
  it('sorts by title with numbers as numbers', () => {
    expect(orderHits(hits, 'title').map((h) => h.title)).toEqual([
      'Home',
      'Notes',
      'Release 2.9',
      'Release 2.10',
    ]);
  });
  it('sorts newest change first', () => {
    expect(orderHits(hits, 'modified').map((h) => h.id)).toEqual(['4', '3', '2', '1']);
  });
  it('puts ancestors before their descendants in tree order; siblings keep the search order', () => {
    expect(orderHits(hits, 'tree').map((h) => h.id)).toEqual(['1', '4', '2', '3']);
  });
});
