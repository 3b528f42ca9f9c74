// @vitest-environment node
/**
 * The REST clients' edges the sample does not show: Cloud's `Link` header without
 * `_links.next`, non-page children, the v1 fallback for blog posts, pagination links that try to
 * leave the site; and `pageIdFromUrl` (its `/display/` lookup against the real sample).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageIdFromUrl } from '../../lib/confluence/page-url';
import { createCloudApi } from '../../lib/confluence/rest/cloud-v2';
import { createDcApi } from '../../lib/confluence/rest/dc-v1';
import { PageNotFoundError, RestError } from '../../lib/confluence/rest/errors';
import { createHttp, type FetchLike } from '../../lib/confluence/rest/http';
import { linkHeaderNext, resolveNext } from '../../lib/confluence/rest/links';
import { startSampleConfluence, type SampleConfluence } from '../sample-confluence/server.ts';

const SITE = 'https://acme.atlassian.net/wiki';
const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** A fetch serving fixed answers by URL path + query; records what was asked. */
function routes(table: Record<string, () => Response>): FetchLike & { asked: string[] } {
  const asked: string[] = [];
  return Object.assign(
    async (input: string): Promise<Response> => {
      const u = new URL(input);
      const key = u.pathname + u.search;
      asked.push(key);
      const answer = table[key];
      return answer ? answer() : json({ errors: [{ status: 404, title: 'Not Found' }] }, 404);
    },
    { asked },
  );
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('links', () => {
  it('resolves v1 next links against _links.base and v2 ones against the origin', () => {
    expect(resolveNext('/rest/api/content/1/child/page?start=25', SITE, SITE)).toBe(
      `${SITE}/rest/api/content/1/child/page?start=25`,
    );
    expect(resolveNext('/wiki/api/v2/pages/1/children?cursor=abc', SITE, SITE)).toBe(
      `${SITE}/api/v2/pages/1/children?cursor=abc`,
    );
    expect(
      resolveNext(
        '/rest/api/x?start=2',
        'https://wiki.corp/confluence',
        'https://wiki.corp/confluence',
      ),
    ).toBe('https://wiki.corp/confluence/rest/api/x?start=2');
    expect(resolveNext('/rest/api/x', undefined, 'https://dc.corp')).toBe(
      'https://dc.corp/rest/api/x',
    );
  });

  it('never follows a link off the site', () => {
    expect(() => resolveNext('https://evil.example/wiki/api/v2/x', SITE, SITE)).toThrow(RestError);
    expect(() => resolveNext('//evil.example/x', SITE, SITE)).toThrow(RestError);
    // a hostile _links.base is ignored: the site's own base is used
    expect(resolveNext('/rest/api/x', 'https://evil.example/wiki', SITE)).toBe(
      `${SITE}/rest/api/x`,
    );
  });

  it('reads rel="next" from a Link header', () => {
    expect(
      linkHeaderNext(
        '</wiki/api/v2/pages/1/children?cursor=a>; rel="next", <https://x/wiki>; rel="base"',
      ),
    ).toBe('/wiki/api/v2/pages/1/children?cursor=a');
    expect(linkHeaderNext('<https://x/wiki>; rel="base"')).toBeUndefined();
    expect(linkHeaderNext(null)).toBeUndefined();
  });
});

describe('Cloud client', () => {
  it('follows the Link header when _links.next is absent, and keeps pages only', async () => {
    const f = routes({
      '/wiki/api/v2/pages/1/children?limit=2': () =>
        json(
          {
            results: [
              { id: '2', title: 'Two', type: 'page' },
              { id: '3', title: 'A whiteboard', type: 'whiteboard' },
            ],
            _links: {},
          },
          200,
          { Link: '</wiki/api/v2/pages/1/children?limit=2&cursor=c2>; rel="next"' },
        ),
      '/wiki/api/v2/pages/1/children?limit=2&cursor=c2': () =>
        json({
          results: [
            { id: '4', title: 'A folder', type: 'folder' },
            { id: '5', title: 'Five' },
          ],
          _links: { base: SITE },
        }),
    });
    const api = createCloudApi(createHttp({ fetch: f }), SITE, { pageSize: 2 });
    expect(await all(api.children('1'))).toEqual([
      { id: '2', title: 'Two' },
      { id: '5', title: 'Five' },
    ]);
  });

  it('falls back to v1 for what v2 does not know (a blog post), which has no children', async () => {
    const f = routes({
      '/wiki/rest/api/content/77?expand=body.export_view%2Cversion%2Cspace%2Chistory': () =>
        json({
          id: '77',
          type: 'blogpost',
          title: 'Launch day',
          space: { key: 'NEWS' },
          history: { createdBy: { displayName: 'Ana Lima' } },
          version: { when: '2025-01-02T03:04:05.000Z' },
          body: { export_view: { value: '<p>We launched.</p>' } },
          _links: { base: SITE, webui: '/spaces/NEWS/blog/2025/01/02/77/Launch+day' },
        }),
    });
    const api = createCloudApi(createHttp({ fetch: f }), SITE);
    expect(await api.getPage('77')).toEqual({
      id: '77',
      title: 'Launch day',
      type: 'blogpost',
      spaceKey: 'NEWS',
      author: 'Ana Lima',
      updated: '2025-01-02T03:04:05.000Z',
      webUrl: `${SITE}/spaces/NEWS/blog/2025/01/02/77/Launch+day`,
      exportViewHtml: '<p>We launched.</p>',
    });
    expect(await all(api.children('77'))).toEqual([]);
    expect(f.asked[0]).toBe('/wiki/api/v2/pages/77?body-format=export_view');
  });

  it('names the creator through one v1 user lookup per account id; a failed lookup only loses the name', async () => {
    const page = (id: string, authorId: string) => () =>
      json({
        id,
        title: `Page ${id}`,
        spaceId: '9',
        authorId,
        version: { createdAt: '2025-01-02T03:04:05.000Z', authorId: 'someone-else' },
        body: { export_view: { value: '<p>x</p>' } },
        _links: { base: SITE, webui: `/spaces/DOC/pages/${id}` },
      });
    const f = routes({
      '/wiki/api/v2/pages/1?body-format=export_view': page('1', 'acc-1'),
      '/wiki/api/v2/pages/2?body-format=export_view': page('2', 'acc-1'),
      '/wiki/api/v2/pages/3?body-format=export_view': page('3', 'acc-gone'),
      '/wiki/api/v2/spaces/9': () => json({ id: '9', key: 'DOC' }),
      '/wiki/rest/api/user?accountId=acc-1': () =>
        json({ accountId: 'acc-1', publicName: 'ana', displayName: 'Ana Lima' }),
    });
    const api = createCloudApi(createHttp({ fetch: f }), SITE);
    const [one, two, three] = await Promise.all(['1', '2', '3'].map((id) => api.getPage(id)));
    expect(one?.author).toBe('Ana Lima');
    expect(two?.author).toBe('Ana Lima');
    expect(three?.author).toBeUndefined();
    expect(three?.spaceKey).toBe('DOC');
    expect(f.asked.filter((a) => a.startsWith('/wiki/rest/api/user'))).toEqual([
      '/wiki/rest/api/user?accountId=acc-1',
      '/wiki/rest/api/user?accountId=acc-gone',
    ]);
  });

  it('a page neither v2 nor v1 knows is PageNotFoundError (the v2 one)', async () => {
    const api = createCloudApi(createHttp({ fetch: routes({}) }), SITE);
    const error = await api.getPage('404').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageNotFoundError);
    expect((error as Error).message).toContain('/wiki/api/v2/pages/404');
  });
});

