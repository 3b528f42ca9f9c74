import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms: a quick "maybe RTL". */
const ANY_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

/** Arrays this module wrote into a font's map: each glyph is turned round once. */
const turned = new WeakSet<readonly number[]>();

const isStrongRtl = (cp: number): boolean => {
  const type = bidi.getBidiCharTypeName(String.fromCodePoint(cp));
  return type === 'R' || type === 'AL';
};

/**
 * The ToUnicode entry of a right-to-left ligature. fontkit draws a right-to-left word's glyphs
 * in visual order (right to left), and pdfkit maps each glyph to the characters it stands for
 * in logical order (fontkit's `glyph.codePoints`: lam-alef is U+0644 U+0627). Text extraction
 * (pdfjs, poppler's pdftotext, copy and paste, search) reads the glyphs in drawing order and
 * reverses the right-to-left string character by character, so a ligature's letters came out
 * swapped: "لا" read "ال", "في" read "يف". Mapping such a glyph to its characters in visual
 * order makes that reversal give them back in logical order.
 *
 * `encoded` is pdfkit's `encode()` result for `text` (glyph ids, 4 hex digits each); `unicode`
 * is pdfkit's EmbeddedFont map from glyph id to code points, written out as the ToUnicode CMap
 * when the font is embedded (at the end of the document).
 */
export function mapRtlLigatures(
  font: { unicode?: number[][] },
  text: string,
  encoded: readonly string[],
): void {
  const unicode = font.unicode;
  if (!unicode || !ANY_RTL.test(text)) return;
  for (const hex of encoded) {
    const gid = parseInt(hex, 16);
    const codePoints = unicode[gid];
    if (!codePoints || codePoints.length < 2 || turned.has(codePoints)) continue;
    if (!codePoints.some(isStrongRtl)) continue;
    const visual = [...codePoints].reverse();
    turned.add(visual);
    unicode[gid] = visual;
  }
}
