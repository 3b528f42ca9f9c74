/**
 * Right-to-left paragraphs. pdfmake has no bidi: it fills every line left to right in the order
 * it is given. pdfkit (fontkit) shapes Arabic and reverses the glyphs of each space-separated
 * word whose first letter is right-to-left, so single words come out right; the order of the
 * words on a line does not. For a paragraph that is mostly Arabic or Hebrew, layout therefore
 * breaks the lines itself (estimated widths, on the safe side) and hands pdfmake each line in
 * visual order, right-aligned: a simplified Unicode bidi algorithm (UAX #9) at word level.
 *
 * Limits: no explicit embeddings or isolates (RLE, LRI, ...), no bracket pairing (brackets in
 * right-to-left text are mirrored one by one), a word pdfmake breaks itself (longer than the
 * line, or at a hyphen) keeps left-to-right piece order; lines are a little shorter than they
 * could be, as widths are estimated without the font.
 */
import { textWidth } from './text-metrics';
import { SCRIPT_FONTS } from './fonts';

/** What bidi needs of a text run: its text and what its width depends on. */
export interface BidiRun {
  text: string;
  font?: string;
  fontSize?: number;
  bold?: boolean;
}

const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;
/** Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms: a quick "maybe RTL". */
const ANY_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const MARK = /\p{M}/u;
const DIGIT = /\p{Nd}/u;
const SPACE = /\s/u;
/** Separators kept inside a number (1,000.5  12:30  2024-06-01  +/-). */
const NUMBER_SEPARATOR = /[.,:/\u060c\u066b\u066c+-]/u;
/** Terminators that stick to a number (50%  $5  5°). */
const NUMBER_TERMINATOR = /[%\u066a\u2030#$\u00a2-\u00a5\u00b0\u20ac]/u;
const MIRROR: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '\u00ab': '\u00bb',
  '\u00bb': '\u00ab',
};

/** Whether text is predominantly right-to-left: more Arabic/Hebrew letters than other letters. */
export function isRtlText(text: string): boolean {
  if (!ANY_RTL.test(text)) return false;
  let rtl = 0;
  let ltr = 0;
  for (const ch of text) {
    if (RTL_LETTER.test(ch) && !MARK.test(ch)) rtl++;
    else if (LETTER.test(ch)) ltr++;
  }
  return rtl > ltr;
}

type Cls = 'L' | 'R' | 'EN' | 'N';

/** Resolved direction of each character (code point) of a right-to-left paragraph: 'R' for
 * level 1, 'L' for level 2 (left-to-right letters and numbers). */
export function resolveDirections(chars: readonly string[]): ('L' | 'R')[] {
  const cls: Cls[] = chars.map((ch) =>
    RTL_LETTER.test(ch) && !MARK.test(ch)
      ? 'R'
      : LETTER.test(ch)
        ? 'L'
        : DIGIT.test(ch)
          ? 'EN'
          : 'N',
  );
  // W1: a combining mark takes the class of what it sits on.
  chars.forEach((ch, i) => {
    if (MARK.test(ch)) cls[i] = i > 0 ? cls[i - 1]! : 'R';
  });
  // W4, W5: separators between digits and terminators next to digits belong to the number.
  for (let i = 1; i < chars.length - 1; i++) {
    if (cls[i - 1] === 'EN' && cls[i + 1] === 'EN' && NUMBER_SEPARATOR.test(chars[i]!)) {
      cls[i] = 'EN';
    }
  }
  for (let i = 0; i < chars.length; i++) {
    if (!NUMBER_TERMINATOR.test(chars[i]!)) continue;
    if (cls[i - 1] === 'EN' || cls[i + 1] === 'EN') cls[i] = 'EN';
  }
  // W7: a number after left-to-right text is left-to-right text.
  let strong: Cls = 'R';
  for (let i = 0; i < chars.length; i++) {
    if (cls[i] === 'L' || cls[i] === 'R') strong = cls[i]!;
    else if (cls[i] === 'EN' && strong === 'L') cls[i] = 'L';
  }
  // N1, N2: neutrals between two runs of one direction take it (numbers count as R); others
  // take the paragraph's (R).
  const out: ('L' | 'R')[] = cls.map((c) => (c === 'N' ? 'R' : c === 'R' ? 'R' : 'L'));
  for (let i = 0; i < chars.length;) {
    if (cls[i] !== 'N') {
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && cls[j] === 'N') j++;
    const before = i === 0 ? 'R' : cls[i - 1] === 'L' ? 'L' : 'R';
    const after = j === chars.length ? 'R' : cls[j] === 'L' ? 'L' : 'R';
    const dir = before === after ? before : 'R';
    for (let k = i; k < j; k++) out[k] = dir;
    i = j;
  }
  return out;
}

/**
 * Estimated advance in ems of one character, on the wide side: averages of shaped running
 * text plus ~15% (IBM Plex Sans Arabic 0.36-0.40 em, Noto Sans Hebrew 0.49-0.52 em, measured
 * with fontkit on sample sentences; isolated Arabic forms are much wider than joined ones).
 */
