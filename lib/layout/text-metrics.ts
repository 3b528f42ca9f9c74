/**
 * Approximate text widths for layout decisions (column minimums, font-size fitting). Layout is
 * pure and has no font files, so these are average advance widths in ems, measured from Roboto
 * and DejaVu Sans Mono, biased slightly wide so a column never ends up too narrow.
 */
const ROBOTO_EM = 0.56;
const ROBOTO_BOLD_EM = 0.59;
const MONO_EM = 0.602;

export function textWidth(
  text: string,
  fontSize: number,
  opts: { bold?: boolean; mono?: boolean } = {},
): number {
  const em = opts.mono ? MONO_EM : opts.bold ? ROBOTO_BOLD_EM : ROBOTO_EM;
  let units = 0;
  for (const ch of text) {
    // Narrow and wide glyphs matter for short words like "ID" vs "mmm".
    if (opts.mono) units += 1;
    else if (/[iljtfr.,;:'!|()[\] ]/.test(ch)) units += 0.55;
    else if (/[mwMW@%]/.test(ch)) units += 1.55;
    else if (/[A-Z0-9]/.test(ch)) units += 1.15;
    else units += 1;
  }
  return units * em * fontSize;
}

/** Width of the longest unbreakable word. */
export function longestWordWidth(
  text: string,
  fontSize: number,
  opts: { bold?: boolean; mono?: boolean } = {},
): number {
  let max = 0;
  for (const word of text.split(/[\s\u200b]+/)) {
    if (word) max = Math.max(max, textWidth(word, fontSize, opts));
  }
  return max;
}
