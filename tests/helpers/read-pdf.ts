/**
 * Reads a PDF back for assertions: text per page (in reading order), page sizes, links, image
 * counts, the outline (bookmarks) and the document info. Uses pdfjs-dist's legacy build, which
 * runs in Node; tests that use it need `// @vitest-environment node`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

export interface PdfLink {
  /** External URL, when the link goes out of the document. */
  url?: string;
  /** Named destination (or a JSON form of an explicit one) for internal links. */
  dest?: string;
  /** 1-based page number an internal link goes to, when resolvable. */
  destPage?: number;
  /** [x1, y1, x2, y2] in PDF points. */
  rect: number[];
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  /** Page text: items joined by spaces, lines by '\n'. */
  text: string;
  width: number;
  height: number;
  links: PdfLink[];
  /** Raster images painted on the page (paintImageXObject and inline images). */
  imageCount: number;
  /** Text items with their position (PDF points, origin bottom-left) and font size. */
  items: { str: string; x: number; y: number; size: number }[];
}

export interface PdfOutlineItem {
  title: string;
  dest?: string;
  /** 1-based page the bookmark points to, when resolvable. */
  destPage?: number;
  items: PdfOutlineItem[];
}

export interface PdfInfo {
  title?: string;
  author?: string;
  subject?: string;
  creator?: string;
  producer?: string;
}

export interface ReadPdf {
  pages: PdfPage[];
  outline: PdfOutlineItem[];
  info: PdfInfo;
  /** All pages' text joined by '\n\f\n'. */
  text: string;
}

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDoc = Awaited<ReturnType<PdfjsModule['getDocument']>['promise']>;

let pdfjsPromise: Promise<PdfjsModule> | undefined;
const loadPdfjs = (): Promise<PdfjsModule> =>
  (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

async function destPage(doc: PdfDoc, dest: unknown): Promise<number | undefined> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return undefined;
    const target: unknown = explicit[0];
    if (typeof target === 'number') return target + 1;
    if (target && typeof target === 'object') {
      return (await doc.getPageIndex(target as Parameters<PdfDoc['getPageIndex']>[0])) + 1;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

const destString = (dest: unknown): string | undefined =>
  dest === null || dest === undefined
    ? undefined
    : typeof dest === 'string'
      ? dest
      : JSON.stringify(dest);

interface RawOutline {
  title: string;
  dest: unknown;
  items: RawOutline[];
}

async function mapOutline(doc: PdfDoc, items: RawOutline[]): Promise<PdfOutlineItem[]> {
  return Promise.all(
    items.map(async (item) => {
      const dest = destString(item.dest);
      const page = await destPage(doc, item.dest);
      return {
        title: item.title,
        ...(dest !== undefined ? { dest } : {}),
        ...(page !== undefined ? { destPage: page } : {}),
        items: await mapOutline(doc, item.items ?? []),
      };
    }),
  );
}

export interface ReadPdfOptions {
  /** Count images per page (needs each page's operator list: the slow part on long PDFs). */
  images?: boolean;
}

/** Parses PDF bytes with pdfjs-dist and returns what tests assert on. */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<ReadPdf> {
  const countImages = options.images ?? true;
  const pdfjs = await loadPdfjs();
  // pdfjs transfers (detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  const doc = await pdfjs.getDocument({
    data,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      let lastY: number | undefined;
      const items: PdfPage['items'] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        if (item.str.trim()) {
          const [a, b, , , x, y] = item.transform as number[];
          items.push({
            str: item.str,
            x: x ?? 0,
            y: y ?? 0,
            size: Math.round(Math.hypot(a ?? 0, b ?? 0) * 100) / 100,
          });
        }
        const y = item.transform[5] as number;
        // Superscripts and subscripts sit a little off the baseline: same line.
        const sameLine =
          lastY === undefined || Math.abs(y - lastY) <= Math.max(2, item.height * 0.6);
        if (!sameLine && !text.endsWith('\n')) text += '\n';
        else if (text && !text.endsWith('\n') && !text.endsWith(' ') && item.str) text += ' ';
        text += item.str;
        if (item.hasEOL) text += '\n';
        lastY = y;
      }
      const annotations = (await page.getAnnotations()) as {
        subtype?: string;
        url?: string;
        unsafeUrl?: string;
        dest?: unknown;
        rect: number[];
      }[];
      const links: PdfLink[] = [];
      for (const a of annotations) {
        if (a.subtype !== 'Link') continue;
        const url = a.url ?? a.unsafeUrl;
        const dest = destString(a.dest);
        const target =
          a.dest !== undefined && a.dest !== null ? await destPage(doc, a.dest) : undefined;
        links.push({
          ...(url ? { url } : {}),
          ...(dest !== undefined ? { dest } : {}),
          ...(target !== undefined ? { destPage: target } : {}),
          rect: a.rect,
        });
      }
      let imageCount = 0;
      if (countImages) {
        const ops = await page.getOperatorList();
        const imageOps = new Set<number>([
          pdfjs.OPS.paintImageXObject,
          pdfjs.OPS.paintInlineImageXObject,
          pdfjs.OPS.paintImageXObjectRepeat,
        ]);
        imageCount = ops.fnArray.filter((fn) => imageOps.has(fn)).length;
      }
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pages.push({
        number: n,
        text: text
          .replace(/[ \t]+/g, ' ')
          .replace(/ ?\n ?/g, '\n')
          .replace(/\n{2,}/g, '\n')
          .trim(),
        width: Math.round((x1 - x0) * 100) / 100,
        height: Math.round((y1 - y0) * 100) / 100,
        links,
        imageCount,
        items,
      });
      page.cleanup();
    }
    const outline = await mapOutline(doc, ((await doc.getOutline()) ?? []) as RawOutline[]);
    const meta = await doc.getMetadata();
    const raw = (meta.info ?? {}) as Record<string, unknown>;
    const str = (k: string): string | undefined =>
      typeof raw[k] === 'string' ? (raw[k] as string) : undefined;
    const info: PdfInfo = {};
    for (const [key, field] of [
      ['Title', 'title'],
      ['Author', 'author'],
      ['Subject', 'subject'],
      ['Creator', 'creator'],
      ['Producer', 'producer'],
    ] as const) {
      const v = str(key);
      if (v !== undefined) info[field] = v;
    }
    return { pages, outline, info, text: pages.map((p) => p.text).join('\n\f\n') };
  } finally {
    await doc.destroy();
  }
}

