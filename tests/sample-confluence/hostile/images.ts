// Hostile image files for the hostile pages: broken, empty, truncated, oversized, unsupported.
// Generated on demand (no binaries in the repository) and cached.
import { createDeflate, crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function ihdr(width: number, height: number, colourType: number): Buffer {
  const h = Buffer.alloc(13);
  h.writeUInt32BE(width, 0);
  h.writeUInt32BE(height, 4);
  h[8] = 8;
  h[9] = colourType;
  return chunk('IHDR', h);
}

/** A valid small grey-scale PNG (a diagonal gradient). */
function smallPng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (x + y) * 4;
  return Buffer.concat([
    SIGNATURE,
    ihdr(width, height, 0),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A real, valid 10000 x 5000 grey-scale PNG (50 megapixels) that is ~50 KB on the wire. Rows are
 * streamed through deflate one at a time, so generating it never holds the 50 MB of pixels.
 */
function hugePng(): Promise<Buffer> {
  const width = 10_000;
  const height = 5_000;
  return new Promise((resolve, reject) => {
    const deflate = createDeflate({ level: 9 });
    const parts: Buffer[] = [];
    deflate.on('data', (b: Buffer) => parts.push(b));
    deflate.on('error', reject);
    deflate.on('end', () =>
      resolve(
        Buffer.concat([
          SIGNATURE,
          ihdr(width, height, 0),
          chunk('IDAT', Buffer.concat(parts)),
          chunk('IEND', Buffer.alloc(0)),
        ]),
      ),
    );
    const row = Buffer.alloc(width + 1, 0x80);
    row[0] = 0;
    let y = 0;
    const pump = (): void => {
      while (y < height) {
        y++;
        if (!deflate.write(row)) return void deflate.once('drain', pump);
      }
      deflate.end();
    };
    pump();
  });
}

/** Deterministic pseudo-random bytes (not an image of any kind). */
function noise(n: number): Buffer {
  const out = Buffer.alloc(n);
  let s = 0x2545f491;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s & 0xff;
  }
  return out;
}

/** A little-endian TIFF header followed by junk: a format browsers do not decode. */
const tiff = (): Buffer =>
  Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]), noise(2048)]);

export interface HostileImage {
  mime: string;
  bytes: () => Buffer | Promise<Buffer>;
}

/** The files under `/hostile-assets/{name}`; an unknown name answers 404 (the "broken" image). */
export const HOSTILE_IMAGES: Record<string, HostileImage> = {
  'ok.png': { mime: 'image/png', bytes: () => smallPng(64, 32) },
  'zero-byte.png': { mime: 'image/png', bytes: () => Buffer.alloc(0) },
  'truncated.png': { mime: 'image/png', bytes: () => smallPng(200, 100).subarray(0, 90) },
  '50-megapixel.png': { mime: 'image/png', bytes: hugePng },
  'scan.tiff': { mime: 'image/tiff', bytes: tiff },
  'random.png': { mime: 'image/png', bytes: () => noise(4096) },
  'random.bin': { mime: 'application/octet-stream', bytes: () => noise(4096) },
};

const cache = new Map<string, Promise<Buffer>>();

/** Bytes of a hostile image, or undefined for an unknown name. */
export function hostileImage(name: string): Promise<{ mime: string; bytes: Buffer }> | undefined {
  const img = HOSTILE_IMAGES[name];
  if (!img) return undefined;
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = Promise.resolve(img.bytes());
    cache.set(name, bytes);
  }
  return bytes.then((b) => ({ mime: img.mime, bytes: b }));
}
