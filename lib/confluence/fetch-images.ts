import { SNIFF_BYTES, imageMime, svgSize } from '../image-bytes/image-header';
import type { Asset, Warning } from '../model/types';
import { fetchRetrying } from './rest/fetch-retrying';

/** Confluence Cloud's media service, which serves attachments from its own origin. */
export const CLOUD_MEDIA_ORIGINS: readonly string[] = ['https://api.media.atlassian.com'];

export interface FetchImagesOptions {
  /** Origin of the Confluence site: fetched with the user's session. */
  siteOrigin: string;
  /**
   * Confluence's own media service (Cloud serves attachments from a second origin, such as
   * api.media.atlassian.com, with tokens in the URL): fetched without cookies. Any other host is
   * never contacted.
   */
  mediaOrigins: readonly string[];
  /** Longest side in pixels an embedded raster image may keep; larger ones are downscaled. */
  maxPixels: number;
  concurrency: number;
  signal?: AbortSignal;
}

export interface FetchedImages {
  assets: Record<string, Asset>;
  warnings: Warning[];
}

const PASS_THROUGH = new Set(['image/png', 'image/jpeg']);

/**
 * Fetches the page's images with the user's session (same origin only), normalised for pdfmake:
 * PNG and JPEG as they are unless oversized, SVG as text, everything else re-encoded as PNG.
 */
export async function fetchImages(
  images: Record<string, string>,
  options: FetchImagesOptions,
): Promise<FetchedImages> {
  const assets: Record<string, Asset> = {};
  const warnings: Warning[] = [];
  const queue = Object.entries(images);
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [id, url] = next;
      try {
        assets[id] = await fetchOne(url, options);
      } catch (error) {
        warnings.push({
          kind: 'image-failed',
          message: `Image not included: ${fileName(url)} (${(error as Error).message})`,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return { assets, warnings };
}

async function fetchOne(url: string, options: FetchImagesOptions): Promise<Asset> {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:') return decode(await (await fetch(url)).blob(), url, options);
  const sameSite = parsed.origin === options.siteOrigin;
  if (
    !sameSite &&
    !(options.mediaOrigins.includes(parsed.origin) && mediaHost(parsed, options.siteOrigin))
  ) {
    throw new Error(`hosted on ${parsed.host}, outside this Confluence site; not fetched`);
  }
  // An image under a rate limit or a passing server error is asked for again: it is content.
  const response = await fetchRetrying(
    url,
    {
      // same-origin, not include: Cloud answers with a 302 to its media service, which allows
      // any origin but no credentials; the first hop still carries the session cookie.
      credentials: sameSite ? 'same-origin' : 'omit',
      ...(options.signal ? { signal: options.signal } : {}),
    },
    options.signal ? { signal: options.signal } : {},
  );
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  if (blob.size === 0) throw new Error('empty file');
  return decode(blob, url, options);
}

/**
 * Media origins are read from the page, so a hostile page could name any host as "media": only
 * Atlassian's own domain, or the site's own host on another port (cookies do not separate ports,
 * so that is the site's trust boundary anyway), can serve Confluence media.
 */
function mediaHost(url: URL, siteOrigin: string): boolean {
  const host = url.hostname;
  return (
    host === new URL(siteOrigin).hostname ||
    (url.protocol === 'https:' && (host === 'atlassian.com' || host.endsWith('.atlassian.com')))
  );
}

async function decode(blob: Blob, url: string, options: FetchImagesOptions): Promise<Asset> {
  const mime = await sniffMime(blob);
  if (mime === 'image/svg+xml') {
    const text = await blob.text();
    const { width, height } = svgSize(text);
    return {
      mime,
      dataUrl: `data:image/svg+xml;base64,${base64(new TextEncoder().encode(text))}`,
      width,
      height,
      sourceUrl: url,
    };
  }
  const bitmap = await createImageBitmap(blob).catch(() => {
    throw new Error('not a readable image');
  });
  try {
    const { width, height } = bitmap;
    const scale = Math.min(1, options.maxPixels / Math.max(width, height));
    if (mime && PASS_THROUGH.has(mime) && scale === 1) {
      return { mime, dataUrl: await dataUrl(blob, mime), width, height, sourceUrl: url };
    }
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    const canvas = new OffscreenCanvas(w, h);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.drawImage(bitmap, 0, 0, w, h);
    const outMime = mime === 'image/jpeg' ? 'image/jpeg' : 'image/png';
    const out = await canvas.convertToBlob({ type: outMime, quality: 0.9 });
    return {
      mime: outMime,
      dataUrl: await dataUrl(out, outMime),
      width: w,
      height: h,
      sourceUrl: url,
    };
  } finally {
    bitmap.close();
  }
}

/** Trust the bytes, not the Content-Type header: Confluence often serves application/octet-stream. */
async function sniffMime(blob: Blob): Promise<string | undefined> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  return imageMime(head) ?? (blob.type || undefined);
}

async function dataUrl(blob: Blob, mime: string): Promise<string> {
  return `data:${mime};base64,${base64(new Uint8Array(await blob.arrayBuffer()))}`;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export function fileName(url: string): string {
  try {
    const parsed = new URL(url);
    // Cloud media URLs end in /image or /binary and carry the file name as `name=`.
    const named = parsed.searchParams.get('name');
    if (named) return named;
    const path = parsed.pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
  } catch {
    return url;
  }
}