describe('Data Center client', () => {
  it('never trusts limit: follows _links.next whatever size the server chose', async () => {
    const page = (ids: number[], next?: string): Response =>
      json({
        results: ids.map((id) => ({ id: String(id), type: 'page', title: `P${id}` })),
        size: ids.length,
        limit: 2,
        _links: { base: 'https://dc.corp/c', ...(next ? { next } : {}) },
      });
    const f = routes({
      '/c/rest/api/content/1/child/page?limit=25&start=0': () =>
        page([2, 3], '/rest/api/content/1/child/page?limit=2&start=2'),
      '/c/rest/api/content/1/child/page?limit=2&start=2': () =>
        page([4, 5], '/rest/api/content/1/child/page?limit=2&start=4'),
      '/c/rest/api/content/1/child/page?limit=2&start=4': () => page([6]),
    });
    const api = createDcApi(createHttp({ fetch: f }), 'https://dc.corp/c');
    expect((await all(api.children('1'))).map((c) => c.id)).toEqual(['2', '3', '4', '5', '6']);
  });

  it('stops on a next link that loops', async () => {
    const f = routes({
      '/rest/api/content/1/child/page?limit=25&start=0': () =>
        json({
          results: [{ id: '2', type: 'page', title: 'Two' }],
          _links: { next: '/rest/api/content/1/child/page?limit=25&start=0' },
        }),
    });
    const api = createDcApi(createHttp({ fetch: f }), 'https://dc.corp');
    expect(await all(api.children('1'))).toEqual([{ id: '2', title: 'Two' }]);
    expect(f.asked).toHaveLength(1);
  });
});

