import type { VolumeBudget } from '../export/volumes';

/**
 * What the background asks of the content script. The background stores the job in the content
 * script's isolated world (a `scripting.executeScript({ func })` call) just before injecting the
 * script file, whose `main()` reads it: `executeScript({ files })` cannot pass arguments.
 */
export type ContentJob = ReadJob | UploadJob | SearchJob;

/** Jobs that read the tab and return a `PageSnapshot`. */
export type ReadJob =
  | {
      kind: 'open-page';
      /** Longest side, in pixels, an embedded image keeps (from the DPI preference). */
      maxImagePixels: number;
    }
  | {
      kind: 'subtree';
      maxImagePixels: number;
      /** Root page id; absent = the page open in the tab. */
      rootPageId?: string;
      /** A link the user right-clicked; its page is the root. */
      linkUrl?: string;
      maxDepth?: number;
      concurrency: number;
      /** Split into volumes past this many estimated PDF pages (absent: one PDF). */
      volumes?: VolumeBudget;
    }
  | {
      /** Exactly these pages (search results the user ticked), in this order, each at depth 0. */
      kind: 'pages';
      ids: string[];
      /** The document's title (and the file name's `{title}`). */
      title: string;
      maxImagePixels: number;
      concurrency: number;
      volumes?: VolumeBudget;
    };

/**
 * Export by search: the pages a CQL query finds on the tab's site (v1 search API). An empty
 * `cql` searches nothing and answers the tab's space key only (to prefill the query).
 */
export interface SearchJob {
  kind: 'search';
  cql: string;
  concurrency: number;
}

/** Save to Confluence: attach the built PDF to the page (from the tab: same origin, cookies). */
export interface UploadJob {
  kind: 'upload';
  pageId: string;
  fileName: string;
  /** The PDF, base64 (executeScript arguments are JSON). */
  pdfBase64: string;
}

export const CONTENT_JOB_KEY = '__offprintJob';

/** Runs in the tab (serialised by executeScript): hands the job to the script injected next. */
export function storeContentJob(key: string, job: ContentJob): void {
  (globalThis as Record<string, unknown>)[key] = job;
}

export function takeContentJob(): ContentJob {
  const store = globalThis as Record<string, unknown>;
  const job = store[CONTENT_JOB_KEY] as ContentJob | undefined;
  delete store[CONTENT_JOB_KEY];
  return job ?? { kind: 'open-page', maxImagePixels: 2400 };
}
