import type { Page } from '@playwright/test';
import type { ExtensionHarness } from './harness/extension';
import { readPdf } from '../helpers/read-pdf';
import { expect, test, type Sample } from './harness/sample';

/** The real options page of the loaded extension. */
async function openOptions(ext: ExtensionHarness): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(page.getByTestId('options')).toBeVisible();
  return page;
}

async function saved(options: Page): Promise<void> {
  await expect(options.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
}

/** Exports the sample's Architecture Overview (Data Center) with the toolbar button; the PDF read back. */
async function exportPage(
  ext: ExtensionHarness,
  sample: Sample,
): Promise<Awaited<ReturnType<typeof readPdf>>> {
  const tab = await ext.context.newPage();
  await tab.goto(sample.loginUrl('dc'));
  await tab.goto(sample.pageUrl('dc', 'Architecture Overview'));
  const { outcome, file } = await ext.exportViaAction(tab);
  expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  if (!file) throw new Error('no PDF');
  await tab.close();
  return readPdf(file.bytes);
}

/** The stored preference record, exactly as IndexedDB holds it. */
async function storedRecord(options: Page): Promise<string> {
  return options.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('offprint-prefs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('prefs')) return resolve('none');
          const get = db.transaction('prefs').objectStore('prefs').get('prefs');
          get.onsuccess = () => {
            resolve(JSON.stringify(get.result ?? null));
            db.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

test('page setup: Letter landscape from the options page reaches the PDF', async ({
  ext,
  sample,
}) => {
  const options = await openOptions(ext);
  await options.getByTestId('pref-pageSize').selectOption('LETTER');
  await options.getByTestId('pref-orientation').selectOption('landscape');
  await saved(options);
  const pdf = await exportPage(ext, sample);
  expect(pdf.pages[0]).toMatchObject({ width: 792, height: 612 });
});

test('header and footer: tokens are filled on every page', async ({ ext, sample }) => {
  const options = await openOptions(ext);
  await options.getByTestId('pref-headerTemplate').fill('{space} / {title}');
  await options.getByTestId('pref-footerTemplate').fill('Page {page} of {pages}');
  await saved(options);
  const pdf = await exportPage(ext, sample);
  for (const page of pdf.pages) {
    expect(page.text).toContain('DOC / Architecture Overview');
    expect(page.text).toContain(`Page ${page.number} of ${pdf.pages.length}`);
  }
});

test('watermark: its text is on every page', async ({ ext, sample }) => {
  const options = await openOptions(ext);
  await options.getByTestId('pref-watermarkText').fill('CONFIDENTIAL');
  await saved(options);
  const pdf = await exportPage(ext, sample);
  for (const page of pdf.pages) expect(page.text).toContain('CONFIDENTIAL');
});

test('contents: the table of contents follows the TOC switch', async ({ ext, sample }) => {
  const options = await openOptions(ext);
  const toc = options.getByTestId('pref-toc');
  await toc.check();
  await saved(options);
  const withToc = await exportPage(ext, sample);
  expect(withToc.pages[0]?.text).toContain('Contents');
  await toc.uncheck();
  await saved(options);
  const withoutToc = await exportPage(ext, sample);
  expect(withoutToc.text).not.toContain('Contents');
  expect(withoutToc.pages.length).toBeLessThan(withToc.pages.length);
});

test('a malformed settings file is refused and changes nothing', async ({ ext }) => {
  const options = await openOptions(ext);
  await options.getByTestId('pref-watermarkText').fill('DRAFT');
  await saved(options);
  const before = await storedRecord(options);
  expect(before).toContain('DRAFT');

  await options.getByTestId('import-settings').setInputFiles({
    name: 'offprint-settings.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"kind":"offprint-preferences","version":2,"values":{"pageSize":"A9"'),
  });
  const status = options.getByTestId('settings-file-status');
  await expect(status).toHaveAttribute('data-kind', 'error');
  await expect(status).not.toBeEmpty();
  expect(await storedRecord(options)).toBe(before);
  await expect(options.getByTestId('pref-watermarkText')).toHaveValue('DRAFT');
});
