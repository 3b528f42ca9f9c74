import type { AttachedPdf } from '../confluence/attach-pdf';
import type { ReadJob } from '../messaging/content-job';
import type { ExportModel, Warning } from '../model/types';
import {
  fail,
  ok,
  type BuildPhases,
  type BuiltPdf,
  type PageSnapshot,
  type PreviewInfo,
  type Result,
} from '../messaging/protocol';
import type { Prefs } from '../prefs/schema';
import { fillFileNameTemplate } from '../prefs/format';
import { pdfFileName } from './file-name';
import { runContentJob, runUploadJob } from './inject';
import { waitForDownload } from './wait-for-download';

export interface ExportOutcome {
  fileName: string;
  /** Absent when the PDF went to a preview tab instead of the downloads. */
  downloadId?: number;
  bytes: number;
  warnings: Warning[];
  timings: ExportTimings;
  /** Save to Confluence: the attachment the PDF became (absent when off or when it failed). */
  attachment?: AttachedPdf;
}

/**
 * Milliseconds per phase of one export (read + assets in the tab, layout + build where the PDF
 * is built). `deliver` (PDF built -> download complete) and `total` are filled in when the
 * download completes, on this same object.
 */
export interface ExportTimings extends Partial<BuildPhases> {
  read?: number;
  assets?: number;
  layout?: number;
  build?: number;
  deliver?: number;
  total?: number;
}

/** Builds the PDF bytes somewhere with a DOM and returns a `blob:` URL (offscreen doc or page). */
export type PdfBuilder = (
  snapshot: Extract<PageSnapshot, { ok: true }>['value'],
  prefs: Prefs,
) => Promise<Result<BuiltPdf>>;

export interface ExportRun {
  tabId: number;
  job: ReadJob;
  prefs: Prefs;
  buildPdf: PdfBuilder;
  /** Gets the builder ready while the tab is read (best effort: a failure shows in the build). */
  warmBuilder?: () => Promise<void>;
  releaseUrl: (url: string) => Promise<void>;
  /** Shows the PDF in a preview tab instead of downloading it (the preview preference). */
  openPreview: (info: PreviewInfo) => Promise<void>;
  /** Aborted when the user cancels: nothing is downloaded and the PDF is dropped. */
  signal: AbortSignal;
  onPhase: (phase: string) => Promise<void>;
  /** The built PDF's bytes as base64, for Save to Confluence (the `attachToPage` preference). */
  readPdf?: (url: string) => Promise<Result<string>>;
}

const cancelled = <T>(): Result<T> => fail('Export cancelled.', 'cancelled');

/**
 * One export, whatever started it: the content script reads the tab (the open page, or a subtree
 * through REST), the PDF is built where there is a DOM, and the browser downloads it.
 */
export async function runExport({
  tabId,
  job,
  prefs,
  buildPdf,
  warmBuilder,
  releaseUrl,
  openPreview,
  signal,
  onPhase,
  readPdf,
}: ExportRun): Promise<Result<ExportOutcome>> {
  const started = performance.now();
  void warmBuilder?.().catch(() => undefined);
  let snapshot: PageSnapshot | undefined;
  try {
    await onPhase(
      job.kind === 'subtree'
        ? 'Reading the page tree'
        : job.kind === 'pages'
          ? 'Reading the pages'
          : 'Reading the page',
    );
    snapshot = await runContentJob(tabId, job);
  } catch (error) {
    // Chrome refuses injection into chrome://, the Web Store, PDF viewers, ... — not Confluence.
    return fail(`Offprint cannot read this tab: ${(error as Error).message}`, 'not-confluence');
  }
  if (!snapshot) return fail('The page did not answer; reload it and try again.');
  if (!snapshot.ok) return snapshot;
  if (signal.aborted) return cancelled();

  await onPhase(
    `Building the PDF (${snapshot.value.pages.length} page${snapshot.value.pages.length === 1 ? '' : 's'})`,
  );
  const built = await buildPdf(snapshot.value, prefs);
  if (!built.ok) return built;
  if (signal.aborted) {
    await releaseUrl(built.value.url);
    return cancelled();
  }
  await onPhase('Saving');
  const builtAt = performance.now();
  const timings: ExportTimings = { ...snapshot.value.timings, ...built.value.timings };
  const model = snapshot.value;
  const fileName = pdfFileName(
    fillFileNameTemplate(prefs.fileNameTemplate, {
      title: exportTitle(model, job),
      space: model.pages[0]?.spaceKey ?? '',
      date: new Date(),
    }),
  );
  // Read before the download can finish and release the URL; uploaded once the download started.
  const pdfBase64 =
    // A search's pages have no one page to attach their PDF to.
    prefs.attachToPage && readPdf && model.pages[0] && job.kind !== 'pages'
      ? await readPdf(built.value.url)
      : undefined;
  const attach = async (outcome: ExportOutcome): Promise<Result<ExportOutcome>> => {
    const pageId = model.pages[0]?.id;
    if (!pdfBase64 || !pageId) return ok(outcome);
    await onPhase('Saving to Confluence');
    const attached = pdfBase64.ok
      ? await runUploadJob(tabId, {
          kind: 'upload',
          pageId,
          fileName,
          pdfBase64: pdfBase64.value,
        }).catch((error: unknown) => fail<AttachedPdf>((error as Error).message))
      : pdfBase64;
    if (attached.ok) return ok({ ...outcome, attachment: attached.value });
    const warning: Warning = {
      pageId,
      kind: 'attach-failed',
      message: `Not saved to Confluence (the PDF was downloaded): ${attached.error}`,
    };
    return ok({ ...outcome, warnings: [...outcome.warnings, warning] });
  };
  if (prefs.previewBeforeDownload) {
    await openPreview({ url: built.value.url, fileName, bytes: built.value.bytes });
    timings.total = Math.round(performance.now() - started);
    return attach({ fileName, bytes: built.value.bytes, warnings: built.value.warnings, timings });
  }
  try {
    const downloadId = await browser.downloads.download({
      url: built.value.url,
      filename: fileName,
      saveAs: false,
      conflictAction: 'uniquify',
    });
    void waitForDownload(downloadId).finally(() => {
      const done = performance.now();
      timings.deliver = Math.round(done - builtAt);
      timings.total = Math.round(done - started);
      return releaseUrl(built.value.url);
    });
    return await attach({
      fileName,
      downloadId,
      bytes: built.value.bytes,
      warnings: built.value.warnings,
      timings,
    });
  } catch (error) {
    await releaseUrl(built.value.url);
    return fail(`The browser refused the download: ${(error as Error).message}`);
  }
}

function exportTitle(model: ExportModel, job: ReadJob): string {
  return job.kind === 'subtree' ? `${model.title} (subtree)` : model.title;
}
