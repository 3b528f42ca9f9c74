import { snapshotOpenPage } from '../lib/confluence/snapshot-page';
import { takeContentJob } from '../lib/messaging/content-job';
import { fail, type PageSnapshot } from '../lib/messaging/protocol';
import { encodeSnapshot } from '../lib/messaging/snapshot-wire';
import { runSubtreeSession } from '../lib/panel/subtree-session';

/**
 * Injected on demand (activeTab + scripting) when the user exports; `main()`'s value is what
 * `scripting.executeScript` hands back to the background. Never declared for any site.
 */
export default defineContentScript({
  matches: ['https://offprint.invalid/*'],
  registration: 'runtime',
  async main(): Promise<string> {
    return encodeSnapshot(await snapshot());
  },
});

async function snapshot(): Promise<PageSnapshot> {
  const job = takeContentJob();
  try {
    switch (job.kind) {
      case 'open-page':
        return await snapshotOpenPage(document, location.href, {
          maxImagePixels: job.maxImagePixels,
          concurrency: 4,
        });
      case 'subtree':
        return await runSubtreeSession(job);
    }
  } catch (error) {
    return fail(`Could not read this page: ${(error as Error).message}`);
  }
}
