import type { Prefs } from '../prefs/schema';

/** Paper widths in inches, portrait. */
const PAPER_WIDTH_IN: Record<Prefs['pageSize'], number> = {
  A4: 8.27,
  LETTER: 8.5,
  LEGAL: 8.5,
  A3: 11.69,
};
const PAPER_HEIGHT_IN: Record<Prefs['pageSize'], number> = {
  A4: 11.69,
  LETTER: 11,
  LEGAL: 14,
  A3: 16.54,
};

/**
 * The most pixels an image needs along its longest side: it is never printed wider than the page
 * (a landscape table or page can be as wide as the paper's long side), at the DPI cap.
 */
export function maxImagePixels(prefs: Prefs): number {
  const longest = Math.max(PAPER_WIDTH_IN[prefs.pageSize], PAPER_HEIGHT_IN[prefs.pageSize]);
  return Math.round(longest * prefs.maxImageDpi);
}
