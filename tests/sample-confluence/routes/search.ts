// CQL search, `GET /rest/api/search` (DC) and `/wiki/rest/api/search` (Cloud), in Atlassian's
// documented v1 shape (SearchPageResponseSearchResult): `results[].content` plus `lastModified`
// and `url`, `start`/`limit`/`size`/`totalSize`, `_links.next`. A tiny CQL: `label = x`,
// `space = KEY`, `type = page|blogpost`, `title ~ "word"`, joined by `and`.
import { sendJson, type Ctx } from '../app.ts';
import type { PageDef } from '../content/dsl.ts';
import { ancestorsOf, PAGES } from '../content/registry.ts';
import { SPACE } from '../content/space.ts';
import { baseUrl, pagePath, type Flavour } from '../urls.ts';

/** Search answers at most this many results whatever `limit` asks for. */
const CAP = 25;

const flavourOf = (ctx: Ctx): Flavour => (ctx.site === 'cloud' ? 'cloud' : 'dc');
const unquote = (s: string): string => s.trim().replace(/^"(.*)"$/, '$1');

/** A predicate for one CQL clause, or undefined when the clause is not understood. */
function clause(text: string): ((p: PageDef) => boolean) | undefined {
  const m = /^\s*(label|space|type|title)\s*(=|~)\s*("[^"]*"|[^\s"]+)\s*$/i.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  const field = m[1].toLowerCase();
  const value = unquote(m[3]);
  if (field === 'title' && m[2] === '~')
    return (p) => p.title.toLowerCase().includes(value.toLowerCase());
  if (m[2] !== '=') return undefined;
  if (field === 'label') return (p) => (p.labels ?? []).includes(value);
  if (field === 'space') return () => value === SPACE.key;
  if (field === 'type') return (p) => (p.type ?? 'page') === value;
  if (field === 'title') return (p) => p.title === value;
  return undefined;
}

export function search(ctx: Ctx): void {
  const f = flavourOf(ctx);
  const base = baseUrl(ctx.app.sites, f);
  const cql = ctx.url.searchParams.get('cql') ?? '';
  const tests = cql.split(/\s+and\s+/i).map(clause);
  if (!cql.trim() || tests.some((t) => !t)) {
    sendJson(ctx.res, 400, {
      statusCode: 400,
      message: `Could not parse cql : ${cql}`,
      reason: 'Bad Request',
    });
    return;
  }
  const items = PAGES.filter((p) => !p.restricted && tests.every((t) => t?.(p)));
  const int = (v: string | null, d: number): number => {
    const n = Number.parseInt(v ?? '', 10);
    return Number.isFinite(n) && n >= 0 ? n : d;
  };
  // Cloud pages with an opaque cursor; here the cursor is the start offset, base64url.
  const cursor = ctx.url.searchParams.get('cursor');
  const start = cursor
    ? int(Buffer.from(cursor, 'base64url').toString(), 0)
    : int(ctx.url.searchParams.get('start'), 0);
  const limit = Math.max(1, Math.min(int(ctx.url.searchParams.get('limit'), CAP), CAP));
  const withAncestors = (ctx.url.searchParams.get('expand') ?? '').includes('content.ancestors');
  const slice = items.slice(start, start + limit);
  const path = ctx.url.pathname.replace(/^\/wiki/, '');
  const query = (s: number): string => {
    const sp = new URLSearchParams({ cql, limit: String(limit) });
    const expand = ctx.url.searchParams.get('expand');
    if (expand) sp.set('expand', expand);
    if (f === 'cloud') sp.set('cursor', Buffer.from(String(s)).toString('base64url'));
    else sp.set('start', String(s));
    return `${path}?${sp.toString()}`;
  };
  const webui = (p: PageDef): string => pagePath(f, p).replace(/^\/wiki/, '');
  const links: Record<string, string> = {
    base,
    context: f === 'dc' ? '' : '/wiki',
    self: `${base}${path}?${ctx.url.searchParams.toString()}`,
  };
  if (start + limit < items.length) links.next = query(start + limit);
  sendJson(ctx.res, 200, {
    results: slice.map((p) => ({
      content: {
        id: String(p.id),
        type: p.type ?? 'page',
        status: 'current',
        title: p.title,
        ...(withAncestors
          ? {
              ancestors: ancestorsOf(p).map((a) => ({
                id: String(a.id),
                type: 'page',
                title: a.title,
              })),
            }
          : {}),
        _links: { webui: webui(p), self: `${base}/rest/api/content/${p.id}` },
      },
      title: p.title,
      excerpt: '',
      breadcrumbs: [],
      url: webui(p),
      resultGlobalContainer: { title: SPACE.name, displayUrl: `/display/${SPACE.key}` },
      entityType: 'content',
      iconCssClass: 'aui-icon content-type-page',
      lastModified: p.updated,
      friendlyLastModified: p.updated.slice(0, 10),
      score: 1,
    })),
    start,
    limit,
    size: slice.length,
    totalSize: items.length,
    cqlQuery: cql,
    searchDuration: 1,
    _links: links,
  });
}
