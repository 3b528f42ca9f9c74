import type { Warning } from '../model/types';
import { fail, ok, type BuiltPdf, type PageSnapshot, type Result } from '../messaging/protocol';
import { DEFAULT_PREFS, type Prefs } from '../prefs/schema';
import { pdfFileName } from './file-name';
import { runContentJob } from './inject';

export interface ExportOutcome {
  fileName: string;
  downloadId: number;
  bytes: number;
  warnings: Warning[];
}

/** Builds the PDF bytes somewhere with a DOM and returns a `blob:` URL (offscreen doc or page). */
export type PdfBuilder = (
  snapshot: Extract<PageSnapshot, { ok: true }>['value'],
  prefs: Prefs,
) => Promise<Result<BuiltPdf>>;

/** Toolbar export: read the open tab, build its PDF, hand it to the browser's downloads. */
export async function exportOpenPage(
  tabId: number,
  buildPdf: PdfBuilder,
  releaseUrl: (url: string) => Promise<void>,
): Promise<Result<ExportOutcome>> {
  let snapshot: PageSnapshot | undefined;
  try {
    snapshot = await runContentJob(tabId, { kind: 'open-page' });
  } catch (error) {
    // Chrome refuses injection into chrome://, the Web Store, PDF viewers, ... — not Confluence.
    return fail(`Offprint cannot read this tab: ${(error as Error).message}`, 'not-confluence');
  }
  if (!snapshot) return fail('The page did not answer; reload it and try again.');
  if (!snapshot.ok) return snapshot;

  const prefs = DEFAULT_PREFS;
  const built = await buildPdf(snapshot.value, prefs);
  if (!built.ok) return built;
  const fileName = pdfFileName(snapshot.value.title);
  try {
    const downloadId = await browser.downloads.download({
      url: built.value.url,
      filename: fileName,
      saveAs: false,
      conflictAction: 'uniquify',
    });
    void waitForDownload(downloadId).finally(() => releaseUrl(built.value.url));
    return ok({ fileName, downloadId, bytes: built.value.bytes, warnings: built.value.warnings });
  } catch (error) {
    await releaseUrl(built.value.url);
    return fail(`The browser refused the download: ${(error as Error).message}`);
  }
}

function waitForDownload(id: number): Promise<void> {
  return new Promise((resolve) => {
    const listener = (delta: Browser.downloads.DownloadDelta): void => {
      const state = delta.state?.current;
      if (delta.id === id && (state === 'complete' || state === 'interrupted')) {
        browser.downloads.onChanged.removeListener(listener);
        resolve();
      }
    };
    browser.downloads.onChanged.addListener(listener);
  });
}
