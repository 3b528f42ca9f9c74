/**
 * The content script's side of "export by search or label": a CQL search on the open tab's site,
 * and an export of exactly the pages the user ticked, both through the REST API with the user's
 * session (the tab's origin and cookies).
 */
import type { ReadJob, SearchJob } from '../messaging/content-job';
import { fail, ok, type PageSnapshot, type Result } from '../messaging/protocol';
import { identifyPage } from './page-identity';
import { pageLanguage } from './page-language';
import { restPageReaders } from './rest-page-readers';
import { createConfluenceApi } from './rest/create-api';
import { NotLoggedInError, isAbort } from './rest/errors';
import { createHttp } from './rest/http';
import { searchCql, type SearchHit } from './rest/search';
import { readPages } from './snapshot-subtree';

export type PagesJob = Extract<ReadJob, { kind: 'pages' }>;

/** What a search answers: the tab's space (for the query's default) and the pages found. */
export interface SearchAnswer {
  spaceKey?: string;
  hits: SearchHit[];
}

/** Runs a CQL search from the Confluence tab `doc` (at `url`); errors come back as data. */
export async function runSearchJob(
  job: SearchJob,
  doc: Document,
  url: string,
): Promise<Result<SearchAnswer>> {
  const identity = identifyPage(doc, url);
  if (!identity) return fail('This tab is not showing a Confluence page.', 'not-confluence');
  const space = identity.spaceKey ? { spaceKey: identity.spaceKey } : {};
  if (!job.cql.trim()) return ok({ ...space, hits: [] });
  const http = createHttp({ concurrency: Math.max(1, job.concurrency) });
  try {
    return ok({ ...space, hits: await searchCql(http, identity.siteBase, job.cql) });
  } catch (error) {
    if (error instanceof NotLoggedInError) return fail(error.message, 'not-logged-in');
    return fail(`The search failed: ${(error as Error).message}`);
  }
}

/** Exports the pages `job.ids` in that order, from the Confluence tab `doc` (at `url`). */
export async function runPagesJob(
  job: PagesJob,
  doc: Document,
  url: string,
  signal: AbortSignal,
): Promise<PageSnapshot> {
  const identity = identifyPage(doc, url);
  if (!identity) return fail('This tab is not showing a Confluence page.', 'not-confluence');
  const window = doc.defaultView;
  if (!window) return fail('This tab has no window to read pages in.');
  if (!job.ids.length) return fail('No pages were chosen.', 'no-content');
  const concurrency = Math.max(1, job.concurrency);
  const http = createHttp({ concurrency, signal });
  const api = createConfluenceApi(identity.deployment, identity.siteBase, http);
  try {
    const model = await readPages(api, job.ids, job.title, {
      concurrency,
      signal: http.signal,
      ...restPageReaders(window, identity.siteBase, {
        maxImagePixels: job.maxImagePixels,
        concurrency,
        signal: http.signal,
      }),
    });
    // REST bodies carry no language: the site's, as the tab's page declares it.
    const lang = pageLanguage(doc.documentElement);
    return ok(lang ? { ...model, lang } : model);
  } catch (error) {
    if (error instanceof NotLoggedInError) return fail(error.message, 'not-logged-in');
    if (isAbort(error)) return fail('Export cancelled.', 'cancelled');
    return fail(`Could not export the chosen pages: ${(error as Error).message}`);
  }
}
