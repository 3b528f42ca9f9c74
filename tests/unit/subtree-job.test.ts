// @vitest-environment node
/**
 * `runSubtreeJob` as the content script calls it, on a DC and a Cloud page of the sample (a jsdom
 * document at the page's URL, `fetch` given the session cookie), and the walker's asset merging
 * and a 150-page tree on an in-memory API (timings printed).
 */
import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Asset } from '../../lib/model/types';
import { readPage } from '../../lib/read/read-page';
import { sanitiseExportView } from '../../lib/confluence/rest/sanitise';
import type { ChildRef, ConfluenceApi, RestPage } from '../../lib/confluence/rest/types';
import { snapshotSubtree, type SubtreeProgress } from '../../lib/confluence/snapshot-subtree';
import { runSubtreeJob, type SubtreeJob } from '../../lib/confluence/subtree-job';
import { startSampleConfluence, type SampleConfluence } from '../sample-confluence/server.ts';

let s: SampleConfluence;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  s = await startSampleConfluence();
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await s.close();
});

async function openTab(
  site: 'dc' | 'cloud',
  pageId: number,
): Promise<{ doc: Document; url: string }> {
  const login = await realFetch(s.loginUrl(site), { redirect: 'manual' });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  // The content script's fetch sends the tab's cookies; Node's needs them by hand.
  vi.stubGlobal('fetch', (input: string | URL | Request, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    return realFetch(input, { ...init, headers });
  });
  const url = s.pageUrl(site, pageId);
  const html = await (await fetch(url)).text();
  return { doc: new JSDOM(html, { url }).window.document, url };
}

const job = (extra: Partial<SubtreeJob> = {}): SubtreeJob => ({
  kind: 'subtree',
  maxImagePixels: 1200,
  concurrency: 4,
  ...extra,
});

describe('runSubtreeJob', () => {
  it.each(['dc', 'cloud'] as const)(
    'exports the open page and its children on %s',
    async (site) => {
      const { doc, url } = await openTab(site, 1100);
      const progress: SubtreeProgress[] = [];
      const t0 = performance.now();
      const got = await runSubtreeJob(job(), doc, url, new AbortController().signal, (p) =>
        progress.push(p),
      );
      console.log(`${site} job, Engineering subtree: ${(performance.now() - t0).toFixed(0)} ms`);
      if (!got.ok) throw new Error(got.error);
      expect(got.value.pages.map((p) => p.title)[0]).toBe('Engineering Handbook');
      expect(got.value.pages.length).toBe(5);
      // REST bodies have no language: the tab's <html lang> is the document's (tagged PDFs).
      expect(got.value.lang).toBe(site === 'dc' ? 'en-GB' : 'en');
      expect(progress.some((p) => p.phase === 'walking')).toBe(true);
      // Node has no createImageBitmap: images fail as warnings, the export does not.
      expect(got.value.pages.every((p) => p.blocks.length > 0)).toBe(true);
    },
  );

  it('takes the root from a right-clicked /display/ link', async () => {
    const { doc, url } = await openTab('dc', 1000);
    const got = await runSubtreeJob(
      job({ linkUrl: s.pageUrl('dc', 1300), maxDepth: 0 }),
      doc,
      url,
      new AbortController().signal,
      () => undefined,
    );
    if (!got.ok) throw new Error(got.error);
    expect(got.value.pages.map((p) => p.id)).toEqual(['1300']);
  });

  it('answers errors as data: foreign link, not logged in, cancelled, not Confluence', async () => {
    const { doc, url } = await openTab('cloud', 1000);
    const signal = new AbortController().signal;
    const foreign = await runSubtreeJob(
      job({ linkUrl: 'https://elsewhere.example/x' }),
      doc,
      url,
      signal,
      () => undefined,
    );
    expect(foreign).toMatchObject({ ok: false });
    const cancelled = new AbortController();
    cancelled.abort();
    expect(await runSubtreeJob(job(), doc, url, cancelled.signal, () => undefined)).toMatchObject({
      ok: false,
      error: 'Export cancelled.',
    });
    vi.stubGlobal('fetch', realFetch); // no cookie
    expect(await runSubtreeJob(job(), doc, url, signal, () => undefined)).toEqual({
      ok: false,
      error: 'Not logged in: log in to Confluence and try again.',
      code: 'not-logged-in',
    });
    const blank = new JSDOM('<p>hi</p>', { url: 'https://example.com/' }).window.document;
    expect(
      await runSubtreeJob(job(), blank, 'https://example.com/', signal, () => undefined),
    ).toMatchObject({
      ok: false,
      code: 'not-confluence',
    });
  });
});

/** An in-memory Confluence: `n` pages, `fanout` children each, a little latency per call. */
function memoryApi(
  pages: Map<string, RestPage & { kids: string[] }>,
  latencyMs: number,
): ConfluenceApi & { calls: number; maxActive: number } {
  let active = 0;
  const api = {
    deployment: 'datacenter' as const,
    siteBase: 'https://dc.example',
    calls: 0,
    maxActive: 0,
    async getPage(id: string): Promise<RestPage> {
      api.calls++;
      api.maxActive = Math.max(api.maxActive, ++active);
      await new Promise((r) => setTimeout(r, latencyMs));
      active--;
      const p = pages.get(id);
      if (!p) throw new Error(`no page ${id}`);
      const { kids: _k, ...page } = p;
      return page;
    },
    async *children(id: string): AsyncGenerator<ChildRef> {
      api.calls++;
      api.maxActive = Math.max(api.maxActive, ++active);
      await new Promise((r) => setTimeout(r, latencyMs));
      active--;
      for (const k of pages.get(id)?.kids ?? []) yield { id: k, title: pages.get(k)?.title ?? k };
    },
    getSummary: async (id: string) => ({ id, title: pages.get(id)?.title ?? id }),
    findByTitle: async () => undefined,
  };
  return api;
}

