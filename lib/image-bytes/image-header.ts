/**
 * What an image file is, from its first bytes, without decoding it: the one place that sniffs
 * image formats (for fetched images in lib/confluence and local files in lib/convert).
 */
export type ImageMime =
  'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/bmp' | 'image/svg+xml';

export interface ImageHeader {
  mime: ImageMime;
  width: number;
  height: number;
}

/** How many leading bytes `imageMime` looks at (an SVG's root tag must start within them). */
export const SNIFF_BYTES = 1024;

/**
 * The format of an image file from its first bytes (its magic number; SVG by its root tag),
 * whatever the server's Content-Type says: Confluence often serves application/octet-stream.
 */
export function imageMime(bytes: Uint8Array): ImageMime | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'image/gif';
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return 'image/bmp';
  if (String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp';
  if (/<svg[\s>]/i.test(new TextDecoder().decode(bytes.subarray(0, SNIFF_BYTES))))
    return 'image/svg+xml';
  return undefined;
}

/** An image's format (as `imageMime`) and pixel size, or undefined when the header is cut short. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const mime = imageMime(bytes);
  switch (mime) {
    case 'image/png':
      if (bytes.length < 24) return undefined;
      return { mime, width: view.getUint32(16), height: view.getUint32(20) };
    case 'image/jpeg':
      return bytes.length >= 4 ? jpegSize(bytes, view) : undefined;
    case 'image/gif':
      if (bytes.length < 10) return undefined;
      return { mime, width: view.getUint16(6, true), height: view.getUint16(8, true) };
    case 'image/bmp':
      if (bytes.length < 26) return undefined;
      return { mime, width: view.getInt32(18, true), height: Math.abs(view.getInt32(22, true)) };
    case 'image/webp':
      return { mime, width: 0, height: 0 };
    case 'image/svg+xml':
      return { mime, ...svgSize(new TextDecoder().decode(bytes.subarray(0, SNIFF_BYTES))) };
    case undefined:
      return undefined;
  }
}

function jpegSize(bytes: Uint8Array, view: DataView): ImageHeader | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    const length = view.getUint16(offset + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return {
        mime: 'image/jpeg',
        height: view.getUint16(offset + 5),
        width: view.getUint16(offset + 7),
      };
    }
    offset += 2 + length;
  }
  return undefined;
}

/** Intrinsic size of an SVG from its root element's width/height or viewBox. */
export function svgSize(text: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0] ?? '';
  const attr = (name: string): number | undefined => {
    const value = new RegExp(`\\s${name}\\s*=\\s*["']([\\d.]+)(px)?["']`, 'i').exec(tag)?.[1];
    return value ? Number(value) : undefined;
  };
  const viewBox = /viewBox\s*=\s*["']([^"']+)["']/i
    .exec(tag)?.[1]
    ?.split(/[\s,]+/)
    .map(Number);
  return {
    width: attr('width') ?? viewBox?.[2] ?? 300,
    height: attr('height') ?? viewBox?.[3] ?? 150,
  };
}
