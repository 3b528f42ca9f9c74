/**
 * Approximate text widths for layout decisions (column minimums, font-size fitting, heights for
 * keep-together, bidi line breaking): the one estimate of how wide a character is. Layout is
 * pure and has no font files, so these are average advance widths in ems, biased slightly wide
 * so a column never ends up too narrow and a height never too short.
 */
import { SCRIPT_FONTS } from './fonts';

/** Roboto and DejaVu Sans Mono averages, measured. */
const ROBOTO_EM = 0.56;
const ROBOTO_BOLD_EM = 0.59;
const MONO_EM = 0.602;

const MARK = /\p{M}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const EMOJI = /\p{Extended_Pictographic}/u;

export interface MetricsFont {
  bold?: boolean;
  mono?: boolean;
  /** The font a run is drawn in, when fallback has chosen one (lib/layout/fonts.ts). */
  font?: string;
}

/**
 * The advance of a character of a script the Latin averages do not cover, in ems, on the wide
 * side: averages of shaped running text plus ~15% (IBM Plex Sans Arabic 0.36-0.40 em, Noto Sans
 * Hebrew 0.49-0.52 em, measured with fontkit on sample sentences; isolated Arabic forms are much
 * wider than joined ones), full-width CJK, Noto Emoji's 1.3. Undefined for Latin and the rest.
 */
export function scriptEm(ch: string, opts: MetricsFont = {}): number | undefined {
  if (MARK.test(ch)) return 0;
  const bold = opts.bold ? 1.08 : 1;
  if (/\p{Script=Arabic}/u.test(ch)) return 0.45 * bold;
  if (/\p{Script=Hebrew}/u.test(ch)) return 0.57 * bold;
  if (opts.font === SCRIPT_FONTS.cjk || opts.font === SCRIPT_FONTS.hangul) {
    return ch.charCodeAt(0) < 0x80 ? 0.62 : 1.0;
  }
  if (opts.font === SCRIPT_FONTS.emoji) return 1.3;
  if (opts.font === undefined && CJK.test(ch)) return 1.0;
  if (opts.font === undefined && EMOJI.test(ch)) return 1.3;
  return undefined;
}

/** The advance of `ch` in ems by the Latin averages (narrow and wide glyphs told apart). */
function latinEm(ch: string, opts: MetricsFont): number {
  if (opts.mono) return MONO_EM;
  const em = opts.bold ? ROBOTO_BOLD_EM : ROBOTO_EM;
  // Narrow and wide glyphs matter for short words like "ID" vs "mmm".
  if (/[iljtfr.,;:'!|()[\] ]/.test(ch)) return 0.55 * em;
  if (/[mwMW@%]/.test(ch)) return 1.55 * em;
  if (/[A-Z0-9]/.test(ch)) return 1.15 * em;
  return em;
}

/** Estimated width of `text` in points: script widths where known, else the Latin averages. */
export function textWidth(text: string, fontSize: number, opts: MetricsFont = {}): number {
  let ems = 0;
  for (const ch of text) ems += scriptEm(ch, opts) ?? latinEm(ch, opts);
  return ems * fontSize;
}

/** Width of the longest unbreakable word. */
export function longestWordWidth(text: string, fontSize: number, opts: MetricsFont = {}): number {
  let max = 0;
  for (const word of text.split(/[\s\u200b]+/)) {
    if (word) max = Math.max(max, textWidth(word, fontSize, opts));
  }
  return max;
}