function tree(
  n: number,
  fanout: number,
  html: (id: number) => string,
): Map<string, RestPage & { kids: string[] }> {
  const pages = new Map<string, RestPage & { kids: string[] }>();
  for (let i = 0; i < n; i++) {
    const id = String(i + 1);
    pages.set(id, {
      id,
      title: `Page ${id}`,
      webUrl: `https://dc.example/pages/viewpage.action?pageId=${id}`,
      exportViewHtml: html(i + 1),
      type: 'page',
      kids: [],
    });
    if (i > 0) pages.get(String(Math.floor((i - 1) / fanout) + 1))?.kids.push(id);
  }
  return pages;
}

const purify = createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis);
const base = {
  signal: new AbortController().signal,
  readPage,
  sanitise: (html: string) => sanitiseExportView(html, purify),
};

describe('assets across pages', () => {
  const shared =
    '<p><img class="confluence-embedded-image" src="/download/attachments/1/logo.png" alt="logo"></p>';
  const own = (id: number): string =>
    `<p><img class="confluence-embedded-image" src="/download/attachments/${id}/own.png" alt="own"></p>`;
  const pages = tree(4, 3, (id) => `<h1>Page ${id}</h1>${shared}${own(id)}`);

  it('one asset per URL, failed images lose their asset id (src kept) and warn', async () => {
    const asked: Record<string, string>[] = [];
    const model = await snapshotSubtree(memoryApi(pages, 1), '1', {
      ...base,
      concurrency: 2,
      fetchImages: async (images) => {
        asked.push(images);
        const assets: Record<string, Asset> = {};
        for (const [id, url] of Object.entries(images))
          if (!url.endsWith('/3/own.png'))
            assets[id] = {
              mime: 'image/png',
              dataUrl: 'data:image/png;base64,',
              width: 1,
              height: 1,
              sourceUrl: url,
            };
        return {
          assets,
          warnings: [{ kind: 'image-failed', message: 'Image not included: own.png (HTTP 404)' }],
        };
      },
    });
    const urls = asked.flatMap((a) => Object.values(a));
    expect(urls).toHaveLength(5); // the shared logo once, plus one per page
    expect(new Set(urls).size).toBe(5);
    expect(Object.keys(model.assets)).toHaveLength(4);
    const imageOf = (n: number) => JSON.stringify(model.pages[n]?.blocks);
    const logoId = Object.entries(model.assets).find(([, a]) =>
      a.sourceUrl.endsWith('/1/logo.png'),
    )?.[0];
    for (let n = 0; n < 4; n++) expect(imageOf(n)).toContain(`"asset":"${logoId}"`);
    const third = model.pages.find((p) => p.id === '3');
    expect(JSON.stringify(third?.blocks)).toContain('/3/own.png');
    expect(JSON.stringify(third?.blocks).match(/"asset"/g)).toHaveLength(1);
    expect(model.warnings).toContainEqual({
      kind: 'image-failed',
      message: 'Image not included: own.png (HTTP 404)',
    });
  });

  it('without fetchImages no asset ids are left dangling', async () => {
    const model = await snapshotSubtree(memoryApi(pages, 0), '1', { ...base, concurrency: 4 });
    expect(model.assets).toEqual({});
    expect(JSON.stringify(model.pages)).not.toContain('"asset"');
  });
});

describe('a 150-page tree', () => {
  it('walks in document order within the limit; timings', async () => {
    const body = (id: number): string =>
      `<h2>Section ${id}</h2>${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit. </p>'.repeat(20)}<table class="confluenceTable"><tr><th>A</th><th>B</th></tr>${'<tr><td>1</td><td>2</td></tr>'.repeat(10)}</table>`;
    const pages = tree(150, 5, body);
    for (const latency of [0, 20]) {
      const api = memoryApi(pages, latency);
      const t0 = performance.now();
      const model = await snapshotSubtree(api, '1', { ...base, concurrency: 4 });
      const ms = performance.now() - t0;
      console.log(
        `150 pages, ${latency} ms per call, concurrency 4: ${ms.toFixed(0)} ms (read ${model.timings?.read} ms), ${api.calls} calls`,
      );
      expect(model.pages).toHaveLength(150);
      expect(api.maxActive).toBeLessThanOrEqual(4);
      // depth first: each page's next sibling comes after its whole subtree
      const order = model.pages.map((p) => Number(p.id));
      const dfs: number[] = [];
      const visit = (id: string): void => {
        dfs.push(Number(id));
        pages.get(id)?.kids.forEach(visit);
      };
      visit('1');
      expect(order).toEqual(dfs);
      expect(model.pages[1]?.depth).toBe(1);
      expect(model.pages[2]?.depth).toBe(2);
    }
  });
});
