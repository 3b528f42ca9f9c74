import type { Page } from '@playwright/test';
import { pageByTitle } from '../sample-confluence/content/registry';
import { exportedFile, type ExtensionHarness } from './harness/extension';
import { expect, test, type Sample, type SampleSite } from './harness/sample';

/** The outcome fields Save to Confluence adds (the harness's type knows the download part). */
interface AttachOutcome {
  ok: boolean;
  value?: {
    fileName: string;
    warnings: { kind?: string; message: string }[];
    attachment?: { attachmentId: string; fileName: string; version: number };
  };
}

async function enableSaveToConfluence(ext: ExtensionHarness): Promise<void> {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByTestId('pref-attachToPage').check();
  await expect(options.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
}

async function openPage(ext: ExtensionHarness, sample: Sample, site: SampleSite, title: string) {
  const tab = await ext.context.newPage();
  await tab.goto(sample.loginUrl(site));
  await tab.goto(sample.pageUrl(site, title));
  await tab.bringToFront();
  return tab;
}

/** The attachment's bytes as Confluence serves them (Cloud: 302 to the media origin, followed). */
async function uploadedBytes(
  tab: Page,
  sample: Sample,
  site: SampleSite,
  pageId: number,
  fileName: string,
): Promise<Uint8Array> {
  const prefix = site === 'dc' ? sample.dcUrl : `${sample.cloudUrl}/wiki`;
  const res = await tab
    .context()
    .request.get(`${prefix}/download/attachments/${pageId}/${encodeURIComponent(fileName)}`);
  expect(res.status()).toBe(200);
  return new Uint8Array(await res.body());
}

/** Version numbers of the page's attachments of that name, from the REST listing. */
async function listedVersion(
  tab: Page,
  sample: Sample,
  site: SampleSite,
  pageId: number,
  fileName: string,
): Promise<number[]> {
  const prefix = site === 'dc' ? sample.dcUrl : `${sample.cloudUrl}/wiki`;
  const res = await tab
    .context()
    .request.get(
      `${prefix}/rest/api/content/${pageId}/child/attachment?filename=${encodeURIComponent(fileName)}&expand=version`,
    );
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { results: { version?: { number: number } }[] };
  return body.results.map((r) => r.version?.number ?? 0);
}

for (const site of ['dc', 'cloud'] as const) {
  test(`${site}: Save to Confluence uploads the downloaded PDF to the page; a second export is version 2`, async ({
    ext,
    sample,
  }) => {
    const title = 'Release 2.0.3';
    const pageId = pageByTitle(title)?.id ?? 0;
    await enableSaveToConfluence(ext);
    const tab = await openPage(ext, sample, site, title);

    const first = exportedFile(await ext.exportViaAction(tab));
    const value = first.value as AttachOutcome['value'];
    expect(value?.warnings).toEqual([]);
    expect(value?.attachment).toMatchObject({ fileName: `${title}.pdf`, version: 1 });
    const stored = await uploadedBytes(tab, sample, site, pageId, `${title}.pdf`);
    expect(Buffer.from(stored).equals(Buffer.from(first.file.bytes))).toBe(true);
    expect(await listedVersion(tab, sample, site, pageId, `${title}.pdf`)).toEqual([1]);

    const second = exportedFile(await ext.exportViaAction(tab));
    expect((second.value as AttachOutcome['value'])?.attachment?.version).toBe(2);
    const stored2 = await uploadedBytes(tab, sample, site, pageId, `${title}.pdf`);
    expect(Buffer.from(stored2).equals(Buffer.from(second.file.bytes))).toBe(true);
    expect(await listedVersion(tab, sample, site, pageId, `${title}.pdf`)).toEqual([2]);
    // Every upload went to the page's own site.
    expect(ext.foreignRequests(sample.origins)).toEqual([]);
  });
}

test('dc: where Confluence forbids the upload (403) the PDF is still downloaded and the outcome says why', async ({
  ext,
  sample,
}) => {
  await enableSaveToConfluence(ext);
  const tab = await openPage(ext, sample, 'dc', 'Data Retention Policy');
  const { value, file } = exportedFile(await ext.exportViaAction(tab));
  expect(file.fileName).toBe('Data Retention Policy.pdf');
  expect(file.bytes.length).toBeGreaterThan(1000);
  expect((value as AttachOutcome['value'])?.attachment).toBeUndefined();
  const warnings = value.warnings.filter((w) => w.kind === 'attach-failed');
  expect(warnings).toEqual([
    expect.objectContaining({ message: expect.stringMatching(/Not saved to Confluence.*403/) }),
  ]);
  const tooltip = await ext.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const [active] = await api.tabs.query({ active: true, currentWindow: true });
    return api.action.getTitle({ tabId: active?.id ?? -1 });
  });
  expect(tooltip).toContain('Not saved to Confluence');
});
