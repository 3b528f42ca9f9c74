import { dirname } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ARCHIVE_PAGES, ARCHIVE_ROOT_TITLE } from '../sample-confluence/content/pages-archive';
import { childrenOf, pageById, pageByTitle } from '../sample-confluence/content/registry';
import type { PdfOutlineItem } from '../helpers/read-pdf';
import { qpdfCheck, readPdf, squash } from '../helpers/read-pdf';
import { exported, type ExtensionHarness, type ExportOutcome } from './harness/extension';
import { sampleExtensionMemory } from './harness/proc-memory';
import { expect, test, type Sample, type SampleSite } from './harness/sample';

/**
 * Subtree exports start from the context menu, which headless Chromium cannot open. The menu's
 * handler is what runs here, through the service worker, on a tab where the user has pressed the
 * toolbar button (the same activeTab grant the menu click gives).
 */
async function exportSubtree(
  ext: ExtensionHarness,
  tab: Page,
  pick?: (panel: Locator) => Promise<void>,
): Promise<ExportOutcome> {
  await ext.exportViaAction(tab);
  const running = startSubtree(ext, await ext.tabIdOf(tab));
  // Large trees are offered to the page picker before anything is fetched.
  if (pick) await pick(tab.locator('offprint-export-panel'));
  return running;
}

/** The context menu's handler, run in the service worker for this tab. */
function startSubtree(ext: ExtensionHarness, tabId: number): Promise<ExportOutcome> {
  return ext.worker.evaluate(
    (id) =>
      (
        globalThis as unknown as { offprint: { exportSubtree(id: number): Promise<unknown> } }
      ).offprint.exportSubtree(id) as Promise<ExportOutcome>,
    tabId,
  );
}

const exportEverything = async (panel: Locator): Promise<void> => {
  await panel.getByTestId('tree').waitFor();
  await panel.getByTestId('export').click();
};

async function openPage(
  ext: ExtensionHarness,
  sample: Sample,
  site: SampleSite,
  title: string,
): Promise<Page> {
  const tab = await ext.context.newPage();
  await tab.goto(sample.loginUrl(site));
  await tab.goto(sample.pageUrl(site, title));
  return tab;
}

/** The sample's tree under a page, depth first, as Confluence orders children; restricted pages left out. */
function expectedTree(rootTitle: string): { title: string; parent?: string }[] {
  const root = pageByTitle(rootTitle);
  if (!root) throw new Error(rootTitle);
  const out: { title: string; parent?: string }[] = [{ title: root.title }];
  const walk = (id: number): void => {
    for (const child of childrenOf(id)) {
      if (child.restricted) continue;
      out.push({ title: child.title, parent: pageById(id)?.title ?? '' });
      walk(child.id);
    }
  };
  walk(root.id);
  return out;
}

/** Every outline item with the titles of its ancestors. */
function flattenOutline(
  items: readonly PdfOutlineItem[],
  path: string[] = [],
): { title: string; path: string[]; page?: number }[] {
  return items.flatMap((item) => [
    { title: item.title, path, ...(item.destPage ? { page: item.destPage } : {}) },
    ...flattenOutline(item.items, [...path, item.title]),
  ]);
}