describe('pageIdFromUrl', () => {
  const CLOUD = 'https://acme.atlassian.net/wiki';
  const DC = 'https://wiki.corp/confluence';

  it.each([
    [`${CLOUD}/spaces/DOC/pages/123456/Some+Title`, CLOUD, '123456'],
    [`${CLOUD}/spaces/DOC/pages/123456`, CLOUD, '123456'],
    [`${CLOUD}/spaces/DOC/pages/edit-v2/77`, CLOUD, '77'],
    [`${CLOUD}/spaces/DOC/blog/2025/01/02/88/Launch`, CLOUD, '88'],
    [`${CLOUD}/pages/viewpage.action?pageId=42`, CLOUD, '42'],
    [`${DC}/pages/viewpage.action?pageId=42#anchor`, DC, '42'],
    [`${DC}/spaces/DOC/pages/99/Title`, DC, '99'],
    [`${DC}/pages/viewpage.action?pageId=abc`, DC, undefined],
    ['https://elsewhere.example/wiki/spaces/DOC/pages/1/X', CLOUD, undefined],
    ['https://wiki.corp/other/pages/viewpage.action?pageId=1', DC, undefined],
    [`${CLOUD}/spaces/DOC/overview`, CLOUD, undefined],
    ['not a url', CLOUD, undefined],
  ])('%s', async (url, site, id) => {
    expect(await pageIdFromUrl(url, site)).toBe(id);
  });

  it('follows a short link once to where it redirects', async () => {
    const seen: string[] = [];
    const id = await pageIdFromUrl(`${CLOUD}/x/AbCd`, CLOUD, {
      resolveRedirect: async (u) => {
        seen.push(u);
        return `${CLOUD}/spaces/DOC/pages/555/Target`;
      },
    });
    expect(id).toBe('555');
    expect(seen).toEqual([`${CLOUD}/x/AbCd`]);
    expect(await pageIdFromUrl(`${CLOUD}/x/AbCd`, CLOUD)).toBeUndefined();
  });

  describe('DC /display/KEY/Title against the sample', () => {
    let s: SampleConfluence;
    let cookie = '';
    beforeAll(async () => {
      s = await startSampleConfluence();
      const res = await fetch(s.loginUrl('dc'), { redirect: 'manual' });
      cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    });
    afterAll(async () => {
      await s.close();
    });

    it('looks the title up through /rest/api/content?spaceKey=&title=', async () => {
      const fetchWithCookie: FetchLike = (input, init) => {
        const headers = new Headers(init.headers);
        headers.set('cookie', cookie);
        return fetch(input, { ...init, headers });
      };
      const api = createDcApi(createHttp({ fetch: fetchWithCookie }), s.dcUrl);
      const lookups = { findByTitle: (k: string, t: string) => api.findByTitle(k, t) };
      expect(await pageIdFromUrl(s.pageUrl('dc', 1101), s.dcUrl, lookups)).toBe('1101');
      expect(
        await pageIdFromUrl(`${s.dcUrl}/display/DOC/No+Such+Page`, s.dcUrl, lookups),
      ).toBeUndefined();
      expect(await pageIdFromUrl(s.pageUrl('cloud', 1101), `${s.cloudUrl}/wiki`)).toBe('1101');
    });
  });
});
