/** Which Confluence page is this tab showing? Read from the DOM and URL only, no network. */
export type Flavour = 'cloud' | 'datacenter';

export interface PageIdentity {
  flavour: Flavour;
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
  /^(.*?\/wiki)\/spaces\/([^/]+)\/(pages|blog)\/(?:edit-v2\/|\d{4}\/\d{2}\/\d{2}\/)?(\d+)(?:\/|$)/;

export function identifyPage(doc: Document, url: string): PageIdentity | null {
  const location = new URL(url);
  const dcPageId = meta(doc, 'ajs-page-id');
  if (dcPageId && /^\d+$/.test(dcPageId)) {
    const base =
      meta(doc, 'ajs-base-url') ?? location.origin + (meta(doc, 'ajs-context-path') ?? '');
    const spaceKey = meta(doc, 'ajs-space-key');
    const author = doc.querySelector(
      '.page-metadata .author a, .page-metadata .author',
    )?.textContent;
    const updated = doc.querySelector('.page-metadata .last-modified')?.textContent;
    return {
      flavour: 'datacenter',
      pageId: dcPageId,
      title:
        meta(doc, 'ajs-page-title') ??
        doc.querySelector('#title-text')?.textContent?.trim() ??
        doc.title,
      ...(spaceKey ? { spaceKey } : {}),
      siteBase: trimSlash(base),
      contentType: meta(doc, 'ajs-content-type') === 'blogpost' ? 'blogpost' : 'page',
      ...(author?.trim() ? { author: author.trim() } : {}),
      ...(updated?.trim() ? { updated: updated.trim() } : {}),
    };
  }
  const cloud = CLOUD_PATH.exec(location.pathname);
  if (cloud && doc.querySelector('.ak-renderer-document')) {
    const [, wikiPath, spaceKey, kind, pageId] = cloud;
    const heading =
      doc.querySelector('[data-testid="title-text"], [data-test-id="title-text"], #title-text, h1')
        ?.textContent ?? '';
    const title = heading.trim() || doc.title.replace(/\s+-\s+.*$/, '').trim();
    return {
      flavour: 'cloud',
      pageId: pageId ?? '',
      title: title || 'Untitled',
      ...(spaceKey ? { spaceKey: decodeURIComponent(spaceKey) } : {}),
      siteBase: location.origin + (wikiPath ?? '/wiki'),
      contentType: kind === 'blog' ? 'blogpost' : 'page',
    };
  }
  return null;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
