import { runSubtreeJob, type SubtreeChoice, type SubtreeJob } from '../confluence/subtree-job';
import type { SubtreeProgress, TreeNode } from '../confluence/snapshot-subtree';
import type { BackgroundRequest, PageSnapshot, TabMessage } from '../messaging/protocol';
import { ExportPanel } from './export-panel';

const PHASES: Record<SubtreeProgress['phase'], string> = {
  walking: 'Finding pages',
  pages: 'Reading pages',
  images: 'Loading images',
};

/**
 * A subtree export as the user sees it in the page: the panel shows progress and Cancel, the
 * walk runs through REST, and the background is told how far it got (for the popup).
 */
export async function runSubtreeSession(job: SubtreeJob): Promise<PageSnapshot> {
  const panel = new ExportPanel(document, 'Offprint: export page tree');
  const controller = new AbortController();
  panel.onCancel(() => {
    controller.abort();
    const request: BackgroundRequest = { target: 'background', type: 'cancel-export' };
    void browser.runtime.sendMessage(request).catch(() => undefined);
  });
  const onMessage = (message: unknown): undefined => {
    if ((message as TabMessage | null)?.target === 'content') controller.abort();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  panel.progress('Finding pages');
  let lastReport = 0;
  try {
    const choose = async (tree: TreeNode, pages: number): Promise<SubtreeChoice | undefined> => {
      const choice = await panel.pick(tree, pages);
      if (choice) panel.progress('Reading pages');
      return choice;
    };
    const snapshot = await runSubtreeJob(
      job,
      document,
      location.href,
      controller.signal,
      (p) => {
        panel.progress(PHASES[p.phase], p.done, p.total);
        // The popup needs no more than a few updates a second.
        if (Date.now() - lastReport > 250 || p.done === p.total) {
          lastReport = Date.now();
          const request: BackgroundRequest = {
            target: 'background',
            type: 'progress',
            phase: PHASES[p.phase],
            done: p.done,
            total: p.total,
          };
          void browser.runtime.sendMessage(request).catch(() => undefined);
        }
      },
      choose,
    );
    if (controller.signal.aborted || (!snapshot.ok && snapshot.code === 'cancelled')) {
      panel.done('Export cancelled. Nothing was saved.', []);
      return { ok: false, error: 'Export cancelled.', code: 'cancelled' };
    }
    if (!snapshot.ok) panel.error(snapshot.error);
    else {
      const skipped = snapshot.value.warnings.filter((w) => w.kind === 'page-skipped');
      panel.done(
        `${snapshot.value.pages.length} pages read. Building the PDF; your browser will save it.`,
        skipped.map((w) => w.message),
      );
    }
    return snapshot;
  } finally {
    browser.runtime.onMessage.removeListener(onMessage);
  }
}
