import type { Page } from '@playwright/test';
import { exported, type ExtensionHarness } from './harness/extension';
import { expect, test, type Sample } from './harness/sample';

/** A page whose export takes several seconds (a 5 MB paragraph), to act on it mid-way. */
async function openSlowPage(ext: ExtensionHarness, sample: Sample): Promise<Page> {
  const tab = await ext.context.newPage();
  await tab.goto(sample.loginUrl('dc'));
  await tab.goto(`${sample.dcUrl}/hostile/huge-text-node`);
  return tab;
}

interface JobView {
  state: string;
  phase: string;
}

async function jobOf(ext: ExtensionHarness, worker = ext.worker): Promise<JobView | undefined> {
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const jobs = (await api.storage.session.get('offprintJobs'))['offprintJobs'] as
      Record<string, JobView> | undefined;
    return Object.values(jobs ?? {})[0];
  });
}

test('the popup shows a running export live; closing it does not stop the export', async ({
  ext,
  sample,
}) => {
  const tab = await openSlowPage(ext, sample);
  await ext.clickAction(tab);
  await expect.poll(async () => (await jobOf(ext))?.state).toBe('running');

  // While the export runs, the toolbar button shows the progress popup instead of exporting again.
  const tabId = await ext.tabIdOf(tab);
  const popupPath = await ext.worker.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    return api.action.getPopup({ tabId: id });
  }, tabId);
  expect(popupPath).toContain('/progress.html');
  // Headless Chromium draws no toolbar popup: the same page is opened for that tab instead.
  const popup = await ext.context.newPage();
  await popup.goto(`${popupPath}?tab=${tabId}`);
  await expect(popup.getByTestId('job')).toHaveAttribute('data-state', 'running');
  await expect(popup.getByTestId('job-phase')).toContainText(/Reading|Building|Saving/);
  await popup.close();

  const { downloadId } = exported(await ext.waitForExport(undefined, 120_000));
  const file = await ext.waitForDownload(downloadId);
  expect(file.bytes.length).toBeGreaterThan(1000);
  expect((await jobOf(ext))?.state).toBe('done');
});

test('Cancel in the popup stops the export and nothing is downloaded', async ({ ext, sample }) => {
  const tab = await openSlowPage(ext, sample);
  await ext.clickAction(tab);
  await expect.poll(async () => (await jobOf(ext))?.state).toBe('running');
  const tabId = await ext.tabIdOf(tab);
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/progress.html?tab=${tabId}`);
  await popup.getByTestId('job-cancel').click();
  const outcome = await ext.waitForExport(undefined, 120_000);
  expect(outcome).toMatchObject({ ok: false, code: 'cancelled' });
  expect((await jobOf(ext))?.state).toBe('cancelled');
  const downloads = await ext.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    return (await api.downloads.search({})).length;
  });
  expect(downloads).toBe(0);
});

test('a service-worker restart mid-export ends with a clear "interrupted" message', async ({
  ext,
  sample,
}) => {
  const tab = await openSlowPage(ext, sample);
  await ext.clickAction(tab);
  await expect.poll(async () => (await jobOf(ext))?.state).toBe('running');
  const tabId = await ext.tabIdOf(tab);

  const extensionPage = await ext.restartServiceWorker();
  const seen = (): Promise<{ job?: JobView; badge: string; title: string }> =>
    extensionPage.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
      const jobs = (await api.storage.session.get('offprintJobs'))['offprintJobs'] as
        Record<string, JobView> | undefined;
      return {
        ...(jobs?.[id] ? { job: jobs[id] } : {}),
        badge: await api.action.getBadgeText({ tabId: id }),
        title: await api.action.getTitle({ tabId: id }),
      };
    }, tabId);
  await expect.poll(async () => (await seen()).job?.state, { timeout: 30_000 }).toBe('failed');
  const after = await seen();
  expect(after.job?.phase).toBe('Export interrupted, start again');
  expect(after.badge).toBe('!');
  expect(after.title).toContain('export interrupted, start again');
});
