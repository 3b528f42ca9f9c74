import type { AttachedPdf } from '../confluence/attach-pdf';
import type { ReadJob } from '../messaging/content-job';
import type { Warning } from '../model/types';
import {
  fail,
  ok,
  type BuildPhases,
  type BuiltPdf,
  type PreviewInfo,
  type Result,
} from '../messaging/protocol';
import type { Prefs } from '../prefs/schema';
import { fillFileNameTemplate } from '../prefs/format';
import { pdfFileName } from './file-name';
import type { SnapshotSummary, WireSnapshot } from '../messaging/snapshot-wire';
import { runContentJob, runUploadJob } from './inject';
import { waitForDownload } from './wait-for-download';

export interface ExportOutcome {
  /** The first volume's file (the only one unless the export was split into volumes). */
  fileName: string;
  /** Absent when the PDF went to a preview tab instead of the downloads. */
  downloadId?: number;
  bytes: number;
  warnings: Warning[];
  timings: ExportTimings;
  /** Save to Confluence: the attachment the PDF became (absent when off or when it failed). */
  attachment?: AttachedPdf;
  /** Every volume, in order, when the export was split (see lib/export/volumes.ts). */
  volumes?: VolumeOutcome[];
}

/** One PDF of a split export. */
export interface VolumeOutcome {
  fileName: string;
  downloadId?: number;
  bytes: number;
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
  /** Click -> export under way: job record, toolbar state, preferences read. */
  start?: number;
  /** Reading the tab, less read + assets: injecting the content script, the model's trip back. */
  inject?: number;
  /** Building, less layout + build: messages to the builder and back, the blob URL. */
  handoff?: number;
  /** The conservation check (every word drawn), part of `build`. */
  conservation?: number;
}

/**
 * Builds the PDF of one (volume's) model, given as JSON, somewhere with a DOM and returns a
 * `blob:` URL (offscreen document or background page). `freshWorker`: see BuildPdfRequest.
 */
export type PdfBuilder = (
  modelJson: string,
  prefs: Prefs,
  options: { freshWorker: boolean },
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
  /** performance.now() when the user asked (the click): timings count from there. */
  requestedAt?: number;
}

const cancelled = <T>(): Result<T> => fail('Export cancelled.', 'cancelled');

/**
 * One export, whatever started it: the content script reads the tab (the open page, or a subtree
 * through REST), the PDF is built where there is a DOM, and the browser downloads it. A long
 * export split into volumes is built and delivered one volume after the other.
 */
export async function runExport(run: ExportRun): Promise<Result<ExportOutcome>> {
  const { tabId, job, prefs, buildPdf, warmBuilder, signal, onPhase } = run;
  const started = run.requestedAt ?? performance.now();
  const startMs = performance.now() - started;
  void warmBuilder?.().catch(() => undefined);
  let snapshot: Result<WireSnapshot> | undefined;
  let readWall: number | undefined;
  try {
    await onPhase(
      job.kind === 'subtree'
        ? 'Reading the page tree'
        : job.kind === 'pages'
          ? 'Reading the pages'
          : 'Reading the page',
    );
    const reading = performance.now();
    snapshot = await runContentJob(tabId, job);
    readWall = performance.now() - reading;
  } catch (error) {
    // Chrome refuses injection into chrome://, the Web Store, PDF viewers, ... — not Confluence.
    return fail(`Offprint cannot read this tab: ${(error as Error).message}`, 'not-confluence');
  }
  if (!snapshot) return fail('The page did not answer; reload it and try again.');
  if (!snapshot.ok) return snapshot;
  if (signal.aborted) return cancelled();

  const { summary, volumes } = snapshot.value;
  const baseName = fillFileNameTemplate(prefs.fileNameTemplate, {
    title: job.kind === 'subtree' ? `${summary.title} (subtree)` : summary.title,
    space: summary.firstPage?.spaceKey ?? '',
    date: new Date(),
  });
  const pages = `${summary.pageCount} page${summary.pageCount === 1 ? '' : 's'}`;
  const timings: ExportTimings = {
    ...summary.timings,
    start: Math.round(startMs),
    inject: Math.round(
      Math.max(0, (readWall ?? 0) - (summary.timings?.read ?? 0) - (summary.timings?.assets ?? 0)),
    ),
  };
  const delivered: VolumeOutcome[] = [];
  const warnings: Warning[] = [];
  const downloads: Promise<unknown>[] = [];
  let builtAt = started;
  for (const [index, modelJson] of volumes.entries()) {
    const volume = volumes.length > 1 ? ` (volume ${index + 1} of ${volumes.length})` : '';
    await onPhase(volume ? `Building the PDF${volume}` : `Building the PDF (${pages})`);
    const building = performance.now();
    const built = await buildPdf(modelJson, prefs, { freshWorker: index > 0 });
    if (!built.ok) {
      // Volumes already saved stay saved; the message says which one failed.
      return volumes.length === 1
        ? built
        : fail(`Volume ${index + 1} of ${volumes.length}: ${built.error}`);
    }
    if (signal.aborted) {
      await run.releaseUrl(built.value.url);
      return cancelled();
    }
    const { layout = 0, build = 0 } = built.value.timings ?? {};
    addTimings(timings, {
      ...built.value.timings,
      handoff: Math.round(Math.max(0, performance.now() - building - layout - build)),
    });
    builtAt = performance.now();
    const fileName = pdfFileName(`${baseName}${volume}`);
    const out = await deliver(run, summary, built.value, fileName, downloads);
    if (!out.ok) return out;
    delivered.push(out.value.volume);
    warnings.push(...out.value.warnings);
  }
  const first = delivered[0];
  if (!first) return fail('The export has nothing to build.', 'no-content');
  // A preview has nothing to wait for. Downloads: deliver (last PDF built -> its download
  // complete) and total, once every download is done.
  if (downloads.length === 0) timings.total = Math.round(performance.now() - started);
  else {
    void Promise.all(downloads).finally(() => {
      const done = performance.now();
      timings.deliver = Math.round(done - builtAt);
      timings.total = Math.round(done - started);
    });
  }
  return ok({
    ...first,
    warnings,
    timings,
    ...(delivered.length > 1 ? { volumes: delivered } : {}),
  });
}

