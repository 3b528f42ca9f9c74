/** Pagination links of Confluence's REST answers. */
import { RestError } from './errors';
import type { Http } from './http';
import type { ChildRef } from './types';

/**
 * The `results` of a paginated listing, answer by answer, from `firstUrl` on through every
 * `_links.next` (and, with `linkHeader`, v2's `Link: rel="next"` when the body has none). A
 * server that keeps sending `next` is stopped after `maxAnswers` answers or at a URL it sent
 * before. Stop iterating to stop fetching.
 */
export async function* listingResults(
  http: Http,
  firstUrl: string,
  siteBase: string,
  maxAnswers: number,
  { linkHeader = false }: { linkHeader?: boolean } = {},
): AsyncGenerator<unknown[]> {
  let url: string | undefined = firstUrl;
  const seen = new Set<string>();
  for (let n = 0; url && n < maxAnswers && !seen.has(url); n++) {
    seen.add(url);
    const { body, headers }: { body: unknown; headers: Headers } = await http.getJson(url);
    const results = pick(body, 'results');
    if (!Array.isArray(results))
      throw new RestError(`Unexpected answer from ${url}: no results`, url);
    yield results as unknown[];
    const next =
      str(pick(body, '_links', 'next')) ??
      (linkHeader ? linkHeaderNext(headers.get('link')) : undefined);
    url = next ? resolveNext(next, str(pick(body, '_links', 'base')), siteBase) : undefined;
  }
}

/**
 * A child listing's entry as a ChildRef; undefined for what is not a page (v2's
 * /direct-children and /descendants also list databases, embeds, folders and whiteboards,
 * which carry a `type`).
 */
export function childRefOf(result: unknown): ChildRef | undefined {
  const id = str(pick(result, 'id'));
  const type = str(pick(result, 'type'));
  if (!id || (type && type !== 'page')) return undefined;
  const title = str(pick(result, 'title'));
  return title === undefined ? { id } : { id, title };
}

/**
 * Absolute URL of a `_links.next`. v1 writes it relative to `_links.base` (the context path:
 * `/rest/api/...` under `https://x.atlassian.net/wiki`); v2 writes it from the origin
 * (`/wiki/api/v2/...`). Never leaves the site: credentials go with every request.
 */
export function resolveNext(next: string, base: string | undefined, siteBase: string): string {
  const site = new URL(siteBase);
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:/i.test(next) || next.startsWith('//')) url = new URL(next, siteBase);
  else {
    const root = new URL(base && sameOrigin(base, site) ? base : siteBase);
    const context = root.pathname.replace(/\/+$/, '');
    const path = next.startsWith('/') ? next : `/${next}`;
    url = new URL(
      context && (path === context || path.startsWith(`${context}/`)) ? path : context + path,
      root.origin,
    );
  }
  if (url.origin !== site.origin)
    throw new RestError(`Pagination link leaves the site: ${url.origin}`, url.href);
  return url.href;
}

/** The `rel="next"` target of an RFC 8288 `Link` header. */
export function linkHeaderNext(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (
      m?.[1] !== undefined &&
      /;\s*rel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?/i.test(m[2] ?? '')
    )
      return m[1];
  }
  return undefined;
}

function sameOrigin(url: string, site: URL): boolean {
  try {
    return new URL(url).origin === site.origin;
  } catch {
    return false;
  }
}

/** Reads `obj.a.b...` when every step is an object; undefined otherwise. */
export function pick(obj: unknown, ...path: string[]): unknown {
  let cur = obj;
  for (const key of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
