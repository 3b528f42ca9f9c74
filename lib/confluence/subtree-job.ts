/**
 * The content script's entry for "export this page and its children": builds the REST client
 * for the open tab's site, finds the root page, walks the tree, and reads every page's
 * sanitised `export_view` (images included) into one export model.
 */
import type { ContentJob } from '../messaging/content-job';
import { fail, ok, type PageSnapshot } from '../messaging/protocol';
import { identifyPage } from './page-identity';
import { pageLanguage } from './page-language';
import { restPageReaders } from './rest-page-readers';
import { pageIdFromUrl } from './page-url';
import { createConfluenceApi } from './rest/create-api';
import { NotLoggedInError, PageForbiddenError, PageNotFoundError, isAbort } from './rest/errors';
import { createHttp } from './rest/http';
import {
  listSubtree,
  snapshotSubtree,
  type SubtreeProgress,
  type TreeNode,
} from './snapshot-subtree';

export type SubtreeJob = Extract<ContentJob, { kind: 'subtree' }>;

/** What the user chose in the page picker; undefined = cancelled. */
export interface SubtreeChoice {
  exclude: string[];
  maxDepth?: number;
}

/** Shown the page tree before a large export; resolves with the choice. */
export type ChooseSubtree = (
  tree: TreeNode,
  pageCount: number,
) => Promise<SubtreeChoice | undefined>;

/** Trees up to this size export at once; larger ones are offered to the picker first. */
export const PICKER_THRESHOLD = 25;

function countPages(node: TreeNode): number {
  return 1 + node.children.reduce((sum, child) => sum + countPages(child), 0);
}

/** Runs a subtree export in the Confluence tab `doc` (at `url`); errors come back as data. */
export async function runSubtreeJob(
  job: SubtreeJob,
  doc: Document,
  url: string,
  signal: AbortSignal,
  onProgress: (progress: SubtreeProgress) => void,
  choose?: ChooseSubtree,
): Promise<PageSnapshot> {
  const identity = identifyPage(doc, url);
  if (!identity) return fail('This tab is not showing a Confluence page.', 'not-confluence');
  const window = doc.defaultView;
  if (!window) return fail('This tab has no window to read pages in.');
  const concurrency = Math.max(1, job.concurrency);
  const http = createHttp({ concurrency, signal });
  const api = createConfluenceApi(identity.deployment, identity.siteBase, http);
  try {
    let rootId = job.rootPageId ?? identity.pageId;
    if (job.linkUrl) {
      const linked = await pageIdFromUrl(job.linkUrl, identity.siteBase, {
        findByTitle: (key, title) => api.findByTitle(key, title),
        resolveRedirect: async (link) => {
          const res = await fetch(link, { method: 'HEAD', credentials: 'include', signal });
          return res.redirected ? res.url : undefined;
        },
      });
      if (!linked) return fail(`That link is not a page of this Confluence site: ${job.linkUrl}`);
      rootId = linked;
    }
    let exclude: ReadonlySet<string> | undefined;
    let maxDepth = job.maxDepth;
    let tree: TreeNode | undefined;
    if (choose) {
      tree = await listSubtree(api, rootId, job.maxDepth);
      const pages = countPages(tree);
      if (pages > PICKER_THRESHOLD) {
        const choice = await choose(tree, pages);
        if (!choice) return fail('Export cancelled.', 'cancelled');
        exclude = new Set(choice.exclude);
        if (choice.maxDepth !== undefined) maxDepth = choice.maxDepth;
      }
    }
    const model = await snapshotSubtree(api, rootId, {
      concurrency,
      ...(maxDepth !== undefined ? { maxDepth } : {}),
      ...(exclude ? { exclude } : {}),
      ...(tree ? { tree } : {}),
      signal: http.signal,
      onProgress,
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
    if (error instanceof PageForbiddenError || error instanceof PageNotFoundError)
      return fail(error.message, 'no-content');
    return fail(`Could not export the page tree: ${(error as Error).message}`);
  }
}
