import type { PDFDocumentProxy } from 'pdfjs-dist';

export interface OutlineEntry {
  title: string;
  /** 1-based page number, when the bookmark resolves. */
  page?: number;
  items: OutlineEntry[];
}

/** The PDF's bookmarks with their target pages resolved. */
export async function readOutline(pdf: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const outline = (await pdf.getOutline()) ?? [];
  type Item = (typeof outline)[number];
  const resolve = async (item: Item): Promise<OutlineEntry> => {
    let page: number | undefined;
    try {
      const dest = typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest;
      const ref = dest?.[0];
      if (ref && typeof ref === 'object') page = (await pdf.getPageIndex(ref)) + 1;
    } catch {
      // a bookmark without a resolvable target is still listed
    }
    return {
      title: item.title,
      ...(page ? { page } : {}),
      items: await Promise.all(item.items.map(resolve)),
    };
  };
  return Promise.all(outline.map(resolve));
}
