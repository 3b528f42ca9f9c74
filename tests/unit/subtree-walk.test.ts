// @vitest-environment node
/**
 * The subtree export's data side against the real sample Confluence (both sites): tree order
 * and depths, every body read into blocks, 403/404 children skipped with warnings, pagination
 * followed, rate limits and server errors retried to an identical model, cancel, the
 * concurrency limit and a lost session.
 */
import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExportModel } from '../../lib/model/types';
import { readPage } from '../../lib/read/read-page';
import { modelText } from '../../lib/read/model-text';
import { createConfluenceApi } from '../../lib/confluence/rest/create-api';
import { NotLoggedInError } from '../../lib/confluence/rest/errors';
import {
  createHttp,
  defaultSleep,
  type FetchLike,
  type HttpOptions,
  type RetryInfo,
  type Sleep,
} from '../../lib/confluence/rest/http';
import { sanitiseExportView } from '../../lib/confluence/rest/sanitise';
import type { ConfluenceApi } from '../../lib/confluence/rest/types';
import {
  listSubtree,
  snapshotSubtree,
  type SubtreeOptions,
  type SubtreeProgress,
} from '../../lib/confluence/snapshot-subtree';
import { childrenOf, pageById } from '../sample-confluence/content/registry.ts';
import { SPACE, USERS } from '../sample-confluence/content/space.ts';
import { startSampleConfluence, type SampleConfluence } from '../sample-confluence/server.ts';

type Site = 'dc' | 'cloud';
const SITES: Site[] = ['dc', 'cloud'];
const ROOT = String(SPACE.homePageId);

let s: SampleConfluence;
const cookie: Record<Site, string> = { dc: '', cloud: '' };
const purify = createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis);

async function login(site: Site): Promise<string> {
  const res = await fetch(s.loginUrl(site), { redirect: 'manual' });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Node's fetch has no cookie jar: the session cookie goes in by hand. */
function withCookie(site: Site, spy?: { inFlight: number; max: number }): FetchLike {
  return async (input, init) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie[site]);
    if (spy) spy.max = Math.max(spy.max, ++spy.inFlight);
    try {
      const res = await fetch(input, { ...init, headers });
      // Count the request as in flight until its body is read, as the client does.
      const body = await res.arrayBuffer();
      return new Response(res.status === 204 ? null : body, {
        status: res.status,
        headers: res.headers,
      });
    } finally {
      if (spy) spy.inFlight--;
    }
  };
}

/** A sleep that returns at once and remembers what was asked for. */
function recordingSleep(delays: number[]): NonNullable<HttpOptions['sleep']> {
  return (ms, signal) => {
    delays.push(ms);
    return signal.aborted ? Promise.reject(signal.reason as Error) : Promise.resolve();
  };
}

const siteBase = (site: Site): string => (site === 'dc' ? s.dcUrl : `${s.cloudUrl}/wiki`);
const deployment = (site: Site): 'cloud' | 'datacenter' => (site === 'dc' ? 'datacenter' : 'cloud');

function api(site: Site, http: Partial<HttpOptions> = {}, pageSize?: number): ConfluenceApi {
  const client = createHttp({ fetch: withCookie(site), sleep: recordingSleep([]), ...http });
  return createConfluenceApi(
    deployment(site),
    siteBase(site),
    client,
    pageSize === undefined ? {} : { pageSize },
  );
}

function options(extra: Partial<SubtreeOptions> = {}): SubtreeOptions {
  return {
    concurrency: 4,
    signal: new AbortController().signal,
    readPage,
    sanitise: (html) => sanitiseExportView(html, purify),
    ...extra,
  };
}

/** The sample's own tree, depth first, restricted pages left out. */
function expectedTree(id: number, depth = 0): { id: string; title: string; depth: number }[] {
  const p = pageById(id);
  if (!p || p.restricted) return [];
  return [
    { id: String(id), title: p.title, depth },
    ...childrenOf(id).flatMap((c) => expectedTree(c.id, depth + 1)),
  ];
}

