import type { Raster } from './raster.ts';

// A minimal baseline JPEG encoder (JFIF, YCbCr 4:4:4, one scan). It uses flat Huffman tables
// (every symbol gets a code of one fixed length) instead of the Annex K tables: valid JPEG,
// only less compact, and nothing to get wrong from memory.

const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
  13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52,
  45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

// ITU T.81 Annex K.1 quantisation tables, natural (row-major) order.
const LUMA_Q = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
  14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113,
  92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const CHROMA_Q = [
  17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99,
  47, 66, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
  99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
];

function scaleQ(table: number[], quality: number): number[] {
  const s = quality < 50 ? 5000 / quality : 200 - quality * 2;
  return table.map((q) => Math.min(255, Math.max(1, Math.floor((q * s + 50) / 100))));
}

interface Huff {
  bits: number[]; // 16 counts
  vals: number[];
  codes: Map<number, { code: number; len: number }>;
}

/** A flat table: `len`-bit codes 0..n-1 (never the all-ones code, as T.81 requires). */
function flatHuff(vals: number[], len: number): Huff {
  const bits = new Array<number>(16).fill(0);
  bits[len - 1] = vals.length;
  const codes = new Map<number, { code: number; len: number }>();
  vals.forEach((v, i) => codes.set(v, { code: i, len }));
  return { bits, vals, codes };
}

const DC_SYMBOLS = Array.from({ length: 12 }, (_, i) => i);
const AC_SYMBOLS = [0x00, 0xf0];
for (let run = 0; run < 16; run++)
  for (let size = 1; size <= 10; size++) AC_SYMBOLS.push((run << 4) | size);

const DC_HUFF = flatHuff(DC_SYMBOLS, 4);
const AC_HUFF = flatHuff(AC_SYMBOLS, 8);

class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;

  write(code: number, len: number): void {
    for (let i = len - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((code >> i) & 1);
      this.n++;
      if (this.n === 8) {
        this.bytes.push(this.acc);
        if (this.acc === 0xff) this.bytes.push(0); // byte stuffing
        this.acc = 0;
        this.n = 0;
      }
    }
  }

  flush(): number[] {
    while (this.n !== 0) this.write(1, 1); // pad with ones
    return this.bytes;
  }
}

const COS = Array.from({ length: 8 }, (_, x) =>
  Array.from({ length: 8 }, (_, u) => Math.cos(((2 * x + 1) * u * Math.PI) / 16)),
);
const C = (u: number): number => (u === 0 ? Math.SQRT1_2 : 1);

/** Separable forward DCT of one 8x8 block (natural order in, natural order out). */
function fdct(block: number[]): number[] {
  const tmp = new Array<number>(64).fill(0);
  for (let y = 0; y < 8; y++)
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let x = 0; x < 8; x++) s += (block[y * 8 + x] ?? 0) * (COS[x]?.[u] ?? 0);
      tmp[y * 8 + u] = s;
    }
  const out = new Array<number>(64).fill(0);
  for (let v = 0; v < 8; v++)
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let y = 0; y < 8; y++) s += (tmp[y * 8 + u] ?? 0) * (COS[y]?.[v] ?? 0);
      out[v * 8 + u] = 0.25 * C(u) * C(v) * s;
    }
  return out;
}

function category(v: number): number {
  let a = Math.abs(v);
  let n = 0;
  while (a > 0) {
    a >>= 1;
    n++;
  }
  return n;
}

function emit(w: BitWriter, h: Huff, symbol: number): void {
  const c = h.codes.get(symbol);
  if (!c) throw new Error(`no Huffman code for symbol ${symbol}`);
  w.write(c.code, c.len);
}

function emitValue(w: BitWriter, v: number, cat: number): void {
  if (cat > 0) w.write(v < 0 ? v + (1 << cat) - 1 : v, cat);
}

function segment(marker: number, payload: number[]): number[] {
  const len = payload.length + 2;
  return [0xff, marker, len >> 8, len & 0xff, ...payload];
}

/** Encodes a raster as a baseline JFIF JPEG. */
export function encodeJpeg(r: Raster, quality = 80): Buffer {
  const qt = [scaleQ(LUMA_Q, quality), scaleQ(CHROMA_Q, quality)];
  const out: number[] = [0xff, 0xd8];
  out.push(...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  qt.forEach((t, id) => out.push(...segment(0xdb, [id, ...ZIGZAG.map((z) => t[z] ?? 1)])));
  const { width: W, height: H } = r;
  out.push(
    ...segment(0xc0, [
      8,
      H >> 8,
      H & 0xff,
      W >> 8,
      W & 0xff,
      3,
      1,
      0x11,
      0,
      2,
      0x11,
      1,
      3,
      0x11,
      1,
    ]),
  );
  for (const [cls, h] of [
    [0x00, DC_HUFF],
    [0x10, AC_HUFF],
  ] as const)
    out.push(...segment(0xc4, [cls, ...h.bits, ...h.vals]));
  // Both chroma components share table pair 0 too: one DC + one AC table is enough.
  out.push(...segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]));

  const w = new BitWriter();
  const prevDc = [0, 0, 0];
  for (let by = 0; by < H; by += 8)
    for (let bx = 0; bx < W; bx += 8) {
      const blocks = [new Array<number>(64), new Array<number>(64), new Array<number>(64)];
      for (let y = 0; y < 8; y++)
        for (let x = 0; x < 8; x++) {
          const [R, G, B] = r.get(Math.min(bx + x, W - 1), Math.min(by + y, H - 1));
          const i = y * 8 + x;
          blocks[0]![i] = 0.299 * R + 0.587 * G + 0.114 * B - 128;
          blocks[1]![i] = -0.168736 * R - 0.331264 * G + 0.5 * B;
          blocks[2]![i] = 0.5 * R - 0.418688 * G - 0.081312 * B;
        }
      blocks.forEach((block, comp) => {
        const f = fdct(block);
        const q = qt[comp === 0 ? 0 : 1]!;
        const zz = ZIGZAG.map((z) => Math.round((f[z] ?? 0) / (q[z] ?? 1)));
        const dc = zz[0] ?? 0;
        const diff = dc - (prevDc[comp] ?? 0);
        prevDc[comp] = dc;
        const dcCat = category(diff);
        emit(w, DC_HUFF, dcCat);
        emitValue(w, diff, dcCat);
        let run = 0;
        for (let k = 1; k < 64; k++) {
          const v = zz[k] ?? 0;
          if (v === 0) {
            run++;
            continue;
          }
          while (run > 15) {
            emit(w, AC_HUFF, 0xf0);
            run -= 16;
          }
          const cat = category(v);
          emit(w, AC_HUFF, (run << 4) | cat);
          emitValue(w, v, cat);
          run = 0;
        }
        if (run > 0) emit(w, AC_HUFF, 0x00);
      });
    }
  // concat, not push(...): the scan can exceed the engine's argument limit.
  return Buffer.from(out.concat(w.flush(), [0xff, 0xd9]));
}
