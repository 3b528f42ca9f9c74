import DOMPurify from 'dompurify';
import { readPage } from '../read/read-page';
import { fetchImages } from './fetch-images';
import { sanitiseExportView } from './rest/sanitise';
import type { SubtreeOptions } from './snapshot-subtree';

// Cloud serves attachments from its media service (see fetch-images.ts).
const MEDIA_ORIGINS = ['https://api.media.atlassian.com'];

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
        mediaOrigins: MEDIA_ORIGINS,
        maxPixels: options.maxImagePixels,
        concurrency: options.concurrency,
        signal: options.signal,
      }),
  };
}
