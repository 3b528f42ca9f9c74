// The sample Confluence itself: sessions, both page markups, attachments, REST shapes,
// pagination, errors and faults.
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES, ancestorsOf } from './content/registry.ts';
import { startSampleConfluence, type SampleConfluence } from './server.ts';

let s: SampleConfluence;
const cookie: { dc: string; cloud: string } = { dc: '', cloud: '' };

async function login(site: 'dc' | 'cloud'): Promise<string> {
  const res = await fetch(s.loginUrl(site), { redirect: 'manual' });
  const set = res.headers.get('set-cookie') ?? '';
  return set.split(';')[0] ?? '';
}

const get = (url: string, site: 'dc' | 'cloud', init: RequestInit = {}): Promise<Response> =>
  fetch(url, { redirect: 'manual', ...init, headers: { cookie: cookie[site] } });

async function json(url: string, site: 'dc' | 'cloud'): Promise<Record<string, unknown>> {
  const res = await get(url, site);
  expect(res.status, url).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

const doc = (html: string): Document => new JSDOM(html).window.document;

beforeAll(async () => {
  s = await startSampleConfluence();
  cookie.dc = await login('dc');
  cookie.cloud = await login('cloud');
});
afterAll(async () => {
  await s.close();
});

describe('sites', () => {
  it('listens on two different 127.0.0.1 ports (plus the media origin)', () => {
    expect(s.dcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.cloudUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new Set([s.dcUrl, s.cloudUrl, s.mediaUrl]).size).toBe(3);
  });

  it('has a space of at least 14 pages in a 3-level tree', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(14);
    expect(Math.max(...PAGES.map((p) => ancestorsOf(p).length))).toBe(2);
  });
});