for (const site of ['dc', 'cloud'] as const) {
  test(`${site}: a subtree exports in tree order with nested bookmarks, a linked TOC and an appendix of skipped pages`, async ({
    ext,
    sample,
  }) => {
    const tab = await openPage(ext, sample, site, 'Documentation Home');
    ext.requests.length = 0;
    const { downloadId } = exported(await exportSubtree(ext, tab, exportEverything));
    const file = await ext.waitForDownload(downloadId);
    expect(file.fileName).toBe('Documentation Home (subtree).pdf');
    const pdf = await readPdf(file.bytes);

    const tree = expectedTree('Documentation Home');
    expect(tree.length).toBeGreaterThanOrEqual(40);
    const outline = flattenOutline(pdf.outline);
    const pageItems = tree.map((node) => outline.find((item) => item.title === node.title));
    // Every page is bookmarked, under its parent page's bookmark, in tree order.
    expect(tree.filter((_, i) => !pageItems[i]).map((node) => node.title)).toEqual([]);
    tree.forEach((node, i) => {
      if (node.parent) expect(pageItems[i]?.path, node.title).toContain(node.parent);
    });
    const startPages = pageItems.map((item) => item?.page ?? 0);
    expect(startPages).toEqual([...startPages].sort((a, b) => a - b));

    // The table of contents links to the page each title starts on.
    const contentsStart = pdf.pages.find((p) => p.text.includes('Contents'))?.number ?? 0;
    expect(contentsStart).toBeGreaterThan(0);
    const tocPages = pdf.pages.filter(
      (p) => p.number >= contentsStart && p.number < (startPages[0] ?? 0),
    );
    const tocTargets = new Set(
      tocPages.flatMap((p) => p.links.map((l) => l.destPage)).filter(Boolean),
    );
    for (const page of startPages) expect(tocTargets.has(page)).toBe(true);

    // A link between two exported pages jumps inside the PDF.
    const sinkPage = pageItems[tree.findIndex((n) => n.title === 'Kitchen Sink')]?.page ?? 0;
    const archPage =
      pageItems[tree.findIndex((n) => n.title === 'Architecture Overview')]?.page ?? 0;
    const internal = pdf.pages
      .filter((p) => p.number >= sinkPage)
      .flatMap((p) => p.links)
      .filter((l) => l.destPage === archPage);
    expect(internal.length).toBeGreaterThan(0);

    // Attachments are embedded (on Cloud they arrive through a redirect to the media origin).
    const sinkEnd =
      pageItems[tree.findIndex((n) => n.title === 'Kitchen Sink') + 1]?.page ?? pdf.pages.length;
    const sinkImages = pdf.pages
      .filter((p) => p.number >= sinkPage && p.number < sinkEnd)
      .reduce((sum, p) => sum + p.imageCount, 0);
    expect(sinkImages).toBeGreaterThanOrEqual(3);

    // The restricted page is named in the "Not exported" appendix, with why.
    const appendix = pdf.pages.at(-1)?.text ?? '';
    expect(appendix).toContain('Not exported');
    expect(squash(appendix)).toContain(squash('Security Incident Postmortem 2024-03'));

    expect(ext.foreignRequests(sample.origins)).toEqual([]);
  });
}

test('the page picker leaves out unticked branches and pages below the depth limit', async ({
  ext,
  sample,
}) => {
  const tab = await openPage(ext, sample, 'dc', 'Documentation Home');
  const outcome = await exportSubtree(ext, tab, async (panel) => {
    const tree = panel.getByTestId('tree');
    await tree.waitFor();
    expect(await tree.locator('input[type=checkbox]').count()).toBeGreaterThan(25);
    await tree.getByRole('checkbox', { name: 'Release Notes' }).uncheck();
    await panel.getByTestId('depth').selectOption('1');
    await panel.getByTestId('export').click();
  });
  const { downloadId } = exported(outcome);
  const pdf = await readPdf((await ext.waitForDownload(downloadId)).bytes);
  const titles = flattenOutline(pdf.outline).map((item) => item.title);
  expect(titles).toContain('Engineering Handbook');
  expect(titles).toContain('Kitchen Sink');
  expect(titles).not.toContain('Release Notes');
  expect(titles).not.toContain('Release 2.0.0');
  // Depth 1: the home page's children, not its grandchildren.
  expect(titles).not.toContain('Architecture Overview');
});

test('an export under injected 429s and 500s gives the same PDF text and outline', async ({
  ext,
  sample,
}) => {
  const tab = await openPage(ext, sample, 'cloud', 'Engineering Handbook');
  const clean = exported(await exportSubtree(ext, tab));
  sample.setFaults({ rate429Every: 3, retryAfterSeconds: 1, error500Every: 5 });
  try {
    const faulty = exported(await exportSubtree(ext, tab));
    const a = await readPdf((await ext.waitForDownload(clean.downloadId)).bytes);
    const b = await readPdf((await ext.waitForDownload(faulty.downloadId)).bytes);
    expect(a.text).toContain('Engineering Handbook');
    expect(b.text).toBe(a.text);
    expect(b.outline).toEqual(a.outline);
  } finally {
    sample.setFaults({});
  }
});

