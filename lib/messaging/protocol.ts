import type { BuildPhases } from '../pdf/build-pdf';

export type { BuildPhases };
import type { ExportModel, Warning } from '../model/types';
import type { Prefs } from '../prefs/schema';

/** Errors cross contexts as data, never as exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; code?: ErrorCode };

export type ErrorCode =
  'not-confluence' | 'not-logged-in' | 'no-content' | 'cancelled' | 'interrupted' | 'internal';

/** What the content script returns from `main()` when injected into a Confluence tab. */
export type PageSnapshot = Result<ExportModel>;

/** Background -> offscreen document: build the PDF and hand back a `blob:` URL for download. */
export interface BuildPdfRequest {
  target: 'offscreen';
  type: 'build-pdf';
  /** The (volume's) ExportModel as JSON, parsed only in the build worker. */
  modelJson: string;
  prefs: Prefs;
  exportedAt: string;
  /**
   * Build in a new worker, the previous one ended first: each volume of a split export starts
   * with an empty heap, so memory stays bounded by one volume.
   */
  freshWorker?: boolean;
}

/** Background -> offscreen document: the download finished; the blob URL can go. */
export interface RevokeUrlRequest {
  target: 'offscreen';
  type: 'revoke-url';
  url: string;
}

/**
 * Background -> offscreen document, `npm run bench` only: `arm` keeps the next built definition
 * in memory; `rebuild` builds it again with pdfmake alone, reports the ms and drops it.
 */
export interface BenchRequest {
  target: 'offscreen';
  type: 'bench';
  action: 'arm' | 'rebuild';
}

/** Background -> offscreen document: the bytes of a built PDF, base64 (Save to Confluence). */
export interface ReadUrlRequest {
  target: 'offscreen';
  type: 'read-url';
  url: string;
}

/** Starts pdfmake and loads the base fonts while the tab is still being read. */
export interface WarmRequest {
  target: 'offscreen';
  type: 'warm';
}

export type OffscreenRequest =
  BuildPdfRequest | RevokeUrlRequest | BenchRequest | ReadUrlRequest | WarmRequest;

export interface BuiltPdf {
  url: string;
  bytes: number;
  pdfPages?: number;
  warnings: Warning[];
  /**
   * Milliseconds: model -> pdfmake definition, and pdfmake definition -> PDF bytes; the build
   * split into pdfmake's own phases (see BuildPhases).
   */
  timings?: { layout: number; build: number; conservation?: number } & Partial<BuildPhases>;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(error: string, code: ErrorCode = 'internal'): Result<T> {
  return { ok: false, error, code };
}

export function isOffscreenRequest(message: unknown): message is OffscreenRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { target?: unknown }).target === 'offscreen'
  );
}

/** Extension pages and the content script -> background. */
export type BackgroundRequest =
  | { target: 'background'; type: 'preview-get'; token: string }
  | { target: 'background'; type: 'preview-download'; token: string }
  /** Popup or in-page panel: stop the export running in this tab. */
  | { target: 'background'; type: 'cancel-export'; tabId?: number }
  /** Content script: how far a subtree walk has got. */
  | { target: 'background'; type: 'progress'; phase: string; done?: number; total?: number }
  /** Offscreen document, while building: keeps the service worker from idling out. */
  | { target: 'background'; type: 'keepalive' }
  /** Search page: run a CQL search in the Confluence tab (empty = its space key only). */
  | { target: 'background'; type: 'search'; tabId: number; cql: string }
  /** Search page: export these pages of the tab's site, in this order, into one PDF. */
  | { target: 'background'; type: 'export-pages'; tabId: number; ids: string[]; title: string };

export type PreviewRequest = Extract<
  BackgroundRequest,
  { type: 'preview-get' | 'preview-download' }
>;

export interface PreviewInfo {
  url: string;
  fileName: string;
  bytes: number;
}

export function isBackgroundRequest(message: unknown): message is BackgroundRequest {
  const m = message as { target?: unknown; type?: unknown } | null;
  return (
    typeof m === 'object' && m !== null && m.target === 'background' && typeof m.type === 'string'
  );
}

/** Background -> content script of a tab. */
export type TabMessage = { target: 'content'; type: 'cancel' };
