/**
 * Font per character. Roboto (the body font) and DejaVu Sans Mono (code) cover Latin, Greek and
 * Cyrillic; Chinese, Japanese, Korean, Hebrew and emoji are drawn with Noto fonts, Arabic with
 * IBM Plex Sans Arabic, all shipped inside the extension (lib/pdf/font-files.ts). Layout is pure
 * and has no font bytes: the choice is made from a coverage table of every family
 * (./font-coverage.ts, checked against the files), the Unicode script deciding which font a
 * character prefers when several have it.
 */
import { EMOJI_LIGATURES, FONT_COVERAGE } from './font-coverage';

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

/** The families text is set in (the body font preference, and code); the rest are fallbacks. */
export const BASE_FONTS: readonly string[] = ['Roboto', 'Mono'];

/** Where a character no script prefers is looked for after the run's own font, in order. */
export const FALLBACK_ORDER: readonly string[] = [
  'Roboto',
  'Mono',
  SCRIPT_FONTS.cjk,
  SCRIPT_FONTS.hangul,
  SCRIPT_FONTS.arabic,
  SCRIPT_FONTS.hebrew,
  SCRIPT_FONTS.emoji,
];

/** A piece of text and the family to draw it with; no `font` means "the run's own font". */
export interface FontRun {
  text: string;
  font?: string;
  /** Part of an emoji sequence the font has no glyph of its own for: laid out on its own, not
   * joined to the runs around it (in one run the font would draw the sequence's neutral form). */
  apart?: true;
}

type Ranges = readonly (readonly [number, number])[];

const coverage = new Map<string, Ranges>();

function rangesOf(family: string): Ranges {
  let ranges = coverage.get(family);
  if (!ranges) {
    const table = FONT_COVERAGE[family] ?? '';
    ranges = table
      ? table.split(' ').map((r) => {
          const [start = '0', length = '0'] = r.split('-');
          const s = parseInt(start, 16);
          return [s, s + parseInt(length, 16)] as const;
        })
      : [];
    coverage.set(family, ranges);
  }
  return ranges;
}

/** Whether a shipped font family has a glyph for this code point (in all its styles). */
export function fontHas(family: string, cp: number): boolean {
  const ranges = rangesOf(family);
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * One emoji as the user sees it: a flag (two regional indicators), a keycap, or a pictograph
 * with its presentation selector, skin tone and ZWJ-joined followers. Noto Emoji has ligatures
 * for ZWJ sequences, flags and keycaps, so a sequence is kept whole in one run; one it has no
 * ligature for is drawn as its parts, each of which it has.
 */
const EMOJI_SEQUENCE =
  /\p{RI}\p{RI}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\uFE0E|\uFE0F)?\p{EMod}?(?:\u200D\p{Extended_Pictographic}(?:\uFE0E|\uFE0F)?\p{EMod}?)*/uy;

const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\u30fb\u30fc\u3190-\u319f\u31c0-\u31ef\u3200-\u33ff\ufe30-\ufe4f\uff00-\uff9f\uffe0-\uffef]/u;
const HANGUL = /\p{Script=Hangul}/u;
const ARABIC = /\p{Script=Arabic}/u;
const HEBREW = /\p{Script=Hebrew}/u;
const MARK = /\p{M}/u;
/** Variation selectors and joiners outside an emoji sequence: no glyph anywhere; dropped. */
const IGNORABLE = /[\ufe00-\ufe0f\u2060\ufeff]|\u200c|\u200d/u;

/** Whether a matched sequence is drawn with the emoji font: keycaps and flags always; a
 * pictograph when the font has it, except the few the run's font has as text (© ® ™ ‼) unless
 * they ask for emoji presentation (U+FE0F). A pictograph the emoji font lacks falls back per
 * character. */
function isEmoji(seq: string, cp: number, base: string): boolean {
  if (/\u20E3$/u.test(seq) || /^\p{RI}/u.test(seq)) return true;
  if (!fontHas(SCRIPT_FONTS.emoji, cp)) return false;
  if (seq.includes('\uFE0F')) return true;
  return cp >= 0x2190 || !fontHas(base, cp);
}

const ligatures = new Set(EMOJI_LIGATURES.split(' '));

/** Whether the emoji font draws a sequence with a glyph of its own (see EMOJI_LIGATURES). */
function hasOwnGlyph(seq: string): boolean {
  const cps = [...seq.replace(/\uFE0E|\uFE0F/gu, '')].map((c) => c.codePointAt(0)!.toString(16));
  return cps.length === 1 || ligatures.has(cps.join('-'));
}

/** A sequence's parts: each pictograph or modifier with its presentation selector; no joiners. */
function emojiParts(seq: string): string[] {
  const parts: string[] = [];
  for (const ch of seq) {
    if (ch === '\u200D') continue;
    if ((ch === '\uFE0F' || ch === '\uFE0E') && parts.length > 0) parts[parts.length - 1] += ch;
    else parts.push(ch);
  }
  return parts;
}