const strip = (m: ExportModel): Omit<ExportModel, 'timings'> => {
  const { timings: _t, ...rest } = m;
  return rest;
};

beforeAll(async () => {
  s = await startSampleConfluence();
  cookie.dc = await login('dc');
  cookie.cloud = await login('cloud');
});
afterEach(() => s.setFaults({}));
afterAll(async () => {
  await s.close();
});

describe.each(SITES)('subtree of the space home on %s', (site) => {
  let model: ExportModel;
  let progress: SubtreeProgress[];
  let ms: number;
  let userLookups: number;

  beforeAll(async () => {
    progress = [];
    s.requests.length = 0;
    const t0 = performance.now();
    model = await snapshotSubtree(
      api(site),
      ROOT,
      options({ onProgress: (p) => progress.push(p) }),
    );
    ms = performance.now() - t0;
    userLookups = s.requests.filter((r) => r.url.includes('/rest/api/user?')).length;
    console.log(
      `${site}: ${model.pages.length} pages, ${s.requests.length} requests, ${ms.toFixed(0)} ms`,
    );
  });

  it('has every readable page in tree order, with depths and titles', () => {
    const expected = expectedTree(SPACE.homePageId);
    expect(expected.length).toBeGreaterThan(40);
    expect(model.pages.map((p) => ({ id: p.id, title: p.title, depth: p.depth }))).toEqual(
      expected,
    );
    expect(model.title).toBe('Documentation Home');
    expect(model.site).toBe(siteBase(site));
  });

  it('reads every body into blocks, with page facts', () => {
    for (const page of model.pages) {
      expect(page.blocks.length, page.title).toBeGreaterThan(0);
      expect(page.spaceKey).toBe('DOC');
      expect(page.updated).toBe(pageById(Number(page.id))?.updated);
      expect(page.url.startsWith(s[site === 'dc' ? 'dcUrl' : 'cloudUrl'])).toBe(true);
      // Cloud's v2 names the creator by account id: the name comes from one user lookup each.
      const author = pageById(Number(page.id))?.author;
      expect(page.author, page.title).toBe(author ? USERS[author].displayName : undefined);
    }
    const home = model.pages[0];
    expect(home && modelText(home.blocks)).toContain('Welcome to the Documentation space');
    expect(home?.author).toBe('Alice Moreau');
  });

  it('looks each Cloud author up once per export (Data Center pages name them)', () => {
    expect(userLookups).toBe(site === 'dc' ? 0 : new Set(model.pages.map((p) => p.author)).size);
  });

  it('skips the restricted child with a warning naming it and why', () => {
    const skipped = model.warnings.filter((w) => w.kind === 'page-skipped');
    expect(skipped).toEqual([
      {
        pageId: '1304',
        kind: 'page-skipped',
        message: 'Page "Security Incident Postmortem 2024-03" (id 1304) skipped: no permission.',
      },
    ]);
  });

  it('follows pagination to the last child (27 release notes, more than one answer)', () => {
    const notes = model.pages.filter((p) => p.title.startsWith('Release 2.'));
    expect(notes).toHaveLength(27);
    expect(notes.every((p) => p.depth === 2)).toBe(true);
    const listings = s.requests.filter((r) =>
      /\/1500\/child(ren)?\b|\/1500\/child\/page/.test(r.url),
    );
    if (site === 'dc') expect(listings.length).toBe(2);
  });

  it('reports progress for walking and reading', () => {
    const last = (phase: SubtreeProgress['phase']): SubtreeProgress | undefined =>
      progress.filter((p) => p.phase === phase).at(-1);
    const n = expectedTree(SPACE.homePageId).length;
    expect(last('walking')).toEqual({ phase: 'walking', done: n + 1, total: n + 1 });
    expect(last('pages')).toEqual({ phase: 'pages', done: n, total: n });
  });

  it('gives the same model with 429s and 500s injected, honouring Retry-After', async () => {
    const delays: number[] = [];
    const retries: RetryInfo[] = [];
    s.setFaults({ rate429Every: 7, retryAfterSeconds: 2, error500Every: 11 });
    const faulty = await snapshotSubtree(
      api(site, {
        sleep: recordingSleep(delays),
        onRetry: (r) => retries.push(r),
        random: () => 0.5,
      }),
      ROOT,
      options(),
    );
    expect(strip(faulty)).toEqual(strip(model));
    const rateLimited = retries.filter((r) => r.status === 429);
    const serverErrors = retries.filter((r) => r.status === 500);
    expect(rateLimited.length).toBeGreaterThan(3);
    expect(serverErrors.length).toBeGreaterThan(0);
    // Retry-After: 2 -> 2 s plus at most 10 % jitter, from the header.
    for (const r of rateLimited) expect(r.fromHeader).toBe(true);
    for (const r of rateLimited) expect(r.delayMs).toBeGreaterThanOrEqual(2000);
    for (const r of rateLimited) expect(r.delayMs).toBeLessThanOrEqual(2200);
    for (const r of serverErrors) expect(r.delayMs).toBeLessThan(2000);
    // Every wait that was slept is one of those.
    for (const d of delays) expect(retries.map((r) => r.delayMs)).toContain(d);
  });

  it('never has more than N requests in flight (and does use N)', async () => {
    for (const n of [1, 3]) {
      const spy = { inFlight: 0, max: 0 };
      const got = await snapshotSubtree(
        api(site, { fetch: withCookie(site, spy), concurrency: n }),
        ROOT,
        options({ concurrency: n }),
      );
      expect(got.pages.length).toBe(model.pages.length);
      expect(spy.max).toBe(n);
    }
  });

  it('follows cursors/next links with a small page size to the same tree', async () => {
    s.requests.length = 0;
    const small = await snapshotSubtree(api(site, {}, 5), ROOT, options());
    expect(strip(small)).toEqual(strip(model));
    const listings = s.requests.filter((r) => /\/1500\/child/.test(r.url));
    expect(listings.length).toBe(6); // 27 children, 5 per answer
  });

  it('stops promptly when cancelled, starting no request afterwards', async () => {
    const controller = new AbortController();
    let calls = 0;
    let afterAbort = 0;
    const base = withCookie(site);
    const counting: FetchLike = (input, init) => {
      if (controller.signal.aborted) afterAbort++;
      if (++calls === 10) controller.abort();
      return base(input, init);
    };
    const run = snapshotSubtree(
      api(site, { fetch: counting, signal: controller.signal }),
      ROOT,
      options({ signal: controller.signal }),
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 100));
    // The tenth request aborted the export: nothing was started after it.
    expect([calls, afterAbort]).toEqual([10, 0]);
  });

  it('cancels pending retry waits at once', async () => {
    s.setFaults({ rate429Every: 1, retryAfterSeconds: 20 });
    const controller = new AbortController();
    // The real sleep, watched: the cancel comes while it waits; a 20 s wait that is not cut
    // short outlasts the test's timeout.
    const waits: { ms: number; ended?: string }[] = [];
    const sleep: Sleep = (ms, signal) => {
      const wait: (typeof waits)[number] = { ms };
      waits.push(wait);
      setTimeout(() => controller.abort(), 0);
      return defaultSleep(ms, signal).then(
        () => void (wait.ended = 'slept'),
        (e: unknown) => {
          wait.ended = (e as Error).name;
          throw e;
        },
      );
    };
    const run = snapshotSubtree(
      api(site, { signal: controller.signal, sleep, random: () => 0, maxWaitMs: 60_000 }),
      ROOT,
      options({ signal: controller.signal }),
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    // The site-wide pause for the rate limit, cut short. Requests already in flight when the
    // first 429 came may start their own wait before the cancel lands: every wait is cut short.
    expect(waits.length).toBeGreaterThan(0);
    expect(waits).toEqual(waits.map(() => ({ ms: 20_000, ended: 'AbortError' })));
  });

  it('rejects with NotLoggedInError when the session is gone', async () => {
    const saved = cookie[site];
    cookie[site] = 'JSESSIONID=expired';
    try {
      await expect(snapshotSubtree(api(site), ROOT, options())).rejects.toBeInstanceOf(
        NotLoggedInError,
      );
    } finally {
      cookie[site] = saved;
    }
  });

  it('skips a listed child that is gone (404) with a warning', async () => {
    // The sample lists no deleted child: add one (id 9999 answers 404) to Compliance's listing.
    const base = withCookie(site);
    const withGhost: FetchLike = async (input, init) => {
      const res = await base(input, init);
      if (!/\/1300\/child(ren|\/page)/.test(input) || res.status !== 200) return res;
      const body = (await res.json()) as { results: Record<string, unknown>[] };
      body.results.push({ id: '9999', type: 'page', status: 'current', title: 'Old Policy' });
      return new Response(JSON.stringify(body), { status: 200, headers: res.headers });
    };
    const got = await snapshotSubtree(api(site, { fetch: withGhost }), ROOT, options());
    expect(got.pages.map((p) => p.id)).toEqual(model.pages.map((p) => p.id));
    expect(got.warnings).toContainEqual({
      pageId: '9999',
      kind: 'page-skipped',
      message: 'Page "Old Policy" (id 9999) skipped: not found.',
    });
  });

  it('stops at maxDepth', async () => {
    const shallow = await snapshotSubtree(api(site), ROOT, options({ maxDepth: 1 }));
    expect(shallow.pages.map((p) => p.id)).toEqual(
      expectedTree(SPACE.homePageId)
        .filter((p) => p.depth <= 1)
        .map((p) => p.id),
    );
  });

  it('exports a subtree below the home page, depths from its root', async () => {
    const sub = await snapshotSubtree(api(site), '1100', options());
    expect(sub.pages.map((p) => [p.id, p.depth])).toEqual(
      expectedTree(1100).map((p) => [p.id, p.depth]),
    );
    expect(sub.title).toBe('Engineering Handbook');
  });

  it('fails for a root that is not found, or not readable', async () => {
    await expect(snapshotSubtree(api(site), '9999', options())).rejects.toMatchObject({
      name: 'PageNotFoundError',
    });
    await expect(snapshotSubtree(api(site), '1304', options())).rejects.toMatchObject({
      name: 'PageForbiddenError',
    });
  });

  it("reuses the picker's tree: the same model without listing any page's children again", async () => {
    const tree = await listSubtree(api(site), ROOT);
    s.requests.length = 0;
    const again = await snapshotSubtree(api(site), ROOT, options({ tree }));
    expect(strip(again)).toEqual(strip(model));
    const listing = (r: { url: string }): boolean => /\/child\/page|\/children/.test(r.url);
    expect(s.requests.filter(listing)).toEqual([]);
    expect(s.requests.length).toBeGreaterThanOrEqual(model.pages.length);
    // Unticked pages stay out with their subtrees, as in the walk (which does list children).
    const exclude = new Set(['1100']);
    const picked = await snapshotSubtree(api(site), ROOT, options({ tree, exclude }));
    s.requests.length = 0;
    const walked = await snapshotSubtree(api(site), ROOT, options({ exclude }));
    expect(s.requests.filter(listing).length).toBeGreaterThan(10);
    expect(strip(picked)).toEqual(strip(walked));
    expect(picked.pages.some((p) => p.id === '1100')).toBe(false);
  });

  it('lists the tree with titles only (no bodies) for a picker', async () => {
    s.requests.length = 0;
    const tree = await listSubtree(api(site), ROOT);
    expect(tree.title).toBe('Documentation Home');
    expect(tree.children.map((c) => c.title)).toEqual(childrenOf(1000).map((c) => c.title));
    const restricted = tree.children
      .find((c) => c.id === '1300')
      ?.children.find((c) => c.id === '1304');
    expect(restricted?.skipped).toBe('no permission');
    expect(s.requests.some((r) => r.url.includes('export_view'))).toBe(false);
    const one = await listSubtree(api(site), ROOT, 1);
    expect(one.children.every((c) => c.children.length === 0)).toBe(true);
  });
});
