/** Pagination links of Confluence's REST answers. */
import { RestError } from './errors';

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
