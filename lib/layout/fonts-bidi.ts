/**
 * Right-to-left paragraphs. pdfmake has no bidi: it fills every line left to right in the order
 * it is given. pdfkit hands fontkit one space-separated word at a time, and fontkit shapes it
 * and reverses its glyphs when the word's first letter of a real script is written right to
 * left (Arabic, Hebrew, ...). For a paragraph that is mostly Arabic or Hebrew, layout therefore
 * breaks the lines itself (estimated widths, on the safe side) and hands pdfmake each line in
 * visual order, right-aligned. The Unicode bidi algorithm (UAX #9: embedding levels, per-line
 * reordering, mirroring) is bidi-js's; this file only cuts the result into the pieces pdfkit
 * lays out, written so that fontkit's own reversal leaves each piece in visual order.
 *
 * Limits: lines are a little shorter than they could be (widths are estimated without the
 * font); a word longer than a whole line is left to pdfmake, which breaks it left to right.
 */
import bidiFactory from 'bidi-js';
import { scriptEm, textWidth } from './text-metrics';

/** What bidi needs of a text run: its text and what its width depends on. */
export interface BidiRun {
  text: string;
  font?: string;
  fontSize?: number;
  bold?: boolean;
}

const bidi = bidiFactory();

/** Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms: a quick "maybe RTL". */
const ANY_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const SPACE = /\s/u;
/** Characters that give fontkit no script (it looks further on for one). */
const NO_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
/** The scripts fontkit 2 lays out right to left (its Script.direction). */
const FONTKIT_RTL =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Cypriot}\p{Script=Kharoshthi}\p{Script=Phoenician}\p{Script=Nko}\p{Script=Lydian}\p{Script=Avestan}\p{Script=Imperial_Aramaic}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_South_Arabian}\p{Script=Old_Turkic}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Manichaean}\p{Script=Mende_Kikakui}\p{Script=Nabataean}\p{Script=Old_North_Arabian}\p{Script=Palmyrene}\p{Script=Psalter_Pahlavi}]/u;

/** A character of the Basic Multilingual Plane for each bidi class. */
const CLASS_STANDIN: Record<string, string> = {
  L: 'A',
  R: '\u05d0',
  AL: '\u0627',
  EN: '0',
  ES: '+',
  ET: '#',
  AN: '\u0660',
  CS: ',',
  NSM: '\u0300',
  BN: '\u200b',
  WS: ' ',
};

/**
 * The string bidi-js is given: bidi-js reads one UTF-16 unit at a time, so a character outside
 * the Basic Multilingual Plane (an emoji: a neutral) would count as two left-to-right letters.
 * Both halves of such a character stand in as a BMP character of its own class.
 */
function bidiInput(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch.length === 1) out += ch;
    else out += (CLASS_STANDIN[bidi.getBidiCharTypeName(ch)] ?? '!').repeat(ch.length);
  }
  return out;
}

/** Whether text is predominantly right-to-left: more strong right-to-left characters than
 * strong left-to-right ones. */
export function isRtlText(text: string): boolean {
  if (!ANY_RTL.test(text)) return false;
  let rtl = 0;
  let ltr = 0;
  for (const ch of text) {
    const type = bidi.getBidiCharTypeName(ch);
    if (type === 'R' || type === 'AL') rtl++;
    else if (type === 'L' && /\p{L}/u.test(ch)) ltr++;
  }
  return rtl > ltr;
}

/** Resolved direction of each character (code point) of a right-to-left paragraph: 'R' for an
 * odd embedding level, 'L' for an even one (left-to-right letters and numbers). */
export function resolveDirections(chars: readonly string[]): ('L' | 'R')[] {
  const { levels } = bidi.getEmbeddingLevels(bidiInput(chars.join('')), 'rtl');
  let unit = 0;
  return chars.map((ch) => {
    const level = levels[unit] ?? 1;
    unit += ch.length;
    return level & 1 ? 'R' : 'L';
  });
}

/**
 * Estimated advance in ems of one character, on the wide side: the script widths of
 * text-metrics, and its Latin averages plus 5% (lines here are broken without any slack).
 */
function emWidth(ch: string, run: BidiRun): number {
  const font = { bold: run.bold ?? false, mono: run.font === 'Mono', font: run.font ?? '' };
  return scriptEm(ch, font) ?? textWidth(ch, 1, font) * 1.05;
}

/** Whether fontkit reverses this word's glyphs: its first character of a real script is one
 * fontkit writes right to left. */
function fontkitReverses(text: string): boolean {
  for (const ch of text) if (!NO_SCRIPT.test(ch)) return FONTKIT_RTL.test(ch);
  return false;
}

const reversed = (text: string): string => [...text].reverse().join('');

/** One character of the paragraph: its run, where it starts in the joined text, its width. */
interface Char<R extends BidiRun> {
  ch: string;
  run: R;
  at: number;
  width: number;
}

/** A visual piece of a line: one run, one embedding level, spaces or no spaces. */
interface Piece<R extends BidiRun> {
  run: R;
  level: number;
  space: boolean;
  /** Code-unit range in the joined text, logical order. */
  from: number;
  to: number;
  width: number;
}

