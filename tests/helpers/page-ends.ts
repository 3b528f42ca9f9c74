/**
 * Which pages of a PDF end with a heading (or a block title): the last text line of the page is
 * all heading text. Headings are known from the model; the PDF is read back with pdfjs. The last
 * page is not counted (nothing follows there to keep a heading with).
 */
import { walkBlocks, plainText } from '../../lib/layout/context';
import type { ExportModel } from '../../lib/model/types';
import type { PdfPage, ReadPdf } from './read-pdf';

const squash = (s: string): string => s.replace(/\s+/g, '').normalize('NFC');

/** Text lines of a page, top to bottom: items within half a point of the same baseline. */
export function pageLines(page: PdfPage): string[] {
  const rows = new Map<number, { x: number; str: string }[]>();
  for (const item of page.items) {
    if (!item.str.trim()) continue;
    const key = [...rows.keys()].find((y) => Math.abs(y - item.y) < 0.5) ?? item.y;
    const row = rows.get(key) ?? [];
    row.push({ x: item.x, str: item.str });
    rows.set(key, row);
  }
  return [...rows]
    .sort(([a], [b]) => b - a)
    .map(([, row]) =>
      row
        .sort((a, b) => a.x - b.x)
        .map((r) => r.str)
        .join(' '),
    );
}

/** Texts of every heading in the model (page titles included), and of block titles. */
export function headingTexts(model: ExportModel, opts: { titles?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const page of model.pages) {
    if (page.title) out.push(page.title);
    walkBlocks(page.blocks, (b) => {
      if (b.type === 'heading') out.push(plainText(b.inlines));
      if (!opts.titles) return;
      if (b.type === 'code' && (b.title || b.language)) {
        out.push([b.title, b.language].filter(Boolean).join(' '));
      }
      if ((b.type === 'panel' || b.type === 'expand') && b.title) out.push(b.title);
    });
  }
  return out.filter((t) => squash(t).length > 0);
}

/**
 * Pages (1-based) whose last line is wholly heading text: the whole heading, its end (a wrapped
 * heading) or its start (a heading broken over the page).
 */
export function pagesEndingWithHeading(
  pdf: ReadPdf,
  headings: readonly string[],
): { page: number; line: string }[] {
  const known = headings.map(squash).filter(Boolean);
  const out: { page: number; line: string }[] = [];
  for (const page of pdf.pages.slice(0, -1)) {
    const line = pageLines(page).at(-1);
    if (line === undefined) continue;
    const last = squash(line);
    const partial = last.length >= 4;
    if (known.some((h) => h === last || (partial && (h.endsWith(last) || h.startsWith(last))))) {
      out.push({ page: page.number, line });
    }
  }
  return out;
}