test('Cancel in the page panel stops a subtree export within a second and leaves no download', async ({
  ext,
  sample,
}) => {
  const tab = await openPage(ext, sample, 'dc', 'Documentation Home');
  await ext.exportViaAction(tab);
  const before = await ext.nextDownloadId(-1);
  // Slow the walk down so there is something to cancel.
  sample.setFaults({ rate429Every: 2, retryAfterSeconds: 2 });
  try {
    const running = startSubtree(ext, await ext.tabIdOf(tab));
    const cancel = tab.locator('offprint-export-panel').getByTestId('cancel');
    await cancel.waitFor();
    const clicked = Date.now();
    await cancel.click();
    const outcome = await running;
    expect(Date.now() - clicked).toBeLessThan(1000);
    expect(outcome).toMatchObject({ ok: false, code: 'cancelled' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await ext.nextDownloadId(before, 100).catch(() => 'none')).toBe('none');
  } finally {
    sample.setFaults({});
  }
});

test('a 158-page subtree (Project Archive, three levels, paginated listings) exports completely', async ({
  ext,
  sample,
}) => {
  test.setTimeout(600_000);
  expect(ARCHIVE_PAGES.length).toBeGreaterThanOrEqual(150);
  const tab = await openPage(ext, sample, 'dc', ARCHIVE_ROOT_TITLE);
  // The profile folder holds the downloads folder (see ExtensionHarness.launch).
  const memory = sampleExtensionMemory(dirname(ext.downloadDir));
  const started = Date.now();
  const outcome = await exportSubtree(ext, tab, exportEverything);
  const wallMs = Date.now() - started;
  const peakMB = memory.stop();
  const value = exported(outcome);
  const { timings } = value as { timings?: Record<string, number> };
  const pdf = await readPdf((await ext.waitForDownload(value.downloadId)).bytes);
  console.log(
    `${ARCHIVE_PAGES.length}-page subtree: ${pdf.pages.length} PDF pages, ` +
      `${Math.round(value.bytes / 1024)} KiB, ${wallMs} ms from the click, ` +
      `timings ${JSON.stringify(timings)}, extension peak RSS ` +
      (peakMB === undefined ? 'not measured (no /proc)' : `${peakMB} MB`),
  );

  // Page content was compressed on the deflate Worker, in parallel with drawing.
  expect(timings?.['deflatedOffThread']).toBeGreaterThanOrEqual(pdf.pages.length);

  // Every generated page is bookmarked, under its parent's bookmark, in tree order.
  const outline = flattenOutline(pdf.outline);
  const tree = expectedTree(ARCHIVE_ROOT_TITLE);
  expect(tree.map((n) => n.title).sort()).toEqual(ARCHIVE_PAGES.map((p) => p.title).sort());
  const missing = tree.filter((n) => !outline.some((item) => item.title === n.title));
  expect(missing.map((n) => n.title)).toEqual([]);
  for (const node of tree)
    if (node.parent)
      expect(outline.find((item) => item.title === node.title)?.path, node.title).toContain(
        node.parent,
      );
  const starts = tree.map((n) => outline.find((item) => item.title === n.title)?.page ?? 0);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
  // Raster images are image XObjects; the SVG logo is drawn as vector paths.
  expect(pdf.pages.reduce((sum, p) => sum + p.imageCount, 0)).toBeGreaterThanOrEqual(
    ARCHIVE_PAGES.flatMap((p) => p.attachments ?? []).filter((f) => !f.endsWith('.svg')).length,
  );
  expect(ext.foreignRequests(sample.origins)).toEqual([]);
});

test('a long subtree is split into volumes: separate PDFs, together every page once, in tree order', async ({
  ext,
  sample,
}) => {
  test.setTimeout(600_000);
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByTestId('pref-volumePages').fill('60');
  await expect(options.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await options.close();

  const tab = await openPage(ext, sample, 'dc', ARCHIVE_ROOT_TITLE);
  const outcome = await exportSubtree(ext, tab, exportEverything);
  const value = exported(outcome);
  const volumes = value.volumes ?? [];
  expect(volumes.length).toBeGreaterThanOrEqual(2);
  expect(value.downloadId).toBe(volumes[0]?.downloadId);

  const titles: string[] = [];
  for (const [i, volume] of volumes.entries()) {
    const label = `(volume ${i + 1} of ${volumes.length})`;
    const file = await ext.waitForDownload(volume.downloadId);
    expect(file.fileName).toBe(`${ARCHIVE_ROOT_TITLE} (subtree) ${label}.pdf`);
    const check = qpdfCheck(file.bytes);
    expect(check.ok, check.output).toBe(true);
    const pdf = await readPdf(file.bytes);
    console.log(`volume ${i + 1}: ${pdf.pages.length} PDF pages, ${file.bytes.length} bytes`);
    expect(pdf.info.title).toBe(`${ARCHIVE_ROOT_TITLE} ${label}`);
    // Each volume is a document of its own: a table of contents of its pages, within budget
    // (the cut is made on an estimate, see tests/golden/volume-estimate.test.ts).
    expect(pdf.pages[0]?.text).toContain('Contents');
    expect(pdf.pages.length).toBeLessThanOrEqual(90);
    titles.push(...flattenOutline(pdf.outline).map((item) => item.title));
  }
  // Together the volumes hold the whole tree, each page once, in tree order.
  const tree = expectedTree(ARCHIVE_ROOT_TITLE).map((n) => n.title);
  expect(titles.filter((t) => tree.includes(t))).toEqual(tree);
  expect(ext.foreignRequests(sample.origins)).toEqual([]);
});
