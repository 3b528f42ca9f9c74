/**
 * Data Center / Server (and Cloud's v1, for what v2 lacks): `/rest/api/content/{id}` with
 * `body.export_view`, children through `/rest/api/content/{id}/child/page` level by level
 * (`/descendant/page` answers 501 on Data Center), every `_links.next` followed: servers cap
 * the page size (25 with bodies expanded, 200/500 without) whatever `limit` asks for.
 */
import { RestError } from './errors';
import type { Http } from './http';
import { childRefOf, listingResults, pick, resolveNext, str } from './links';
import type { ChildRef, ConfluenceApi, PageSummary, RestPage } from './types';

const PAGE_EXPAND = 'body.export_view,version,space,history,ancestors';
/** Listings give at most this many per answer with bodies; without, servers still cap it. */
const CHILD_PAGE_SIZE = 25;
/** A server that keeps sending `next` (a loop) is stopped after this many answers. */
const MAX_LISTING_PAGES = 2000;

export interface V1Options {
  /** `limit` asked for per child listing request. Default 25. */
  pageSize?: number;
}

/** The Data Center client (site base = origin + context path, e.g. `https://wiki.corp/confluence`). */
export function createDcApi(http: Http, siteBase: string, options: V1Options = {}): ConfluenceApi {
  const base = siteBase.replace(/\/+$/, '');
  return {
    deployment: 'datacenter',
    siteBase: base,
    getPage: (id) => getV1Page(http, base, id, PAGE_EXPAND),
    children: (id) => v1Children(http, base, id, options.pageSize ?? CHILD_PAGE_SIZE),
    getSummary: (id) => getV1Summary(http, base, id),
    findByTitle: (spaceKey, title) => findV1ByTitle(http, base, spaceKey, title),
  };
}

const contentUrl = (base: string, id: string): string =>
  `${base}/rest/api/content/${encodeURIComponent(id)}`;

/** `GET {base}/rest/api/content/{id}?expand=...` as a RestPage. */
export async function getV1Page(
  http: Http,
  base: string,
  id: string,
  expand: string,
): Promise<RestPage> {
  const url = `${contentUrl(base, id)}?expand=${encodeURIComponent(expand)}`;
  const { body } = await http.getJson(url);
  return restPageFromV1(body, base, url);
}

/** A v1 content object (with `body.export_view` expanded) as a RestPage. */
export function restPageFromV1(body: unknown, base: string, url: string): RestPage {
  const id = str(pick(body, 'id'));
  const title = str(pick(body, 'title'));
  const html = str(pick(body, 'body', 'export_view', 'value'));
  if (!id || title === undefined || html === undefined)
    throw new RestError(`Unexpected answer from ${url}: no id, title or export_view body`, url);
  const linkBase = str(pick(body, '_links', 'base')) ?? base;
  const webui = str(pick(body, '_links', 'webui'));
  const spaceKey = str(pick(body, 'space', 'key'));
  const author =
    str(pick(body, 'history', 'createdBy', 'displayName')) ??
    str(pick(body, 'version', 'by', 'displayName'));
  const updated = str(pick(body, 'version', 'when'));
  return {
    id,
    title,
    webUrl: webui ? webUrl(linkBase, base, webui) : `${base}/pages/viewpage.action?pageId=${id}`,
    exportViewHtml: html,
    type: str(pick(body, 'type')) === 'blogpost' ? 'blogpost' : 'page',
    ...(spaceKey ? { spaceKey } : {}),
    ...(author ? { author } : {}),
    ...(updated ? { updated } : {}),
  };
}

/** `_links.webui` is relative to `_links.base`; keep it on the site we were asked about. */
export function webUrl(linkBase: string, siteBase: string, webui: string): string {
  try {
    return resolveNext(webui, linkBase, siteBase);
  } catch {
    return siteBase + (webui.startsWith('/') ? webui : `/${webui}`);
  }
}

async function getV1Summary(http: Http, base: string, id: string): Promise<PageSummary> {
  const url = contentUrl(base, id);
  const { body } = await http.getJson(url);
  const title = str(pick(body, 'title'));
  if (title === undefined) throw new RestError(`Unexpected answer from ${url}: no title`, url);
  return { id: str(pick(body, 'id')) ?? id, title };
}

/** Child pages of `id`, every listing page followed. */
export async function* v1Children(
  http: Http,
  base: string,
  id: string,
  pageSize: number,
): AsyncGenerator<ChildRef> {
  const first = `${contentUrl(base, id)}/child/page?limit=${pageSize}&start=0`;
  for await (const results of listingResults(http, first, base, MAX_LISTING_PAGES)) {
    for (const r of results) {
      const child = childRefOf(r);
      if (child) yield child;
    }
  }
}

/** `GET /rest/api/content?spaceKey=&title=` (pages; then blog posts). */
export async function findV1ByTitle(
  http: Http,
  base: string,
  spaceKey: string,
  title: string,
  type: 'page' | 'blogpost' = 'page',
): Promise<string | undefined> {
  const q = new URLSearchParams({ spaceKey, title, type, limit: '1' });
  const { body } = await http.getJson(`${base}/rest/api/content?${q.toString()}`);
  const results = pick(body, 'results');
  const first: unknown = Array.isArray(results) ? results[0] : undefined;
  return str(pick(first, 'id'));
}