/**
 * Lays a right-to-left paragraph's runs out as lines in visual order: lines broken at spaces
 * to fit `width` (points, estimated), each line reordered by the bidi algorithm, lines
 * separated by '\n' runs. Every returned run is one unit pdfkit lays out alone (pdfmake is told
 * not to split those that fit a line): the caller must not merge them again. `fontSize` is the
 * size of runs that set none.
 */
export function visualLines<R extends BidiRun>(
  runs: readonly R[],
  width: number,
  fontSize: number,
): R[] {
  const text = runs.map((r) => r.text).join('');
  const input = bidiInput(text);
  const levels = bidi.getEmbeddingLevels(input, 'rtl');

  const chars: Char<R>[] = [];
  let at = 0;
  for (const run of runs) {
    for (const ch of run.text) {
      chars.push({ ch, run, at, width: emWidth(ch, run) * (run.fontSize ?? fontSize) });
      at += ch.length;
    }
  }

  // Greedy line breaking at spaces (and at explicit line breaks).
  const budget = width * 0.95;
  const lines: Char<R>[][] = [[]];
  let lineWidth = 0;
  let lastSpace = -1;
  for (const c of chars) {
    const line = lines[lines.length - 1]!;
    if (c.ch === '\n') {
      lines.push([]);
      lineWidth = 0;
      lastSpace = -1;
      continue;
    }
    line.push(c);
    lineWidth += c.width;
    if (SPACE.test(c.ch)) lastSpace = line.length - 1;
    else if (lineWidth > budget && lastSpace > 0) {
      const moved = line.splice(lastSpace + 1);
      lines.push(moved);
      lineWidth = moved.reduce((n, m) => n + m.width, 0);
      lastSpace = -1;
    }
  }

  const out: R[] = [];
  lines.forEach((line, n) => {
    // Trailing spaces do not count (pdfmake trims them; they would push the line off the right).
    while (line.length > 0 && SPACE.test(line[line.length - 1]!.ch)) line.pop();
    if (n > 0) out.push({ ...(out[out.length - 1] ?? runs[0]!), text: '\n', noWrap: false });
    for (const piece of visualPieces(input, levels, line)) {
      out.push(pieceRun(text, input, levels, piece, budget));
    }
  });
  return out.filter((r) => r.text !== '');
}

/** One line's characters (logical order) as pieces in visual (left-to-right) order. */
function visualPieces<R extends BidiRun>(
  input: string,
  levels: ReturnType<typeof bidi.getEmbeddingLevels>,
  line: readonly Char<R>[],
): Piece<R>[] {
  if (line.length === 0) return [];
  const first = line[0]!;
  const last = line[line.length - 1]!;
  const start = first.at;
  const end = last.at + last.ch.length - 1;
  // Visual order of the line's code units: bidi-js's reversals applied in turn.
  const order = Array.from({ length: end - start + 1 }, (_, i) => start + i);
  const segments = bidi.getReorderSegments(input, levels, start, end) as [number, number][];
  for (const [from, to] of segments) {
    const a = from - start;
    const b = to - start;
    order.splice(a, b - a + 1, ...order.slice(a, b + 1).reverse());
  }
  const charAt = new Map(line.map((c) => [c.at, c]));
  const pieces: Piece<R>[] = [];
  for (const unit of order) {
    const c = charAt.get(unit);
    if (!c) continue; // the second half of a surrogate pair
    const level = levels.levels[unit] ?? 1;
    const space = SPACE.test(c.ch);
    const prev = pieces[pieces.length - 1];
    const adjacent = prev && (level & 1 ? c.at + c.ch.length === prev.from : c.at === prev.to);
    if (prev && adjacent && prev.run === c.run && prev.level === level && prev.space === space) {
      prev.from = Math.min(prev.from, c.at);
      prev.to = Math.max(prev.to, c.at + c.ch.length);
      prev.width += c.width;
    } else {
      pieces.push({ run: c.run, level, space, from: c.at, to: c.at + c.ch.length, width: c.width });
    }
  }
  return pieces;
}

/**
 * The run pdfmake draws for one piece. A right-to-left piece is handed over in logical order,
 * mirrored (brackets), for fontkit to shape and reverse; a left-to-right one as it reads. Where
 * fontkit would reverse a left-to-right piece (Arabic-Indic digits are Arabic script) or not
 * reverse a right-to-left one (punctuation alone), it is handed over reversed, so that fontkit
 * leaves it in visual order either way.
 */
function pieceRun<R extends BidiRun>(
  text: string,
  input: string,
  levels: ReturnType<typeof bidi.getEmbeddingLevels>,
  piece: Piece<R>,
  budget: number,
): R {
  const rtl = (piece.level & 1) === 1;
  let logical = text.slice(piece.from, piece.to);
  if (rtl) {
    const mirrored = bidi.getMirroredCharactersMap(input, levels.levels, piece.from, piece.to - 1);
    let unit = piece.from;
    logical = [...logical]
      .map((ch) => {
        const out = mirrored.get(unit) ?? ch;
        unit += ch.length;
        return out;
      })
      .join('');
  }
  const shaped = fontkitReverses(logical) === rtl ? logical : reversed(logical);
  // pdfmake would split a word at a hyphen or a maqaf and lay the parts out left to right.
  return { ...piece.run, text: shaped, noWrap: !piece.space && piece.width <= budget };
}
