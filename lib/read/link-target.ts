/** Link targets: anchors on this page, Confluence pages (by id), or plain URLs. */
import type { LinkTarget } from '../model/types';
import type { ReadState } from './state';

/** Page id from a Confluence URL: `?pageId=N`, `/spaces/KEY/pages/N/...`, HTML export `Title_N.html`. */
export function pageIdFromUrl(url: URL, pageUrl: string): string | undefined {
  const q = url.searchParams.get('pageId');
  if (q && /^\d+$/.test(q)) return q;
  const m = /\/pages\/(\d+)(?:\/|$)/.exec(url.pathname);
  if (m?.[1]) return m[1];
  // Confluence HTML exports (view markup) name page files `Title_12345.html` next to each other.
  let base: URL | undefined;
  try {
    base = new URL(pageUrl);
  } catch {
    base = undefined;
  }
  const exp = /_(\d+)\.html$/.exec(url.pathname);
  if (exp?.[1] && base && base.origin === url.origin && /\.html$/.test(base.pathname))
    return exp[1];
  return undefined;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The target of a link element with the (safe) `href`. */
export function linkTarget(state: ReadState, el: Element, href: string): LinkTarget {
  const raw = href.trim();
  if (raw.startsWith('#') && raw.length > 1)
    return { kind: 'anchor', anchor: decode(raw.slice(1)) };
  const abs = state.resolve(raw);
  if (!abs) return { kind: 'url', url: raw };
  const url = new URL(abs);
  const hash = url.hash ? decode(url.hash.slice(1)) : undefined;
  const here = state.resolve(state.ctx.pageUrl);
  const strip = (u: string): string => u.replace(/#.*$/, '');
  if (hash && here && strip(abs) === strip(here)) return { kind: 'anchor', anchor: hash };

  let pageId: string | undefined;
  const type = el.getAttribute('data-linked-resource-type');
  const resId = el.getAttribute('data-linked-resource-id');
  if (resId && /^\d+$/.test(resId) && (type === 'page' || type === 'blogpost')) pageId = resId;
  pageId ??= pageIdFromUrl(url, state.ctx.pageUrl);
  if (pageId) {
    if (hash && pageId === state.ctx.pageId) return { kind: 'anchor', anchor: hash };
    const t: LinkTarget = { kind: 'page', pageId, url: abs };
    if (hash) t.anchor = hash;
    return t;
  }
  return { kind: 'url', url: abs };
}