/** Whether the emoji font has every code point of a sequence (else it goes character by character). */
function emojiFontHasAll(seq: string): boolean {
  for (const ch of seq) if (!fontHas(SCRIPT_FONTS.emoji, ch.codePointAt(0)!)) return false;
  return true;
}

/** Text Roboto and DejaVu Sans Mono both draw whole: printable ASCII, tabs and line breaks. */
const ONLY_ASCII = /^[\t\n\r\u0020-\u007e]*$/u;

/** Sentinel for "leave this character out" (no shipped font has it: better nothing than a box). */
const DROP = '\0drop';
/** Sentinel for the run's own font. */
const BASE = '';
/** Sentinel for "after an emoji part": whatever comes next starts a run of its own. */
const APART = '\0apart';

/** The font a script's letters are drawn with, whatever the run's font. */
function scriptFont(ch: string): string | undefined {
  if (CJK.test(ch)) return SCRIPT_FONTS.cjk;
  if (HANGUL.test(ch)) return SCRIPT_FONTS.hangul;
  if (ARABIC.test(ch)) return SCRIPT_FONTS.arabic;
  if (HEBREW.test(ch)) return SCRIPT_FONTS.hebrew;
  return undefined;
}

function fontOf(ch: string, cp: number, base: string): string {
  const script = scriptFont(ch);
  if (script && fontHas(script, cp)) return script;
  if (fontHas(base, cp)) return BASE;
  return FALLBACK_ORDER.find((f) => f !== base && fontHas(f, cp)) ?? DROP;
}

/** Spaces and ASCII punctuation next to these scripts stay in their font, so a word and its
 * punctuation are one run (shaping, right-to-left order of a paragraph). In code they return to
 * the monospace font: pdfkit reverses a right-to-left run whole, quotes and commas included. */
const INHERITS = new Set<string>([
  SCRIPT_FONTS.arabic,
  SCRIPT_FONTS.hebrew,
  SCRIPT_FONTS.cjk,
  SCRIPT_FONTS.hangul,
]);
const INHERITS_NONE = new Set<string>();

/**
 * Splits text into runs by the font that has each character's glyph. `base` is the family the
 * run is set in (Roboto, or Mono in code): characters it has stay in it (`font` absent) unless
 * their script has its own font; others go to the first font that has them. Combining marks
 * follow their base letter; characters no shipped font has are left out rather than printed
 * as empty boxes (.notdef).
 */
export function splitByFont(text: string, base = 'Roboto'): FontRun[] {
  if (ONLY_ASCII.test(text)) return text ? [{ text }] : [];
  const inherits = base === 'Mono' ? INHERITS_NONE : INHERITS;
  const out: FontRun[] = [];
  let current = BASE;
  let buf = '';
  const flush = (): void => {
    if (buf) out.push(current === BASE ? { text: buf } : { text: buf, font: current });
    buf = '';
  };
  const emit = (font: string, piece: string): void => {
    if (font === DROP) return;
    if (font !== current) flush();
    current = font;
    buf += piece;
  };
  const currentHas = (cp: number): boolean => fontHas(current === BASE ? base : current, cp);
  let i = 0;
  while (i < text.length) {
    EMOJI_SEQUENCE.lastIndex = i;
    const seq = EMOJI_SEQUENCE.exec(text);
    const cp = text.codePointAt(i) ?? 0;
    if (seq && isEmoji(seq[0], cp, base) && emojiFontHasAll(seq[0])) {
      i += seq[0].length;
      if (hasOwnGlyph(seq[0])) emit(SCRIPT_FONTS.emoji, seq[0]);
      else {
        flush();
        for (const part of emojiParts(seq[0])) {
          out.push({ text: part, font: SCRIPT_FONTS.emoji, apart: true });
        }
        current = APART;
      }
      continue;
    }
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    // Joiners outside emoji have no glyph in any shipped font (IBM Plex Sans Arabic included):
    // dropped, so a Persian ZWNJ joins letters it should keep apart. Variation selectors are
    // marks too: tested first.
    if (IGNORABLE.test(ch)) continue;
    // Line breaks and other controls: pdfmake's, not a font's.
    if (cp < 0x20) emit(current === APART ? BASE : current, ch);
    else if (MARK.test(ch) && buf && currentHas(cp)) emit(current, ch);
    else if (cp < 0x7f && inherits.has(current) && currentHas(cp)) emit(current, ch);
    else emit(fontOf(ch, cp, base), ch);
  }
  flush();
  return out;
}

/**
 * Plain text -> pdfmake text: a string when one font does, else an array of font runs. The
 * definition-wide pass (./font-fallback.ts) does this for every text; calling it early is only
 * needed where layout measures runs itself.
 */
export function scriptText(text: string, base = 'Roboto'): string | FontRun[] {
  const runs = splitByFont(text, base);
  const [only] = runs;
  if (runs.length === 1 && only && only.font === undefined) return only.text;
  return runs;
}
