import type { ExportModel } from '../model/types';
import { fail, ok, type PageSnapshot } from '../messaging/protocol';
import { findContentRoot } from '../read/find-content-root';
import { CLOUD_MEDIA_ORIGINS, fetchImages } from './fetch-images';
import { identifyPage } from './page-identity';
import { pageLanguage } from './page-language';
import { readPageWithImages } from './read-with-images';

export interface SnapshotOptions {
  maxImagePixels: number;
  concurrency: number;
}

/** Reads the Confluence page open in this tab into an export model, images included. */
export async function snapshotOpenPage(
  doc: Document,
  url: string,
  options: SnapshotOptions,
): Promise<PageSnapshot> {
  const started = performance.now();
  const identity = identifyPage(doc, url);
  if (!identity) return fail('This tab is not showing a Confluence page.', 'not-confluence');
  const found = findContentRoot(doc);
  if (!found) return fail(`No page content found on "${identity.title}".`, 'no-content');

  let assetsMs = 0;
  const { page, assets, warnings } = await readPageWithImages(
    found.root,
    found.markup,
    {
      id: identity.pageId,
      title: identity.title,
      url,
      depth: 0,
      ...(identity.spaceKey ? { spaceKey: identity.spaceKey } : {}),
      ...(identity.author ? { author: identity.author } : {}),
      ...(identity.updated ? { updated: identity.updated } : {}),
    },
    async (images) => {
      const fetching = performance.now();
      const fetched = await fetchImages(images, {
        siteOrigin: new URL(url).origin,
        mediaOrigins: mediaOrigins(found.root),
        maxPixels: options.maxImagePixels,
        concurrency: options.concurrency,
      });
      assetsMs = performance.now() - fetching;
      return fetched;
    },
  );
  const totalMs = performance.now() - started;
  const model: ExportModel = {
    title: identity.title,
    site: identity.siteBase,
    pages: [page],
    assets,
    warnings,
    timings: { read: Math.round(totalMs - assetsMs), assets: Math.round(assetsMs) },
  };
  const lang = pageLanguage(found.root);
  if (lang) model.lang = lang;
  return ok(model);
}

// Cloud renderer: file attachments are media nodes whose <img> points at Confluence's media service.
const CONFLUENCE_MEDIA_IMAGE = '[data-node-type="media"][data-type="file"] img[src]';

/** Origins of Confluence's media service, as the page's own attachment images name them. */
function mediaOrigins(root: Element): string[] {
  const origins = new Set(CLOUD_MEDIA_ORIGINS);
  for (const img of root.querySelectorAll(CONFLUENCE_MEDIA_IMAGE)) {
    try {
      origins.add(new URL(img.getAttribute('src') ?? '', root.ownerDocument.baseURI).origin);
    } catch {
      // an unparsable src is simply not an origin we allow
    }
  }
  return [...origins];
}
