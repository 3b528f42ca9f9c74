import type { PageSizeName, Prefs } from '../prefs/schema';

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;
/** CSS pixels are 1/96 in; PDF points are 1/72 in. */
export const PT_PER_CSS_PX = 0.75;

export const mmToPt = (mm: number): number => mm * PT_PER_MM;

/** Portrait page sizes in points, as pdfmake's standardPageSizes defines them. */
const PAGE_SIZES_PT: Record<PageSizeName, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  A3: { width: 841.89, height: 1190.55 },
  LETTER: { width: 612, height: 792 },
  LEGAL: { width: 612, height: 1008 },
};

export interface PageGeometry {
  width: number;
  height: number;
  /** left, top, right, bottom in points. */
  margins: [number, number, number, number];
  /** Width of the text column. */
  textWidth: number;
  textHeight: number;
}

/** Page geometry in points for the given orientation (defaults to the prefs' orientation). */
export function pageGeometry(
  prefs: Prefs,
  orientation: 'portrait' | 'landscape' = prefs.orientation,
): PageGeometry {
  const base = PAGE_SIZES_PT[prefs.pageSize] ?? PAGE_SIZES_PT.A4;
  const landscape = orientation === 'landscape';
  const width = landscape ? base.height : base.width;
  const height = landscape ? base.width : base.height;
  const [l, t, r, b] = prefs.marginsMm.map((m) => mmToPt(Math.max(0, m))) as [
    number,
    number,
    number,
    number,
  ];
  return {
    width,
    height,
    margins: [l, t, r, b],
    textWidth: Math.max(72, width - l - r),
    textHeight: Math.max(72, height - t - b),
  };
}
