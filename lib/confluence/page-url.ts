/**
 * Which page does a Confluence link point at? For the link the user right-clicks ("export this
 * page and its children"). Only links into the same site count.
 */

export interface PageUrlLookups {
  /** `/rest/api/content?spaceKey=&title=` -> id (for DC's `/display/KEY/Title` links). */
  findByTitle?: (spaceKey: string, title: string) => Promise<string | undefined>;
  /** Where a short link (`/x/AbCd`) redirects to, when followed with the user's session. */
  resolveRedirect?: (url: string) => Promise<string | undefined>;
}

// Cloud and DC 8+: /spaces/KEY/pages/ID[/Title], /spaces/KEY/pages/edit-v2/ID,
// /spaces/KEY/blog/YYYY/MM/DD/ID[/Title] (Cloud blog posts).
const SPACES_PATH =
  /^\/spaces\/[^/]+\/(?:pages|blog)\/(?:edit-v2\/|\d{4}\/\d{2}\/\d{2}\/)?(\d+)(?:\/|$)/;
// DC/Server and Cloud: /pages/viewpage.action?pageId=N (also edit, info, history actions).
const ACTION_PATH = /^\/pages\/[a-z]+\.action$/i;
// DC/Server: /display/KEY/Page+Title (blog posts are /display/KEY/YYYY/MM/DD/Title: not handled).
const DISPLAY_PATH = /^\/display\/([^/]+)\/([^/]+)\/?$/;
// Cloud and DC short links: /x/<tiny id>.
const TINY_PATH = /^\/x\/[A-Za-z0-9_-]+\/?$/;

/**
 * The page id a link points at, or undefined when the link is not a page of the site at
 * `siteBase` (origin + context path, e.g. `https://x.atlassian.net/wiki`). `/display/` links
 * need `findByTitle` and short links need `resolveRedirect`.
 */
export async function pageIdFromUrl(
  url: string,
  siteBase: string,
  lookups: PageUrlLookups = {},
  followed = false,
): Promise<string | undefined> {
  let link: URL;
  let site: URL;
  try {
    link = new URL(url);
    site = new URL(siteBase);
  } catch {
    return undefined;
  }
  if (link.origin !== site.origin) return undefined;
  const context = site.pathname.replace(/\/+$/, '');
  if (context && link.pathname !== context && !link.pathname.startsWith(`${context}/`))
    return undefined;
  const path = link.pathname.slice(context.length) || '/';

  const spaces = SPACES_PATH.exec(path);
  if (spaces?.[1]) return spaces[1];

  if (ACTION_PATH.test(path)) {
    const id = link.searchParams.get('pageId');
    return id && /^\d+$/.test(id) ? id : undefined;
  }

  const display = DISPLAY_PATH.exec(path);
  if (display?.[1] && display[2] && lookups.findByTitle) {
    const key = safeDecode(display[1]);
    const title = safeDecode(display[2].replace(/\+/g, ' '));
    return key && title ? lookups.findByTitle(key, title) : undefined;
  }

  if (TINY_PATH.test(path) && lookups.resolveRedirect && !followed) {
    const target = await lookups.resolveRedirect(link.href);
    return target ? pageIdFromUrl(target, siteBase, lookups, true) : undefined;
  }
  return undefined;
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
