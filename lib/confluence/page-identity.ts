/** Which Confluence page is this tab showing? Read from the DOM and URL only, no network. */
import { pageTitle } from './page-title';

/** Which kind of Confluence serves the page: Atlassian's Cloud, or a Data Center / Server site. */
export type Deployment = 'cloud' | 'datacenter';

export interface PageIdentity {
  deployment: Deployment;
  pageId: string;
  title: string;
  spaceKey?: string;
  /** Site base including context path, e.g. `https://acme.atlassian.net/wiki` or `https://wiki.corp/confluence`. */
  siteBase: string;
  contentType: 'page' | 'blogpost';
  author?: string;
  updated?: string;
}

// Data Center / Server 7.x–9.x: page facts in <meta name="ajs-..."> tags.
const meta = (doc: Document, name: string): string | undefined =>
  doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim() || undefined;

// Cloud: /wiki/spaces/KEY/pages/ID/Title, /wiki/spaces/KEY/pages/edit-v2/ID, /wiki/spaces/KEY/blog/YYYY/MM/DD/ID/Title
const CLOUD_PATH =
  /^(.*?\/wiki)\/spaces\/([^/]+)\/(pages|blog)\/(?:edit-v2\/|(\d{4}\/\d{2}\/\d{2})\/)?(\d+)(?:\/|$)/;
// DC blog post: /display/KEY/YYYY/MM/DD/Title
const DC_BLOG_DATE = /\/display\/[^/]+\/(\d{4}\/\d{2}\/\d{2})\//;

const text = (doc: Document, selector: string): string | undefined =>
  doc.querySelector(selector)?.textContent?.trim() || undefined;

export function identifyPage(doc: Document, url: string): PageIdentity | null {
  const location = new URL(url);
  const dcPageId = meta(doc, 'ajs-page-id');
  if (dcPageId && /^\d+$/.test(dcPageId)) {
    const base =
      meta(doc, 'ajs-base-url') ?? location.origin + (meta(doc, 'ajs-context-path') ?? '');
    const spaceKey = meta(doc, 'ajs-space-key');
    const contentType = meta(doc, 'ajs-content-type') === 'blogpost' ? 'blogpost' : 'page';
    // DC 7–9 pages and blog posts: "Created by <span class=author>…</span>, last modified on
    // <a class=last-modified>…</a>"; a blog post without it still has its date in the URL.
    const author = text(doc, '.page-metadata .author a, .page-metadata .author');
    const updated =
      text(doc, '.page-metadata .last-modified') ??
      (contentType === 'blogpost'
        ? DC_BLOG_DATE.exec(location.pathname)?.[1]?.replaceAll('/', '-')
        : undefined);
    return {
      deployment: 'datacenter',
      pageId: dcPageId,
      title: pageTitle(doc) ?? doc.title,
      ...(spaceKey ? { spaceKey } : {}),
      siteBase: trimSlash(base),
      contentType,
      ...(author ? { author } : {}),
      ...(updated ? { updated } : {}),
    };
  }
  const cloud = CLOUD_PATH.exec(location.pathname);
  if (cloud && doc.querySelector('.ak-renderer-document')) {
    const [, wikiPath, spaceKey, kind, blogDate, pageId] = cloud;
    // Cloud byline (pages and blog posts): the author link and "Last updated: Dec 2, 2024";
    // a blog post's URL carries its publish date when the byline has none.
    const author = text(doc, '[data-testid="byline-author"]');
    const lastUpdated = doc.querySelector('[data-testid="byline-last-updated"]');
    const updated =
      lastUpdated?.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() ||
      lastUpdated?.textContent?.replace(/^[^:]*:/, '').trim() ||
      (kind === 'blog' ? blogDate?.replaceAll('/', '-') : undefined);
    return {
      deployment: 'cloud',
      pageId: pageId ?? '',
      title: pageTitle(doc) ?? 'Untitled',
      ...(spaceKey ? { spaceKey: decodeURIComponent(spaceKey) } : {}),
      siteBase: location.origin + (wikiPath ?? '/wiki'),
      contentType: kind === 'blog' ? 'blogpost' : 'page',
      ...(author ? { author } : {}),
      ...(updated ? { updated } : {}),
    };
  }
  return null;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
