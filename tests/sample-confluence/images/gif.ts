import type { Raster, Rgb } from './raster.ts';

/** Variable-width LZW as GIF wants it (codes packed LSB-first), for 8-bit colour indices. */
function lzw(indices: Uint8Array, minCodeSize: number): Buffer {
  const clear = 1 << minCodeSize;
  const eoi = clear + 1;
  const out: number[] = [];
  let acc = 0;
  let nbits = 0;
  let codeSize = minCodeSize + 1;
  const put = (code: number): void => {
    acc |= code << nbits;
    nbits += codeSize;
    while (nbits >= 8) {
      out.push(acc & 0xff);
      acc >>>= 8;
      nbits -= 8;
    }
  };
  // Keyed by "prefix code,next index" so keys stay short however long the strings grow.
  let dict = new Map<string, number>();
  let next = eoi + 1;
  put(clear);
  let prefix = indices[0] ?? 0;
  for (let i = 1; i < indices.length; i++) {
    const k = indices[i] ?? 0;
    const key = `${prefix},${k}`;
    const known = dict.get(key);
    if (known !== undefined) {
      prefix = known;
      continue;
    }
    put(prefix);
    if (next === 4096) {
      put(clear);
      dict = new Map();
      next = eoi + 1;
      codeSize = minCodeSize + 1;
    } else {
      dict.set(key, next++);
      if (next - 1 === 1 << codeSize && codeSize < 12) codeSize++;
    }
    prefix = k;
  }
  put(prefix);
  put(eoi);
  if (nbits > 0) out.push(acc & 0xff);
  // Split into sub-blocks of at most 255 bytes.
  const blocks: number[] = [minCodeSize];
  for (let i = 0; i < out.length; i += 255) {
    const part = out.slice(i, i + 255);
    blocks.push(part.length, ...part);
  }
  blocks.push(0);
  return Buffer.from(blocks);
}

/**
 * Encodes frames (all the same size, colours drawn from `palette`, at most 256) as an
 * animated GIF89a that loops forever.
 */
export function encodeGif(frames: Raster[], palette: Rgb[], delayCs = 50): Buffer {
  const first = frames[0];
  if (!first) throw new Error('no frames');
  const bits = Math.max(1, Math.ceil(Math.log2(palette.length)));
  const size = 1 << bits;
  const key = (c: Rgb): string => c.join(',');
  const lookup = new Map(palette.map((c, i) => [key(c), i]));
  const w = first.width;
  const h = first.height;
  const parts: Buffer[] = [Buffer.from('GIF89a', 'latin1')];
  parts.push(
    Buffer.from([w & 0xff, w >> 8, h & 0xff, h >> 8, 0x80 | ((bits - 1) << 4) | (bits - 1), 0, 0]),
  );
  const table = Buffer.alloc(size * 3);
  palette.forEach((c, i) => table.set(c, i * 3));
  parts.push(table);
  // NETSCAPE2.0 application extension: loop forever.
  parts.push(
    Buffer.from([
      0x21,
      0xff,
      0x0b,
      0x4e,
      0x45,
      0x54,
      0x53,
      0x43,
      0x41,
      0x50,
      0x45,
      0x32,
      0x2e,
      0x30, // NETSCAPE2.0
      3,
      1,
      0,
      0,
      0,
    ]),
  );
  for (const f of frames) {
    parts.push(Buffer.from([0x21, 0xf9, 4, 0x04, delayCs & 0xff, delayCs >> 8, 0, 0]));
    parts.push(Buffer.from([0x2c, 0, 0, 0, 0, w & 0xff, w >> 8, h & 0xff, h >> 8, 0]));
    const idx = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) idx[y * w + x] = lookup.get(key(f.get(x, y))) ?? 0;
    parts.push(lzw(idx, Math.max(2, bits)));
  }
  parts.push(Buffer.from([0x3b]));
  return Buffer.concat(parts);
}
