/** What Offprint needs from Confluence's REST API, whichever deployment answers. */
import type { Deployment } from '../page-identity';

/** One page as fetched for export: its facts and its `export_view` body (unsanitised). */
export interface RestPage {
  id: string;
  title: string;
  spaceKey?: string;
  /** Absolute URL of the page in Confluence's web UI. */
  webUrl: string;
  author?: string;
  /** ISO date-time of the last change. */
  updated?: string;
  /** `body.export_view` HTML as Confluence sends it: sanitise before reading. */
  exportViewHtml: string;
  type: 'page' | 'blogpost';
}

/** A child page as its parent's listing names it. */
export interface ChildRef {
  id: string;
  title?: string;
}

/** A page's id and title only (cheap: no body). */
export interface PageSummary {
  id: string;
  title: string;
}

/** One Confluence site's REST API (Cloud v2 with v1 fallback, or Data Center v1). */
export interface ConfluenceApi {
  readonly deployment: Deployment;
  /** Site base including the context path (`https://x.atlassian.net/wiki`). */
  readonly siteBase: string;
  getPage(id: string): Promise<RestPage>;
  /** Direct child pages in Confluence's order, every result page followed. */
  children(id: string): AsyncIterable<ChildRef>;
  getSummary(id: string): Promise<PageSummary>;
  /** The id of the page titled `title` in space `spaceKey`, if there is one. */
  findByTitle(spaceKey: string, title: string): Promise<string | undefined>;
}
