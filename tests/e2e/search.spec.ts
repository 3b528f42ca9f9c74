import { PAGES } from '../sample-confluence/content/registry';
import { readPdf, type PdfOutlineItem } from '../helpers/read-pdf';
import type { ExtensionHarness } from './harness/extension';
import { expect, test, type Sample, type SampleSite } from './harness/sample';

/** The sample's pages labelled `release-notes`, by title (numbers as numbers, as the page sorts). */
const RELEASE_TITLES = PAGES.filter((p) => !p.restricted && p.labels?.includes('release-notes'))
  .map((p) => p.title)
  .sort(new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare);

const titlesOf = (items: readonly PdfOutlineItem[]): string[] =>
  items.flatMap((item) => [item.title, ...titlesOf(item.items)]);

/**
 * The search page is opened from the page's context menu, which headless Chromium cannot open:
 * the test opens the page the menu opens, for a tab where the user pressed the toolbar button
 * (the same activeTab grant the menu click gives).
 */
async function openSearch(ext: ExtensionHarness, sample: Sample, site: SampleSite) {
  const tab = await ext.context.newPage();
  await tab.goto(sample.loginUrl(site));
  await tab.goto(sample.pageUrl(site, 'Documentation Home'));
  await ext.exportViaAction(tab);
  const tabId = await ext.tabIdOf(tab);
  const search = await ext.context.newPage();
  await search.goto(`chrome-extension://${ext.extensionId}/search.html?tab=${tabId}`);
  return search;
}

for (const site of ['dc', 'cloud'] as const) {
  test(`${site}: pages found by label export into one PDF in title order`, async ({
    ext,
    sample,
  }) => {
    expect(RELEASE_TITLES.length).toBeGreaterThanOrEqual(12);
    const page = await openSearch(ext, sample, site);
    // Prefilled from the tab's space once the background has asked the tab.
    await expect(page.getByTestId('cql')).toHaveValue('space = DOC and type = page');
    ext.requests.length = 0;

    await page.getByTestId('cql').fill('label = release-notes and space = DOC');
    await page.getByTestId('search').click();
    // More results than one answer holds (25): the search's pages were followed.
    await expect(page.getByTestId('result')).toHaveCount(RELEASE_TITLES.length);
    await page.getByTestId('order').selectOption('title');
    await expect(page.getByTestId('export')).toHaveText(`Export ${RELEASE_TITLES.length} pages`);

    const before = await ext.nextDownloadId(-1).catch(() => 0);
    await page.getByTestId('export').click();
    await expect(page.getByTestId('status')).toContainText('Saved', { timeout: 120_000 });
    const downloadId = await ext.nextDownloadId(before);
    const file = await ext.waitForDownload(downloadId);
    expect(file.fileName).toBe('DOC search.pdf');
    const pdf = await readPdf(file.bytes);
    expect(titlesOf(pdf.outline).filter((t) => t.startsWith('Release '))).toEqual(RELEASE_TITLES);
    expect(pdf.outline.map((item) => item.title)).toEqual(RELEASE_TITLES);
    expect(ext.foreignRequests(sample.origins)).toEqual([]);
  });
}
