/**
 * Font per script. Roboto (the body font) and DejaVu Sans Mono (code) cover Latin, Greek and
 * Cyrillic; Chinese, Japanese, Korean, Hebrew and emoji are drawn with Noto fonts, Arabic with
 * IBM Plex Sans Arabic, all shipped inside the extension (lib/pdf/font-files.ts). Layout is pure and has no font bytes, so the
 * choice is made by Unicode script, plus one precomputed coverage table for the emoji font.
 */

/** pdfmake family names of the per-script fonts (keys of FONT_FAMILIES). */
export const SCRIPT_FONTS = {
  /** Noto Sans SC: all CJK Unified Ideographs + Ext. A, kana, CJK punctuation, full-width forms. */
  cjk: 'NotoSansSC',
  /** Noto Sans KR: Hangul (Noto Sans SC has none). */
  hangul: 'NotoSansKR',
  /** IBM Plex Sans Arabic (whole-letter glyphs: extracted text keeps its letters). */
  arabic: 'PlexArabic',
  hebrew: 'NotoSansHebrew',
  /** Noto Emoji, monochrome outlines (pdfkit cannot draw colour bitmap emoji fonts). */
  emoji: 'NotoEmoji',
} as const;

/** A piece of text and the family to draw it with; no `font` means "the run's own font". */
export interface FontRun {
  text: string;
  font?: string;
}

/**
 * Code points Noto Emoji 0.4.7 has above U+007F (hex start, or start-length with length in hex),
 * generated with fontkit from `NotoEmoji_400Regular.ttf`; checked against the file by
 * tests/unit/layout-fonts.test.ts.
 */
const EMOJI_COVERAGE =
  'a9 ae 203c 2049 2122 2139 2194-5 21a9-1 231a-1 2328 23cf 23e9-a 23f8-2 24c2 25aa-1 25b6 25c0 ' +
  '25fb-3 2600-4 260e 2611 2614-1 2618 261d 2620 2622-1 2626 262a 262e-1 2638-2 2640 2642 ' +
  '2648-b 265f-1 2663 2665-1 2668 267b 267e-1 2692-5 2699 269b-1 26a0-1 26a7 26aa-1 26b0-1 ' +
  '26bd-1 26c4-1 26c8 26ce-1 26d1 26d3-1 26e9-1 26f0-5 26f7-3 26fd 2702 2705 2708-5 270f 2712 ' +
  '2714 2716 271d 2721 2728 2733-1 2744 2747 274c 274e 2753-2 2757 2763-1 2795-2 27a1 27b0 27bf ' +
  '2934-1 2b05-2 2b1b-1 2b50 2b55 3030 303d 3297 3299 1f004 1f0cf 1f170-1 1f17e-1 1f18e ' +
  '1f191-9 1f1e6-19 1f201-1 1f21a 1f22f 1f232-8 1f250-1 1f300-21 1f324-6f 1f396-1 1f399-2 ' +
  '1f39e-52 1f3f3-2 1f3f7-106 1f4ff-3e 1f549-5 1f550-17 1f56f-1 1f573-7 1f587 1f58a-3 1f590 ' +
  '1f595-1 1f5a4-1 1f5a8 1f5b1-1 1f5bc 1f5c2-2 1f5d1-2 1f5dc-2 1f5e1 1f5e3 1f5e8 1f5ef 1f5f3 ' +
  '1f5fa-55 1f680-45 1f6cb-7 1f6d5-4 1f6dc-9 1f6e9 1f6eb-1 1f6f0 1f6f3-9 1f7e0-b 1f7f0 1f90c-2e ' +
  '1f93c-9 1f947-b8 1fa70-c 1fa80-46 1fac8 1facc-11 1fadf-c 1faef-b';

const emojiRanges: readonly (readonly [number, number])[] = EMOJI_COVERAGE.split(' ').map((r) => {
  const [start = '0', length = '0'] = r.split('-');
  const s = parseInt(start, 16);
  return [s, s + parseInt(length, 16)] as const;
});

/** Whether Noto Emoji has a glyph for this code point (binary search over the ranges). */
export function emojiFontHas(cp: number): boolean {
  let lo = 0;
  let hi = emojiRanges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = emojiRanges[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * One emoji as the user sees it: a flag (two regional indicators), a keycap, or a pictograph
 * with its presentation selector, skin tone and ZWJ-joined followers. Noto Emoji has ligatures
 * for ZWJ sequences, flags and keycaps, so a sequence is kept whole in one run.
 */
const EMOJI_SEQUENCE =
  /\p{RI}\p{RI}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\uFE0E|\uFE0F)?\p{EMod}?(?:\u200D\p{Extended_Pictographic}(?:\uFE0E|\uFE0F)?\p{EMod}?)*/uy;

/** Characters Roboto lacks but DejaVu Sans Mono has: arrows, technical symbols, box drawing,
 * geometric shapes, dingbats, Greek Extended (polytonic). */
const MONO_FALLBACK = /[\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2b00-\u2bff\u1f00-\u1fff]/u;

const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\u30fb\u30fc\u3190-\u319f\u31c0-\u31ef\u3200-\u33ff\ufe30-\ufe4f\uff00-\uff9f\uffe0-\uffef]/u;
const HANGUL = /\p{Script=Hangul}/u;
const ARABIC = /\p{Script=Arabic}/u;
const HEBREW = /\p{Script=Hebrew}/u;
const MARK = /\p{M}/u;
/** Variation selectors and joiners outside an emoji sequence: no glyph anywhere; dropped. */
const IGNORABLE = /[\ufe00-\ufe0f\u2060\ufeff]|\u200c|\u200d/u;

