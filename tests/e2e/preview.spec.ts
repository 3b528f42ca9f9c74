import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { exported } from './harness/extension';
import { expect, test } from './harness/sample';

/**
 * SHA-256 of the PDF the preview tab shows, fetched as the preview fetches it: its token (the
 * URL's hash) asked of the background, then the PDF's URL read.
 */
async function shownDigest(preview: Page): Promise<string> {
  return preview.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const answer = (await api.runtime.sendMessage({
      target: 'background',
      type: 'preview-get',
      token: location.hash.slice(1),
    })) as { ok: true; value: { url: string } } | { ok: false; error: string };
    if (!answer.ok) throw new Error(answer.error);
    const bytes = await (await fetch(answer.value.url)).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  });
}

test('preview before download: pages, thumbnails and outline shown; Download saves the same bytes', async ({
  ext,
  sample,
}) => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByTestId('pref-previewBeforeDownload').check();
  await expect(options.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  const tab = await ext.context.newPage();
  await tab.goto(sample.loginUrl('cloud'));
  await tab.goto(sample.pageUrl('cloud', 'Kitchen Sink'));
  const previewOpened = ext.context.waitForEvent('page');
  const { outcome, file } = await ext.exportViaAction(tab);
  // A preview downloads nothing until asked.
  expect(exported(outcome).downloadId).toBeUndefined();
  expect(file).toBeUndefined();

  const preview = await previewOpened;
  expect(preview.url()).toMatch(new RegExp(`^chrome-extension://${ext.extensionId}/preview.html#`));
  const app = preview.getByTestId('preview-app');
  await expect(app).toHaveAttribute('data-pages', /^\d+$/);
  const pages = Number(await app.getAttribute('data-pages'));
  expect(pages).toBeGreaterThan(1);
  await expect(preview.getByTestId('page')).toHaveAttribute('data-rendered', 'true');
  await expect(preview.getByTestId('thumbnail')).toHaveCount(pages);
  await expect(preview.getByTestId('outline-item').first()).toBeVisible();
  expect(await preview.getByTestId('outline-item').allTextContents()).toContain('Tables');

  // An outline entry jumps to its page.
  await preview.getByTestId('outline-item').filter({ hasText: 'Images' }).first().click();
  await expect(preview.getByTestId('page-number')).not.toHaveText('Page 1 of ' + pages);

  const before = await ext.nextDownloadId(-1).catch(() => 0);
  await preview.getByTestId('download').click();
  const downloadId = await ext.nextDownloadId(before);
  const saved = await ext.waitForDownload(downloadId);
  expect(saved.fileName).toBe('Kitchen Sink.pdf');
  const digest = createHash('sha256').update(saved.bytes).digest('hex');
  expect(digest).toBe(await shownDigest(preview));
});