/** Sums the build's timings into the export's (volumes add up). */
function addTimings(into: ExportTimings, add: Partial<ExportTimings> | undefined): void {
  for (const [key, value] of Object.entries(add ?? {}) as [keyof ExportTimings, number][])
    into[key] = (into[key] ?? 0) + value;
}

/**
 * One built PDF to the user: a preview tab or a download (whose URL is released once it is
 * complete; the wait joins `downloads`), then Save to Confluence when asked.
 */
async function deliver(
  run: ExportRun,
  summary: SnapshotSummary,
  built: BuiltPdf,
  fileName: string,
  downloads: Promise<unknown>[],
): Promise<Result<{ volume: VolumeOutcome; warnings: Warning[] }>> {
  const { tabId, job, prefs, readPdf, onPhase } = run;
  await onPhase('Saving');
  const warnings = [...built.warnings];
  // Read before the download can finish and release the URL; uploaded once the download started.
  const pdfBase64 =
    // A search's pages have no one page to attach their PDF to.
    prefs.attachToPage && readPdf && summary.firstPage && job.kind !== 'pages'
      ? await readPdf(built.url)
      : undefined;
  const volume: VolumeOutcome = { fileName, bytes: built.bytes };
  if (prefs.previewBeforeDownload) {
    await run.openPreview({ url: built.url, fileName, bytes: built.bytes });
  } else {
    try {
      volume.downloadId = await browser.downloads.download({
        url: built.url,
        filename: fileName,
        saveAs: false,
        conflictAction: 'uniquify',
      });
    } catch (error) {
      await run.releaseUrl(built.url);
      return fail(`The browser refused the download: ${(error as Error).message}`);
    }
    downloads.push(waitForDownload(volume.downloadId).finally(() => run.releaseUrl(built.url)));
  }
  const pageId = summary.firstPage?.id;
  if (pdfBase64 && pageId) {
    await onPhase('Saving to Confluence');
    const attached = pdfBase64.ok
      ? await runUploadJob(tabId, {
          kind: 'upload',
          pageId,
          fileName,
          pdfBase64: pdfBase64.value,
        }).catch((error: unknown) => fail<AttachedPdf>((error as Error).message))
      : pdfBase64;
    if (attached.ok) volume.attachment = attached.value;
    else {
      warnings.push({
        pageId,
        kind: 'attach-failed',
        message: `Not saved to Confluence (the PDF was downloaded): ${attached.error}`,
      });
    }
  }
  return ok({ volume, warnings });
}
