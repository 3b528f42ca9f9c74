/**
 * Confluence Cloud: REST v2 for pages (`/wiki/api/v2/pages/{id}?body-format=export_view`; list
 * endpoints only offer storage/atlas_doc_format, so bodies are fetched one page at a time) and
 * children (`/pages/{id}/children`, cursor in `_links.next` and the `Link` header). v1
 * (`/wiki/rest/api/content/{id}`) only where v2 answers 404 for a type it lacks, e.g. blog posts.
 */
import { findV1ByTitle, getV1Page, webUrl } from './dc-v1';
import { PageNotFoundError, RestError } from './errors';
import type { Http } from './http';
import { childRefOf, listingResults, pick, str } from './links';
import type { ChildRef, ConfluenceApi, PageSummary, RestPage } from './types';

const V1_EXPAND = 'body.export_view,version,space,history';
const MAX_LISTING_PAGES = 2000;

export interface CloudOptions {
  /** `limit` per children request (v2 allows up to 250). Default 250. */
  pageSize?: number;
}

/** The Cloud client; `siteBase` is `https://x.atlassian.net/wiki`. */
export function createCloudApi(
  http: Http,
  siteBase: string,
  options: CloudOptions = {},
): ConfluenceApi {
  const base = siteBase.replace(/\/+$/, '');
  const pageSize = options.pageSize ?? 250;
  // v2 names a page's space by id: one lookup per space per export.
  const spaceKeys = new Map<string, Promise<string | undefined>>();
  // Pages v2 does not know (blog posts): they have no child pages to list.
  const v1Only = new Set<string>();

  // v2 names a page's creator by account id: one v1 user lookup per person per export.
  const authors = new Map<string, Promise<string | undefined>>();

  /** A detail looked up once per export; losing it only loses a header or metadata detail. */
  const lookup = (
    cache: Map<string, Promise<string | undefined>>,
    id: string,
    url: string,
    read: (body: unknown) => string | undefined,
  ): Promise<string | undefined> => {
    let value = cache.get(id);
    if (!value) {
      value = http
        .getJson(url)
        .then(({ body }) => read(body))
        .catch((error: unknown) => {
          // Cancellation and 401 still stop the export.
          if (http.signal.aborted) throw error;
          return undefined;
        });
      cache.set(id, value);
    }
    return value;
  };
  const spaceKey = (spaceId: string): Promise<string | undefined> =>
    lookup(spaceKeys, spaceId, `${base}/api/v2/spaces/${encodeURIComponent(spaceId)}`, (body) =>
      str(pick(body, 'key')),
    );
  const authorName = (accountId: string): Promise<string | undefined> =>
    lookup(
      authors,
      accountId,
      `${base}/rest/api/user?accountId=${encodeURIComponent(accountId)}`,
      (body) => str(pick(body, 'displayName')) ?? str(pick(body, 'publicName')),
    );

  async function getPage(id: string): Promise<RestPage> {
    const url = `${base}/api/v2/pages/${encodeURIComponent(id)}?body-format=export_view`;
    let body: unknown;
    try {
      ({ body } = await http.getJson(url));
    } catch (error) {
      if (!(error instanceof PageNotFoundError)) throw error;
      // v2's /pages knows pages only: a blog post (or an older content type) is still in v1.
      let page: RestPage;
      try {
        page = await getV1Page(http, base, id, V1_EXPAND);
      } catch (fallback) {
        if (fallback instanceof PageNotFoundError) throw error;
        throw fallback;
      }
      v1Only.add(id);
      return page;
    }
    const pageId = str(pick(body, 'id'));
    const title = str(pick(body, 'title'));
    const html = str(pick(body, 'body', 'export_view', 'value'));
    if (!pageId || title === undefined || html === undefined)
      throw new RestError(`Unexpected answer from ${url}: no id, title or export_view body`, url);
    const webui = str(pick(body, '_links', 'webui'));
    const linkBase = str(pick(body, '_links', 'base')) ?? base;
    const spaceId = str(pick(body, 'spaceId'));
    // The page's creator, as Data Center's history.createdBy.
    const authorId = str(pick(body, 'authorId'));
    const [key, author] = await Promise.all([
      spaceId ? spaceKey(spaceId) : undefined,
      authorId ? authorName(authorId) : undefined,
    ]);
    const updated = str(pick(body, 'version', 'createdAt'));
    return {
      id: pageId,
      title,
      webUrl: webui
        ? webUrl(linkBase, base, webui)
        : `${base}/pages/viewpage.action?pageId=${pageId}`,
      exportViewHtml: html,
      type: 'page',
      ...(key ? { spaceKey: key } : {}),
      ...(author ? { author } : {}),
      ...(updated ? { updated } : {}),
    };
  }

  async function* children(id: string): AsyncGenerator<ChildRef> {
    if (v1Only.has(id)) return;
    const first = `${base}/api/v2/pages/${encodeURIComponent(id)}/children?limit=${pageSize}`;
    const answers = listingResults(http, first, base, MAX_LISTING_PAGES, { linkHeader: true });
    for await (const results of answers) {
      for (const r of results) {
        const child = childRefOf(r);
        if (child) yield child;
      }
    }
  }

  async function getSummary(id: string): Promise<PageSummary> {
    const url = `${base}/api/v2/pages/${encodeURIComponent(id)}`;
    try {
      const { body } = await http.getJson(url);
      const title = str(pick(body, 'title'));
      if (title === undefined) throw new RestError(`Unexpected answer from ${url}: no title`, url);
      return { id: str(pick(body, 'id')) ?? id, title };
    } catch (error) {
      if (!(error instanceof PageNotFoundError)) throw error;
      const { body } = await http.getJson(`${base}/rest/api/content/${encodeURIComponent(id)}`);
      v1Only.add(id);
      return { id, title: str(pick(body, 'title')) ?? id };
    }
  }

  return {
    deployment: 'cloud',
    siteBase: base,
    getPage,
    children,
    getSummary,
    findByTitle: (key, title) => findV1ByTitle(http, base, key, title),
  };
}
