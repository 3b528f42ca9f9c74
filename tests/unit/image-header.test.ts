// @vitest-environment node
/** The one image-format sniffer (lib/image-bytes/image-header.ts), used by fetch and convert. */
import { describe, expect, it } from 'vitest';
import { imageMime, readImageHeader } from '../../lib/image-bytes/image-header';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A PNG signature and IHDR giving `w` x `h`. */
function png(w: number, h: number): Uint8Array {
  const out = new Uint8Array(24);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(out.buffer).setUint32(16, w);
  new DataView(out.buffer).setUint32(20, h);
  return out;
}

describe('imageMime', () => {
  it.each([
    ['png', png(1, 1), 'image/png'],
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['gif', text('GIF89a'), 'image/gif'],
    ['bmp', text('BM'), 'image/bmp'],
    ['webp', text('RIFF\0\0\0\0WEBPVP8 '), 'image/webp'],
    ['svg after a prolog', text('<?xml version="1.0"?>\n<svg width="4">'), 'image/svg+xml'],
    ['html', text('<!DOCTYPE html><html>'), undefined],
    ['an almost-PNG', bytes(0x89, 0x50, 0x4e, 0x00), undefined],
  ])('%s', (_name, input, expected) => expect(imageMime(input)).toBe(expected));
});

describe('readImageHeader', () => {
  it('reads a PNG size from its IHDR', () => {
    expect(readImageHeader(png(640, 480))).toEqual({ mime: 'image/png', width: 640, height: 480 });
  });

  it('gives no header for a PNG cut before its size', () => {
    expect(readImageHeader(png(640, 480).subarray(0, 20))).toBeUndefined();
  });

  it('sizes an SVG from its root attributes', () => {
    expect(readImageHeader(text('<svg viewBox="0 0 30 10">'))).toEqual({
      mime: 'image/svg+xml',
      width: 30,
      height: 10,
    });
  });
});
