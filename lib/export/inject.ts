import {
  CONTENT_JOB_KEY,
  storeContentJob,
  type ContentJob,
  type ReadJob,
  type SearchJob,
  type UploadJob,
} from '../messaging/content-job';
import type { AttachedPdf } from '../confluence/attach-pdf';
import type { SearchAnswer } from '../confluence/search-job';
import { fail, type Result } from '../messaging/protocol';
import { decodeSnapshot, type WireSnapshot } from '../messaging/snapshot-wire';

/**
 * Runs the content script in a tab with a job and returns what its `main()` resolved to.
 * Works only where the user granted access (activeTab after a click, or a self-hosted site).
 */
export async function runContentJob(
  tabId: number,
  job: ReadJob,
): Promise<Result<WireSnapshot> | undefined> {
  return decodeSnapshot(await inject(tabId, job));
}

/** Save to Confluence: the content script uploads the PDF from the tab (its origin, its cookies). */
export async function runUploadJob(tabId: number, job: UploadJob): Promise<Result<AttachedPdf>> {
  const result = await inject(tabId, job);
  if (typeof result !== 'string') return fail('The page did not answer the upload.');
  return JSON.parse(result) as Result<AttachedPdf>;
}

/** Export by search: the content script runs the CQL search on the tab's site. */
export async function runSearchJob(tabId: number, job: SearchJob): Promise<Result<SearchAnswer>> {
  const result = await inject(tabId, job);
  if (typeof result !== 'string') return fail('The page did not answer the search.');
  return JSON.parse(result) as Result<SearchAnswer>;
}

async function inject(tabId: number, job: ContentJob): Promise<unknown> {
  await browser.scripting.executeScript({
    target: { tabId },
    func: storeContentJob,
    args: [CONTENT_JOB_KEY, job],
  });
  const [injection] = await browser.scripting.executeScript({
    target: { tabId },
    files: ['/content-scripts/content.js'],
  });
  return injection?.result;
}
