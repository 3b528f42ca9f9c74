import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { BASE_FAMILIES, filesFor } from './font-files';
import { deflatedInBackground } from './deflate';
import { renderClock } from './renderer/install';
import { CanvasDoesNotFit, guardCanvases } from './canvas-fit';
import { drawnTextOf, type DrawnText } from './renderer/drawn-words';

/** Something that turns a pdfmake document definition into PDF bytes. */
export interface PdfEngine {
  /**
   * `warn` hears what the build had to leave out to finish; `phases`, when given, receives
   * where pdfmake's time went; `drawn` receives the text the renderer drew, by model block
   * (the conservation check, lib/export/conservation.ts).
   */
  build(
    dd: TDocumentDefinitions,
    warn?: (message: string) => void,
    phases?: Partial<BuildPhases>,
    drawn?: (text: DrawnText) => void,
  ): Promise<Uint8Array>;
  /** Loads what every build needs (the base fonts) ahead of the first build. */
  warm(): Promise<void>;
}

/**
 * Where pdfmake's time goes (ms): measuring and placing text (`pdfmakeLayout`), drawing the
 * pages (`pdfmakeRender`), and writing the file: fonts subsetted, streams compressed
 * (`pdfmakeWrite`).
 */
export interface BuildPhases {
  pdfmakeLayout: number;
  pdfmakeRender: number;
  pdfmakeWrite: number;
  /** Streams compressed on the background deflater's thread (0 = all on this thread). */
  deflatedOffThread: number;
}

/**
 * The subset of a pdfmake 0.3 instance the engines use (both the Node entry and the browser
 * build). @types/pdfmake types the browser API only; `virtualfs` and `setLocalAccessPolicy` are
 * Node-entry extras.
 */
export interface PdfmakeInstance {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  addTableLayouts(layouts: Record<string, unknown>): void;
  createPdf(dd: TDocumentDefinitions): {
    getBuffer(): Promise<Uint8Array>;
    /** The pdfkit document, resolved once pdfmake has drawn every page. */
    getStream(): Promise<object>;
  };
}

/** Puts font files (by file name) into pdfmake's virtual file system; files already there are
 * skipped by the engine before it asks. */
export type FontFileLoader = (files: readonly string[]) => Promise<void>;

/**
 * Wraps a configured pdfmake instance. Each build gets its own copy of the definition
 * (pdfmake mutates what it is given), so the same definition can be built twice. Fonts are
 * loaded lazily: before a build, only the files of the families the definition names (plus
 * Roboto and Mono) are handed to `loadFiles`, once per engine, so an English page never reads
 * the 10 MB CJK font. pdfkit then embeds only the glyphs used (subsetting).
 */