describe('session', () => {
  it('answers 401 without the cookie: HTML for pages, JSON for REST and downloads', async () => {
    const page = await fetch(s.pageUrl('dc', 1101));
    expect(page.status).toBe(401);
    expect(page.headers.get('content-type')).toContain('text/html');
    const cloudPage = await fetch(s.pageUrl('cloud', 1101));
    expect(cloudPage.status).toBe(401);
    for (const url of [
      `${s.dcUrl}/rest/api/content/1101`,
      `${s.cloudUrl}/wiki/api/v2/pages/1101`,
      `${s.cloudUrl}/wiki/rest/api/content/1101`,
      `${s.dcUrl}/download/attachments/1400/architecture-diagram.png`,
    ]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(401);
      expect(res.headers.get('content-type'), url).toContain('application/json');
    }
  });

  it('sets an HttpOnly, SameSite=Lax session cookie and redirects to the space home or next', async () => {
    const res = await fetch(s.loginUrl('dc'), { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/display/DOC/Documentation+Home');
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/^JSESSIONID=\w+/);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Lax');
    expect(set).toContain('Path=/');
    const next = await fetch(s.loginUrl('cloud', '/wiki/spaces/DOC/pages/1101'), {
      redirect: 'manual',
    });
    expect(next.headers.get('location')).toBe('/wiki/spaces/DOC/pages/1101');
    const evil = await fetch(`${s.dcUrl}/login?next=//evil.example.com/`, { redirect: 'manual' });
    expect(evil.headers.get('location')).toBe('/display/DOC/Documentation+Home');
  });

  it('does not accept one site’s cookie on the other', async () => {
    const res = await fetch(s.pageUrl('cloud', 1101), { headers: { cookie: cookie.dc } });
    expect(res.status).toBe(401);
  });
});

describe('Data Center pages', () => {
  it('serve the DC chrome, ajs meta tags and the view markup', async () => {
    for (const url of [s.pageUrl('dc', 1101), `${s.dcUrl}/pages/viewpage.action?pageId=1101`]) {
      const res = await get(url, 'dc');
      expect(res.status).toBe(200);
      const d = doc(await res.text());
      const meta = (n: string): string | null | undefined =>
        d.querySelector(`meta[name="${n}"]`)?.getAttribute('content');
      expect(meta('ajs-page-id')).toBe('1101');
      expect(meta('ajs-page-title')).toBe('Architecture Overview');
      expect(meta('ajs-space-key')).toBe('DOC');
      expect(meta('ajs-space-name')).toBe('Documentation');
      expect(meta('ajs-base-url')).toBe(s.dcUrl);
      expect(meta('ajs-context-path')).toBe('');
      expect(meta('ajs-content-type')).toBe('page');
      expect(meta('ajs-remote-user')).toBe('jdoe');
      expect(meta('ajs-page-version')).toBe('12');
      expect(meta('confluence-base-url')).toBe(s.dcUrl);
      expect(d.querySelector('h1#title-text')?.textContent?.trim()).toBe('Architecture Overview');
      expect(
        d.querySelector('#main-content.wiki-content img.confluence-embedded-image'),
      ).not.toBeNull();
      expect(d.querySelectorAll('#breadcrumbs li').length).toBe(3);
      expect(d.querySelector('#comments-section')).not.toBeNull();
    }
  });

  it('render every kitchen-sink construct in view markup', async () => {
    const d = doc(await (await get(s.pageUrl('dc', 1400), 'dc')).text());
    const main = d.querySelector('#main-content.wiki-content');
    expect(main).not.toBeNull();
    const count = (sel: string): number => main?.querySelectorAll(sel).length ?? 0;
    for (const n of [1, 2, 3, 4, 5, 6]) expect(count(`h${n}[id]`), `h${n}`).toBeGreaterThan(0);
    expect(
      count(
        '.confluence-information-macro.confluence-information-macro-information .confluence-information-macro-body',
      ),
    ).toBeGreaterThan(0);
    expect(
      count(
        'div.code.panel.pdl > div.codeContent.panelContent.pdl > pre.syntaxhighlighter-pre[data-syntaxhighlighter-params]',
      ),
    ).toBe(3);
    expect(count('div.expand-container > div.expand-control + div.expand-content')).toBe(2);
    expect(count('span.status-macro.aui-lozenge.aui-lozenge-success')).toBeGreaterThan(0);
    expect(count('div.table-wrap > table.confluenceTable th.confluenceTh')).toBeGreaterThan(0);
    expect(count('td.numberingColumn')).toBe(3);
    expect(count('[rowspan="2"]')).toBe(1);
    expect(count('img.confluence-embedded-image[data-linked-resource-id]')).toBe(5);
    expect(count('img.confluence-external-resource')).toBe(1);
    expect(count('ol[start="3"]')).toBe(1);
    expect(count('ul.inline-task-list li.checked')).toBe(1);
    expect(count('.confluence-jim-macro.jira-issue')).toBe(2);
    expect(count('[data-macro-name="acme-roadmap"]')).toBe(1);
    expect(count('[data-macro-name="attachments"] table.attachments a.filename')).toBe(5);
    expect(count('.columnLayout.three-equal .cell')).toBe(3);
    expect(count('.toc-macro a[href^="#KitchenSink-"]')).toBeGreaterThan(10);
    expect(count('time[datetime]')).toBeGreaterThan(0);
    expect(count('a.confluence-userlink.user-mention')).toBe(3);
  });

  it('answer 403 for a restricted page and 404 for a deleted one', async () => {
    expect((await get(s.pageUrl('dc', 1304), 'dc')).status).toBe(403);
    expect((await get(`${s.dcUrl}/pages/viewpage.action?pageId=9999`, 'dc')).status).toBe(404);
    expect((await get(`${s.dcUrl}/display/DOC/No+Such+Page`, 'dc')).status).toBe(404);
  });
});

describe('Cloud pages', () => {
  it('serve the renderer DOM with Cloud chrome and no ajs meta tags', async () => {
    const res = await get(s.pageUrl('cloud', 1400), 'cloud');
    expect(res.status).toBe(200);
    const d = doc(await res.text());
    expect(d.querySelector('meta[name^="ajs-"]')).toBeNull();
    expect(d.querySelector('h1[data-testid="title-text"]')?.textContent).toBe('Kitchen Sink');
    const root = d.querySelector('.ak-renderer-document');
    expect(root).not.toBeNull();
    const count = (sel: string): number => root?.querySelectorAll(sel).length ?? 0;
    expect(count('[data-panel-type="info"]')).toBeGreaterThan(0);
    expect(count('[data-panel-type="custom"][data-panel-color]')).toBe(1);
    expect(count('.code-block [data-code-lang]')).toBe(3);
    expect(count('.pm-table-container table[data-number-column="true"]')).toBe(1);
    expect(count('[data-mention-id]')).toBe(3);
    expect(count('[data-emoji-short-name]')).toBeGreaterThan(3);
    expect(count('[data-task-local-id] input[type="checkbox"][checked]')).toBe(1);
    expect(count('[data-node-type="decisionList"] li')).toBe(2);
    expect(count('[data-layout-section] > [data-layout-column]')).toBe(7);
    expect(count('[data-node-type="mediaSingle"] img')).toBe(6);
    expect(
      count('[data-node-type="expand"][data-expanded="false"] [data-node-type="nestedExpand"]'),
    ).toBe(1);
    expect(count('[data-node-type="status"][data-color="green"]')).toBeGreaterThan(0);
    expect(count('[data-macro-name="acme-roadmap"]')).toBe(1);
    expect(count('h2#Tables')).toBe(1);
    expect(root?.querySelector('a[href="#Tables"]')).not.toBeNull();
  });

  it('redirect the space overview to the home page', async () => {
    const res = await get(`${s.cloudUrl}/wiki/spaces/DOC/overview`, 'cloud');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/wiki/spaces/DOC/pages/1000/Documentation+Home');
  });

  it('answer 403 and 404 like DC', async () => {
    expect((await get(s.pageUrl('cloud', 1304), 'cloud')).status).toBe(403);
    expect((await get(`${s.cloudUrl}/wiki/spaces/DOC/pages/9999`, 'cloud')).status).toBe(404);
  });
});

describe('attachments', () => {
  const magic: [string, number[]][] = [
    ['architecture-diagram.png', [0x89, 0x50, 0x4e, 0x47]],
    ['datacentre-photo.jpg', [0xff, 0xd8, 0xff]],
    ['build-status.gif', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]],
  ];

  it.each(magic)('DC serves %s with its magic bytes', async (name, bytes) => {
    const res = await get(`${s.dcUrl}/download/attachments/1400/${name}?version=1&api=v2`, 'dc');
    expect(res.status).toBe(200);
    const buf = new Uint8Array(await res.arrayBuffer());
    expect(Array.from(buf.slice(0, bytes.length))).toEqual(bytes);
  });

  it.each(magic)(
    'Cloud redirects %s to the media origin, which serves it with CORS *',
    async (name, bytes) => {
      const res = await get(`${s.cloudUrl}/wiki/download/attachments/1400/${name}`, 'cloud');
      expect(res.status).toBe(302);
      const location = res.headers.get('location') ?? '';
      expect(location.startsWith(`${s.mediaUrl}/file/`)).toBe(true);
      const media = await fetch(location);
      expect(media.status).toBe(200);
      expect(media.headers.get('access-control-allow-origin')).toBe('*');
      expect(Array.from(new Uint8Array(await media.arrayBuffer()).slice(0, bytes.length))).toEqual(
        bytes,
      );
      const noToken = await fetch(location.replace(/token=[^&]+/, 'token=x'));
      expect(noToken.status).toBe(401);
    },
  );

  it('serves SVG as image/svg+xml and 404s a missing file', async () => {
    const svg = await get(`${s.dcUrl}/download/attachments/1400/offprint-logo.svg`, 'dc');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toContain('<svg');
    expect(
      (await get(`${s.dcUrl}/download/attachments/1400/missing-diagram.png`, 'dc')).status,
    ).toBe(404);
  });

  it('serves the external image without a session', async () => {
    const res = await fetch(`${s.dcUrl}/static/banner.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
  });
});

describe('REST', () => {
  it('DC v1 content has the expanded export_view body, version, space, ancestors and history', async () => {
    const c = await json(
      `${s.dcUrl}/rest/api/content/1101?expand=body.export_view,version,space,ancestors,history`,
      'dc',
    );
    expect(c.id).toBe('1101');
    expect(c.title).toBe('Architecture Overview');
    const body = c.body as { export_view: { value: string; representation: string } };
    expect(body.export_view.representation).toBe('export_view');
    expect(body.export_view.value).toContain('confluence-embedded-image');
    expect((c.version as { number: number }).number).toBe(12);
    expect((c.space as { key: string }).key).toBe('DOC');
    expect((c.ancestors as { id: string }[]).map((a) => a.id)).toEqual(['1000', '1100']);
    expect((c._links as { webui: string }).webui).toBe('/display/DOC/Architecture+Overview');
  });

  async function followV1(
    site: 'dc' | 'cloud',
    first: string,
  ): Promise<{ ids: string[]; pages: number; limits: number[] }> {
    const ids: string[] = [];
    const limits: number[] = [];
    let url: string | undefined = first;
    let pages = 0;
    while (url) {
      const r = (await json(url, site)) as {
        results: { id: string }[];
        limit: number;
        _links: { base: string; next?: string };
      };
      ids.push(...r.results.map((x) => x.id));
      limits.push(r.limit);
      pages++;
      url = r._links.next ? r._links.base + r._links.next : undefined;
    }
    return { ids, pages, limits };
  }

  it('v1 child/page paginates with _links.next and caps limit at 25 with bodies (DC and Cloud)', async () => {
    for (const [site, prefix] of [
      ['dc', s.dcUrl],
      ['cloud', `${s.cloudUrl}/wiki`],
    ] as const) {
      const r = await followV1(
        site,
        `${prefix}/rest/api/content/1500/child/page?limit=100&expand=body.export_view`,
      );
      expect(r.ids.length).toBe(27);
      expect(new Set(r.ids).size).toBe(27);
      expect(r.limits[0]).toBe(25);
      expect(r.pages).toBe(2);
      const small = await followV1(site, `${prefix}/rest/api/content/1500/child/page?limit=5`);
      expect(small.pages).toBe(6);
      expect(small.ids).toEqual(r.ids);
    }
  });

  it('DC answers 501 for descendant/page; Cloud v1 lists descendants', async () => {
    expect((await get(`${s.dcUrl}/rest/api/content/1000/descendant/page`, 'dc')).status).toBe(501);
    const r = await json(`${s.cloudUrl}/wiki/rest/api/content/1100/descendant/page`, 'cloud');
    expect((r.results as unknown[]).length).toBe(4);
  });

  it('serves the bench tree family (npm run bench -- --subtree) through both REST APIs only', async () => {
    const root = 900_000 + 100;
    const dc = await followV1('dc', `${s.dcUrl}/rest/api/content/${root}/child/page?limit=25`);
    expect(dc.ids.length).toBe(2);
    const leaves = await followV1(
      'dc',
      `${s.dcUrl}/rest/api/content/${dc.ids[0] ?? ''}/child/page?limit=25&expand=body.export_view`,
    );
    expect(leaves.ids.length).toBe(20);
    const leaf = await json(
      `${s.cloudUrl}/wiki/api/v2/pages/${leaves.ids[0] ?? ''}?body-format=export_view`,
      'cloud',
    );
    expect(leaf.title).toBe('Bench tree 100 page 1');
    expect(leaf.parentId).toBe(dc.ids[0]);
    const body = leaf.body as { export_view: { value: string } };
    expect(body.export_view.value).toContain('confluenceTable');
    const cloudChildren = await json(`${s.cloudUrl}/wiki/api/v2/pages/${root}/children`, 'cloud');
    expect((cloudChildren.results as { id: string }[]).map((r) => r.id)).toEqual(dc.ids);
    // Not one of the space's pages: the home page's listing and the registry do not change.
    const home = await followV1('dc', `${s.dcUrl}/rest/api/content/1000/child/page?limit=25`);
    expect(home.ids).not.toContain(String(root));
    expect(PAGES.some((p) => p.id === root)).toBe(false);
  });

  it('Cloud v2 page returns body.export_view in view markup', async () => {
    const p = await json(`${s.cloudUrl}/wiki/api/v2/pages/1400?body-format=export_view`, 'cloud');
    const body = p.body as { export_view: { representation: string; value: string } };
    expect(body.export_view.representation).toBe('export_view');
    expect(body.export_view.value).toContain('confluenceTable');
    expect(body.export_view.value).not.toContain('ak-renderer');
    expect(p.spaceId).toBe('98305');
    expect(p.parentId).toBe('1000');
  });

  it('Cloud v2 children paginate by cursor in _links.next and the Link header', async () => {
    const ids: string[] = [];
    let url: string | undefined = `${s.cloudUrl}/wiki/api/v2/pages/1500/children?limit=10`;
    let pages = 0;
    while (url) {
      const res = await get(url, 'cloud');
      const r = (await res.json()) as { results: { id: string }[]; _links: { next?: string } };
      ids.push(...r.results.map((x) => x.id));
      pages++;
      const link = res.headers.get('link');
      if (r._links.next) expect(link).toContain(`<${r._links.next}>; rel="next"`);
      else expect(link).toBeNull();
      url = r._links.next ? s.cloudUrl + r._links.next : undefined;
    }
    expect(pages).toBe(3);
    expect(ids.length).toBe(27);
  });

  it('answers 403 for the restricted page and 404 for the deleted one, in each API’s shape', async () => {
    expect((await get(`${s.dcUrl}/rest/api/content/1304`, 'dc')).status).toBe(403);
    const v2 = await get(`${s.cloudUrl}/wiki/api/v2/pages/1304?body-format=export_view`, 'cloud');
    expect(v2.status).toBe(403);
    expect(((await v2.json()) as { errors: { status: number }[] }).errors[0]?.status).toBe(403);
    const gone = await get(`${s.dcUrl}/rest/api/content/9999`, 'dc');
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { statusCode: number }).statusCode).toBe(404);
    expect((await get(`${s.cloudUrl}/wiki/api/v2/pages/9999`, 'cloud')).status).toBe(404);
  });
});

describe('faults and logging', () => {
  it('injects 429 with Retry-After every Nth request, and 500s, then clears', async () => {
    s.setFaults({ rate429Every: 2, retryAfterSeconds: 3 });
    const url = `${s.dcUrl}/rest/api/content/1101`;
    expect((await get(url, 'dc')).status).toBe(200);
    const limited = await get(url, 'dc');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    s.setFaults({ error500Every: 1 });
    expect((await get(url, 'dc')).status).toBe(500);
    s.setFaults({});
    expect((await get(url, 'dc')).status).toBe(200);
  });

  it('accepts faults over HTTP for tests in other processes', async () => {
    const res = await fetch(`${s.cloudUrl}/__control/faults`, {
      method: 'POST',
      body: JSON.stringify({ rate429Every: 1 }),
    });
    expect(res.status).toBe(200);
    expect((await get(`${s.cloudUrl}/wiki/api/v2/pages/1101`, 'cloud')).status).toBe(429);
    await fetch(`${s.cloudUrl}/__control/faults`, { method: 'POST', body: '{}' });
    expect((await get(`${s.cloudUrl}/wiki/api/v2/pages/1101`, 'cloud')).status).toBe(200);
    expect(
      (await fetch(`${s.dcUrl}/__control/faults`, { method: 'POST', body: '{"rate429Every":"x"}' }))
        .status,
    ).toBe(400);
  });

  it('logs requests with method, url, site and status', async () => {
    s.requests.length = 0;
    await get(`${s.dcUrl}/rest/api/content/1101`, 'dc');
    await fetch(`${s.cloudUrl}/wiki/api/v2/pages/1101`);
    expect(s.requests).toEqual([
      { method: 'GET', url: '/rest/api/content/1101', site: 'dc', status: 200 },
      { method: 'GET', url: '/wiki/api/v2/pages/1101', site: 'cloud', status: 401 },
    ]);
  });
});
