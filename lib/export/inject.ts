import { CONTENT_JOB_KEY, storeContentJob, type ContentJob } from '../messaging/content-job';
import type { PageSnapshot } from '../messaging/protocol';
import { decodeSnapshot } from '../messaging/snapshot-wire';

/**
 * Runs the content script in a tab with a job and returns what its `main()` resolved to.
 * Works only where the user granted access (activeTab after a click, or a self-hosted site).
 */
export async function runContentJob(
  tabId: number,
  job: ContentJob,
): Promise<PageSnapshot | undefined> {
  await browser.scripting.executeScript({
    target: { tabId },
    func: storeContentJob,
    args: [CONTENT_JOB_KEY, job],
  });
  const [injection] = await browser.scripting.executeScript({
    target: { tabId },
    files: ['/content-scripts/content.js'],
  });
  return decodeSnapshot(injection?.result);
}
