import type { Block, ExportModel, Inline } from '../model/types';
import { fail, ok, type PageSnapshot } from '../messaging/protocol';
import { findContentRoot } from '../read/find-content-root';
import { readPage } from '../read/read-page';
import { fetchImages } from './fetch-images';
import { identifyPage } from './page-identity';

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
  const identity = identifyPage(doc, url);
  if (!identity) return fail('This tab is not showing a Confluence page.', 'not-confluence');
  const found = findContentRoot(doc);
  if (!found) return fail(`No page content found on "${identity.title}".`, 'no-content');

  const read = readPage(found.root, {
    pageUrl: url,
    flavour: found.flavour,
    pageId: identity.pageId,
  });
  const { assets, warnings } = await fetchImages(read.images, {
    siteOrigin: new URL(url).origin,
    mediaOrigins: mediaOrigins(found.root),
    maxPixels: options.maxImagePixels,
    concurrency: options.concurrency,
  });
  const blocks = dropMissingAssets(read.blocks, new Set(Object.keys(assets)));
  const model: ExportModel = {
    title: identity.title,
    site: identity.siteBase,
    pages: [
      {
        id: identity.pageId,
        title: identity.title,
        url,
        depth: 0,
        ...(identity.spaceKey ? { spaceKey: identity.spaceKey } : {}),
        ...(identity.author ? { author: identity.author } : {}),
        ...(identity.updated ? { updated: identity.updated } : {}),
        blocks,
      },
    ],
    assets,
    warnings: [
      ...read.warnings.map((w) => ({ ...w, pageId: identity.pageId })),
      ...warnings.map((w) => ({ ...w, pageId: identity.pageId })),
    ],
  };
  return ok(model);
}

// Cloud renderer: file attachments are media nodes whose <img> points at Confluence's media service.
const CONFLUENCE_MEDIA_IMAGE = '[data-node-type="media"][data-type="file"] img[src]';
const KNOWN_MEDIA_ORIGINS = ['https://api.media.atlassian.com'];

/** Origins of Confluence's media service, as the page's own attachment images name them. */
function mediaOrigins(root: Element): string[] {
  const origins = new Set(KNOWN_MEDIA_ORIGINS);
  for (const img of root.querySelectorAll(CONFLUENCE_MEDIA_IMAGE)) {
    try {
      origins.add(new URL(img.getAttribute('src') ?? '', root.ownerDocument.baseURI).origin);
    } catch {
      // an unparsable src is simply not an origin we allow
    }
  }
  return [...origins];
}

/** Images whose bytes could not be fetched lose their asset id, so layout draws a placeholder. */
function dropMissingAssets(blocks: Block[], present: Set<string>): Block[] {
  return JSON.parse(JSON.stringify(blocks), (key, value: unknown) => {
    if (
      value &&
      typeof value === 'object' &&
      (value as Inline | Block).type === 'image' &&
      typeof (value as { asset?: unknown }).asset === 'string' &&
      !present.has((value as { asset: string }).asset)
    ) {
      const { asset: _dropped, ...rest } = value as { asset: string };
      return rest;
    }
    return value;
  }) as Block[];
}
