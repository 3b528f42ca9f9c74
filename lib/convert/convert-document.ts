import {
  readPageWithImages,
  type ImageLoader,
  type ReadPageResult,
} from '../confluence/read-with-images';
import type { ExportModel } from '../model/types';
import { findContentRoot } from '../read/find-content-root';
import type { Markup } from '../read/read-page';
import { pageLanguage } from '../confluence/page-language';
import { pageTitle } from '../confluence/page-title';

export interface ConvertOptions {
  /** URL the page was served from, for resolving relative links and images. */
  pageUrl: string;
  /** Force a markup; `auto` (default) decides from the content root found. */
  markup?: Markup | 'auto';
  loadImages: ImageLoader;
}

/**
 * A whole saved Confluence page (HTML export, browser "save page", bare export_view) -> model.
 * The same root finding and handlers as the extension; Confluence's chrome is left out.
 */
export async function convertDocument(
  doc: Document,
  options: ConvertOptions,
): Promise<{ model: ExportModel; root: Element; stats: ReadPageResult['stats'] }> {
  const found = findContentRoot(doc);
  if (!found) throw new Error('No Confluence page content found in this HTML.');
  const markup = options.markup && options.markup !== 'auto' ? options.markup : found.markup;
  const title = pageTitle(doc) ?? 'Confluence page';
  const id = doc.querySelector('meta[name="ajs-page-id"]')?.getAttribute('content') ?? '1';
  const spaceKey = doc.querySelector('meta[name="ajs-space-key"]')?.getAttribute('content');
  const { page, assets, warnings, stats } = await readPageWithImages(
    found.root,
    markup,
    { id, title, url: options.pageUrl, depth: 0, ...(spaceKey ? { spaceKey } : {}) },
    options.loadImages,
  );
  const lang = pageLanguage(found.root);
  return {
    model: {
      title,
      site: new URL(options.pageUrl).origin,
      pages: [page],
      assets,
      warnings,
      ...(lang ? { lang } : {}),
    },
    root: found.root,
    stats,
  };
}