export function engineFor(pdfmake: PdfmakeInstance, loadFiles: FontFileLoader): PdfEngine {
  const loading = new Map<string, Promise<void>>();
  /** Each file is asked for once, even when a warm-up and a build want it at the same time. */
  const ensureFonts = async (families: readonly string[]): Promise<void> => {
    const missing = filesFor(families).filter((f) => !loading.has(f));
    if (missing.length > 0) {
      const load = loadFiles(missing);
      for (const f of missing) loading.set(f, load);
      // A failed load is asked for again next time.
      load.catch(() => {
        for (const f of missing) loading.delete(f);
      });
    }
    await Promise.all(filesFor(families).map((f) => loading.get(f)));
  };
  return {
    warm: async () => {
      await Promise.all([ensureFonts(BASE_FAMILIES), guardCanvases(pdfmake)]);
    },
    async build(dd, warn, phases, drawn) {
      await Promise.all([
        ensureFonts([...BASE_FAMILIES, ...fontsUsed(dd)]),
        guardCanvases(pdfmake),
      ]);
      const started = performance.now();
      const offThreadBefore = deflatedInBackground.count;
      const render = async (definition: TDocumentDefinitions): Promise<Uint8Array> => {
        const output = pdfmake.createPdf(definition);
        const text = drawnTextOf(await output.getStream());
        if (text) drawn?.(text);
        return output.getBuffer();
      };
      const bytes = await render(prepared(dd)).catch((error: unknown) => {
        // pdfmake 0.3.11 cannot place a canvas taller than a fresh page leaves (see canvas-fit.ts).
        if (!(error instanceof CanvasDoesNotFit)) throw error;
        // Canvases are decoration (rules, check boxes, panel icons): the text matters more.
        warn?.(
          'Some drawn decorations (rules, check boxes, panel icons) were left out to fit the layout.',
        );
        return render(prepared(dd, dropCanvas));
      });
      if (phases && renderClock.started >= started) {
        phases.pdfmakeLayout = Math.round(renderClock.started - started);
        phases.pdfmakeRender = Math.round(renderClock.ended - renderClock.started);
        phases.pdfmakeWrite = Math.round(performance.now() - renderClock.ended);
        phases.deflatedOffThread = deflatedInBackground.count - offThreadBefore;
      }
      // Node gives a Buffer (a Uint8Array subclass); hand out a plain Uint8Array view.
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}

/**
 * The engine's own copy of a definition, at PDF 1.5 at least (object streams need it);
 * `replace` may stand in for a node of it.
 */
function prepared(dd: TDocumentDefinitions, replace?: Replace): TDocumentDefinitions {
  const copy = copyDefinition(dd, replace);
  if (!copy.version || copy.version < '1.5') copy.version = '1.5';
  return copy;
}

/** What to put in a node's place in the copy; undefined = copy the node. */
type Replace = (node: Record<string, unknown>) => unknown;

/** A canvas node becomes an empty text of the same margins. */
const dropCanvas: Replace = (node) =>
  Array.isArray(node['canvas'])
    ? { text: '', ...(node['margin'] !== undefined ? { margin: node['margin'] } : {}) }
    : undefined;

/** Deep copy of plain data; functions (header/footer) and Dates are kept as they are. */
function copyDefinition<T>(value: T, replace?: Replace): T {
  if (Array.isArray(value)) return value.map((v: unknown) => copyDefinition(v, replace)) as T;
  if (
    value &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !ArrayBuffer.isView(value)
  ) {
    const node = value as Record<string, unknown>;
    const instead = replace?.(node);
    if (instead !== undefined) return instead as T;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = copyDefinition(v, replace);
    return out as T;
  }
  return value;
}

const PAGE_FOR_SCAN = { width: 595.28, height: 841.89, orientation: 'portrait' };

/**
 * Font families a definition names anywhere: `font` in nodes, text runs, styles and the default
 * style. Header, footer and background functions are called for pages 1 and 2 to see what they
 * return (the fonts their text needs do not depend on the page number).
 */
export function fontsUsed(dd: TDocumentDefinitions): Set<string> {
  const found = new Set<string>();
  const seen = new Set<object>();
  const walk = (value: unknown): void => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    if (ArrayBuffer.isView(value) || value instanceof Date) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
      return;
    }
    for (const [k, v] of Object.entries(value)) {
      if (k === 'font' && typeof v === 'string') found.add(v);
      else if (typeof v === 'object') walk(v);
    }
  };
  const { header, footer, background, ...rest } = dd as TDocumentDefinitions & {
    header?: unknown;
    footer?: unknown;
    background?: unknown;
  };
  walk(rest);
  for (const part of [header, footer, background]) {
    if (typeof part !== 'function') walk(part);
    else {
      try {
        // Page 2 as well: a header may be left off the first page.
        const fn = part as (...args: unknown[]) => unknown;
        walk([fn(1, 2, PAGE_FOR_SCAN), fn(2, 2, PAGE_FOR_SCAN)]);
      } catch {
        // A header that cannot be called out of context: it uses the base fonts at worst.
      }
    }
  }
  return found;
}