/** Text with all whitespace removed: for "these characters are all there" checks across wraps. */
export const squash = (text: string): string => text.replace(/\s+/g, '');

/** True when `needles` occur in `text` in this order. */
export function inOrder(text: string, needles: readonly string[]): boolean {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    if (at < 0) return false;
    from = at + needle.length;
  }
  return true;
}

/** Flattens the outline to "depth:title" lines, for readable expectations. */
export function outlineLines(items: readonly PdfOutlineItem[], depth = 0): string[] {
  return items.flatMap((i) => [`${depth}:${i.title}`, ...outlineLines(i.items, depth + 1)]);
}

export const QPDF = '/usr/bin/qpdf';
export const hasQpdf = (): boolean => existsSync(QPDF);

/**
 * Runs `qpdf --check` on the bytes: ok is true when qpdf reports no errors or warnings. Throws
 * when qpdf is missing, so that a PDF is never taken as valid without being checked.
 */
export function qpdfCheck(bytes: Uint8Array): { ok: boolean; output: string } {
  if (!hasQpdf()) throw new Error(`qpdf is not installed at ${QPDF} (apt-get install qpdf)`);
  const dir = mkdtempSync(join(tmpdir(), 'offprint-qpdf-'));
  const file = join(dir, 'check.pdf');
  try {
    writeFileSync(file, bytes);
    try {
      const output = execFileSync(QPDF, ['--check', file], { encoding: 'utf8' });
      // Exit 0 = clean; qpdf exits 2 on errors and 3 on warnings (thrown below).
      return { ok: !/^WARNING/m.test(output), output };
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The PDF's text with every Flate stream inflated after it: dictionaries packed into object
 * streams (PDF 1.5) become searchable like the plain ones.
 */
export function pdfSource(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const inflated: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      inflated.push(inflateSync(Buffer.from(raw.slice(start, end), 'latin1')).toString('latin1'));
    } catch {
      // Not Flate (images, or a stream the regex cut wrongly): its text is in `raw` anyway.
    }
  }
  return [raw, ...inflated].join('\n');
}