function emWidth(ch: string, run: BidiRun): number {
  if (MARK.test(ch)) return 0;
  const bold = run.bold ? 1.08 : 1;
  if (/\p{Script=Arabic}/u.test(ch)) return 0.45 * bold;
  if (/\p{Script=Hebrew}/u.test(ch)) return 0.57 * bold;
  if (run.font === SCRIPT_FONTS.cjk || run.font === SCRIPT_FONTS.hangul) {
    return ch.charCodeAt(0) < 0x80 ? 0.62 : 1.0;
  }
  if (run.font === SCRIPT_FONTS.emoji) return 1.3;
  return textWidth(ch, 1, { bold: run.bold ?? false, mono: run.font === 'Mono' }) * 1.05;
}

/** Whether fontkit reverses this text itself: its first letter of a real script is RTL. */
function fontkitReverses(text: string): boolean {
  for (const ch of text) {
    if (RTL_LETTER.test(ch) && !MARK.test(ch)) return true;
    if (LETTER.test(ch)) return false;
  }
  return false;
}

interface Piece<R extends BidiRun> {
  run: R;
  text: string;
  dir: 'L' | 'R';
}

/**
 * Lays a right-to-left paragraph's runs out as lines in visual order: lines broken at spaces
 * to fit `width` (points, estimated), each line's runs reordered right-to-left, lines separated
 * by '\n' runs. Every returned run is one unit pdfkit lays out alone: the caller must not merge
 * them again. `fontSize` is the size of runs that set none.
 */
export function visualLines<R extends BidiRun>(
  runs: readonly R[],
  width: number,
  fontSize: number,
): R[] {
  // Characters with their run and resolved direction.
  const chars: { ch: string; run: R }[] = [];
  for (const run of runs) for (const ch of run.text) chars.push({ ch, run });
  const dirs = resolveDirections(chars.map((c) => c.ch));

  // Greedy line breaking at spaces (and at explicit line breaks).
  const budget = width * 0.95;
  const lines: { ch: string; run: R; dir: 'L' | 'R' }[][] = [[]];
  let lineWidth = 0;
  let lastSpace = -1;
  chars.forEach((c, i) => {
    const line = lines[lines.length - 1]!;
    if (c.ch === '\n') {
      lines.push([]);
      lineWidth = 0;
      lastSpace = -1;
      return;
    }
    const w = emWidth(c.ch, c.run) * (c.run.fontSize ?? fontSize);
    line.push({ ...c, dir: dirs[i]! });
    lineWidth += w;
    if (SPACE.test(c.ch)) lastSpace = line.length - 1;
    else if (lineWidth > budget && lastSpace > 0) {
      const moved = line.splice(lastSpace + 1);
      lines.push(moved);
      lineWidth = moved.reduce(
        (n, m) => n + emWidth(m.ch, m.run) * (m.run.fontSize ?? fontSize),
        0,
      );
      lastSpace = -1;
    }
  });

  const out: R[] = [];
  lines.forEach((line, n) => {
    // Trailing spaces do not count (pdfmake trims them; they would push the line off the right).
    while (line.length > 0 && SPACE.test(line[line.length - 1]!.ch)) line.pop();
    if (n > 0) out.push({ ...(out[out.length - 1] ?? runs[0]!), text: '\n' });
    for (const piece of reorderLine(line)) out.push({ ...piece.run, text: piece.text });
  });
  return out.filter((r) => r.text !== '');
}

/** One line, logical order in, pieces in visual (left-to-right) order out. */
function reorderLine<R extends BidiRun>(
  line: { ch: string; run: R; dir: 'L' | 'R' }[],
): Piece<R>[] {
  // Pieces: maximal stretches of one run, one direction, and spaces / non-spaces apart.
  const pieces: Piece<R>[] = [];
  for (const c of line) {
    const last = pieces[pieces.length - 1];
    const space = SPACE.test(c.ch);
    if (
      last &&
      last.run === c.run &&
      last.dir === c.dir &&
      SPACE.test(last.text.slice(-1)) === space
    ) {
      last.text += c.ch;
    } else pieces.push({ run: c.run, text: c.ch, dir: c.dir });
  }
  // Level runs: a left-to-right stretch keeps its order; the sequence of stretches, and the
  // pieces inside a right-to-left stretch, are reversed.
  const visual: Piece<R>[] = [];
  let ltr: Piece<R>[] = [];
  const flushLtr = (): void => {
    visual.unshift(...ltr);
    ltr = [];
  };
  for (const piece of pieces) {
    if (piece.dir === 'L') ltr.push(piece);
    else {
      flushLtr();
      // fontkit reverses a word that starts right-to-left; anything else is reversed here,
      // brackets mirrored as a right-to-left reader expects them.
      const text = fontkitReverses(piece.text)
        ? piece.text
        : [...piece.text]
            .reverse()
            .map((ch) => MIRROR[ch] ?? ch)
            .join('');
      visual.unshift({ ...piece, text });
    }
  }
  flushLtr();
  return visual;
}
