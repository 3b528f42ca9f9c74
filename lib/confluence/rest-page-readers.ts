import DOMPurify from 'dompurify';
import { readPage } from '../read/read-page';
import { CLOUD_MEDIA_ORIGINS, fetchImages } from './fetch-images';
import { sanitiseExportView } from './rest/sanitise';
import type { SubtreeOptions } from './snapshot-subtree';

/**
 * How REST-fetched pages are read in the tab: export_view sanitised with DOMPurify, then the
 * reader, then their images fetched from the site (or Cloud's media service). Shared by the
 * subtree and the search exports.
 */
export function restPageReaders(
  window: NonNullable<Document['defaultView']>,
  siteBase: string,
  options: { maxImagePixels: number; concurrency: number; signal: AbortSignal },
): Pick<SubtreeOptions, 'readPage' | 'sanitise' | 'fetchImages'> {
  const purify = DOMPurify(window);
  const siteOrigin = new URL(siteBase).origin;
  return {
    readPage,
    sanitise: (html) => sanitiseExportView(html, purify),
    fetchImages: (images) =>
      fetchImages(images, {
        siteOrigin,
        mediaOrigins: CLOUD_MEDIA_ORIGINS,
        maxPixels: options.maxImagePixels,
        concurrency: options.concurrency,
        signal: options.signal,
      }),
  };
}
