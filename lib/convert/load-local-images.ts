import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LoadedImages } from '../confluence/read-with-images';
import type { Asset, Warning } from '../model/types';
import { readImageHeader } from '../image-bytes/image-header';

/**
 * The converter's image loader (Node): files next to the saved page and `data:` URLs. It never
 * goes to the network. Formats pdfmake cannot embed (GIF, WebP, BMP) need a browser to convert:
 * they become placeholders with a warning here; the extension converts them.
 */
export async function loadLocalImages(images: Record<string, string>): Promise<LoadedImages> {
  const assets: Record<string, Asset> = {};
  const warnings: Warning[] = [];
  for (const [id, url] of Object.entries(images)) {
    try {
      const bytes = await readBytes(url);
      const header = readImageHeader(bytes);
      if (!header) throw new Error('not an image');
      if (!['image/png', 'image/jpeg', 'image/svg+xml'].includes(header.mime)) {
        throw new Error(`${header.mime} needs the extension to convert`);
      }
      assets[id] = {
        mime: header.mime,
        dataUrl: `data:${header.mime};base64,${Buffer.from(bytes).toString('base64')}`,
        width: header.width,
        height: header.height,
        sourceUrl: url,
      };
    } catch (error) {
      warnings.push({
        kind: 'image-failed',
        message: `Image not included: ${decodeURIComponent(url.split(/[?#]/)[0]?.split('/').pop() ?? url)} (${(error as Error).message})`,
      });
    }
  }
  return { assets, warnings };
}

async function readBytes(url: string): Promise<Uint8Array> {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:') {
    return new Uint8Array(await (await fetch(url)).arrayBuffer());
  }
  if (parsed.protocol === 'file:') {
    return new Uint8Array(
      await readFile(fileURLToPath(parsed)).catch(() => {
        throw new Error('file not found next to the page');
      }),
    );
  }
  throw new Error('remote image; the converter works offline');
}
