import { attachPdf, type AttachedPdf } from '../lib/confluence/attach-pdf';
import { identifyPage } from '../lib/confluence/page-identity';
import { runPagesJob, runSearchJob } from '../lib/confluence/search-job';
import { snapshotOpenPage } from '../lib/confluence/snapshot-page';
import { takeContentJob, type ReadJob, type UploadJob } from '../lib/messaging/content-job';
import { base64ToPdfBlob } from '../lib/messaging/pdf-bytes';
import { fail, type PageSnapshot, type Result, type TabMessage } from '../lib/messaging/protocol';
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
    const job = takeContentJob();
    if (job.kind === 'upload') return JSON.stringify(await upload(job));
    if (job.kind === 'search')
      return JSON.stringify(await runSearchJob(job, document, location.href));
    return encodeSnapshot(await snapshot(job), job.kind === 'open-page' ? undefined : job.volumes);
  },
});

/** Save to Confluence: the tab's own origin and session, so Confluence sees the user. */
async function upload(job: UploadJob): Promise<Result<AttachedPdf>> {
  const identity = identifyPage(document, location.href);
  if (!identity) return fail('This tab no longer shows the Confluence page.');
  return attachPdf(identity.siteBase, job.pageId, job.fileName, base64ToPdfBlob(job.pdfBase64));
}

async function snapshot(job: ReadJob): Promise<PageSnapshot> {
  try {
    switch (job.kind) {
      case 'open-page':
        return await snapshotOpenPage(document, location.href, {
          maxImagePixels: job.maxImagePixels,
          concurrency: 4,
        });
      case 'subtree':
        return await runSubtreeSession(job);
      case 'pages': {
        const cancel = listenForCancel();
        try {
          return await runPagesJob(job, document, location.href, cancel.signal);
        } finally {
          cancel.stop();
        }
      }
    }
  } catch (error) {
    return fail(`Could not read this page: ${(error as Error).message}`);
  }
}

/** A signal aborted when the background says the user cancelled (popup); `stop` unhooks it. */
function listenForCancel(): { signal: AbortSignal; stop: () => void } {
  const controller = new AbortController();
  const onMessage = (message: unknown): undefined => {
    if ((message as TabMessage | null)?.target === 'content') controller.abort();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return {
    signal: controller.signal,
    stop: () => browser.runtime.onMessage.removeListener(onMessage),
  };
}