/** Whether a matched sequence is drawn with the emoji font: keycaps and flags always; a
 * pictograph when the font has it, except the few Roboto has as text (© ® ™ ‼) unless they ask
 * for emoji presentation (U+FE0F). A pictograph the emoji font lacks falls back per character. */
function isEmoji(seq: string, cp: number): boolean {
  if (/\u20E3$/u.test(seq) || /^\p{RI}/u.test(seq)) return true;
  if (!emojiFontHas(cp)) return false;
  return cp >= 0x2190 || seq.includes('\uFE0F');
}

/** Text the run's own font draws whole: Basic Latin to Cyrillic Supplement, dashes, quotes. */
const ONLY_BASE = /^[\t\n\r\u0020-\u052f\u2010-\u201f\u2026]*$/u;

/** Sentinel for "leave this character out" (no shipped font has it: better nothing than a box). */
const DROP = '\0drop';
/** Sentinel for the run's own font (Roboto, or Mono in code). */
const BASE = '';

function fontOf(ch: string, cp: number): string {
  if (CJK.test(ch)) return SCRIPT_FONTS.cjk;
  if (HANGUL.test(ch)) return SCRIPT_FONTS.hangul;
  if (ARABIC.test(ch)) return SCRIPT_FONTS.arabic;
  if (HEBREW.test(ch)) return SCRIPT_FONTS.hebrew;
  if (cp >= 0x1f000 || (cp >= 0x2190 && /\p{Extended_Pictographic}/u.test(ch))) {
    if (emojiFontHas(cp)) return SCRIPT_FONTS.emoji;
    return MONO_FALLBACK.test(ch) ? 'Mono' : cp >= 0x1f000 ? DROP : BASE;
  }
  if (MONO_FALLBACK.test(ch)) return 'Mono';
  return BASE;
}

/** Noto text fonts all have ASCII: spaces, digits and punctuation next to CJK, Arabic or Hebrew
 * stay in that font, so a word and its punctuation are one run (shaping, right-to-left order). */
const INHERITS = new Set<string>([
  SCRIPT_FONTS.cjk,
  SCRIPT_FONTS.hangul,
  SCRIPT_FONTS.arabic,
  SCRIPT_FONTS.hebrew,
]);

/**
 * Splits text into runs by the font that has its glyphs. Latin, Greek, Cyrillic and anything
 * unknown stay in the run's own font (`font` absent); combining marks follow their base letter.
 * Characters no shipped font has are left out rather than printed as empty boxes.
 */
export function splitByFont(text: string): FontRun[] {
  // Fast path: Latin, Greek, Cyrillic and common punctuation only (most pages, and long texts).
  if (ONLY_BASE.test(text)) return text ? [{ text }] : [];
  const out: FontRun[] = [];
  let current = BASE;
  let buf = '';
  const emit = (font: string, piece: string): void => {
    if (font === DROP) return;
    if (font !== current && buf) {
      out.push(current === BASE ? { text: buf } : { text: buf, font: current });
      buf = '';
    }
    current = font;
    buf += piece;
  };
  let i = 0;
  while (i < text.length) {
    EMOJI_SEQUENCE.lastIndex = i;
    const seq = EMOJI_SEQUENCE.exec(text);
    const cp = text.codePointAt(i) ?? 0;
    if (seq && isEmoji(seq[0], cp)) {
      emit(SCRIPT_FONTS.emoji, seq[0]);
      i += seq[0].length;
      continue;
    }
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    // Variation selectors are marks too: test them first.
    // Joiners outside emoji have no glyph in any shipped font (IBM Plex Sans Arabic included):
    // dropped, so a Persian ZWNJ joins letters it should keep apart.
    if (IGNORABLE.test(ch)) continue;
    if (MARK.test(ch) && buf) emit(current, ch);
    else if (cp >= 0x20 && cp < 0x7f && INHERITS.has(current)) emit(current, ch);
    else emit(fontOf(ch, cp), ch);
  }
  if (buf) out.push(current === BASE ? { text: buf } : { text: buf, font: current });
  return out;
}

/** Plain text -> pdfmake text: a string when one font does, else an array of font runs. */
export function scriptText(text: string): string | FontRun[] {
  const runs = splitByFont(text);
  const [only] = runs;
  if (runs.length === 1 && only && only.font === undefined) return only.text;
  return runs;
}
