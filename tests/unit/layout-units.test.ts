// @vitest-environment node
/**
 * pageGeometry: the page size in points for each paper size and orientation, and the text area
 * the margins leave (never narrower or shorter than an inch).
 */
import { describe, expect, it } from 'vitest';
import { mmToPt, pageGeometry } from '../../lib/layout/units';
import { DEFAULT_PREFS, type Prefs } from '../../lib/prefs/schema';

const prefs = (over: Partial<Prefs>): Prefs => ({ ...DEFAULT_PREFS, ...over });
const noMargins: Prefs['marginsMm'] = [0, 0, 0, 0];

describe('pageGeometry', () => {
  it.each([
    ['A4', 595.28, 841.89],
    ['A3', 841.89, 1190.55],
    ['LETTER', 612, 792],
    ['LEGAL', 612, 1008],
  ] as const)('%s portrait is %d x %d pt, landscape swaps them', (pageSize, width, height) => {
    const p = prefs({ pageSize, marginsMm: noMargins });
    expect(pageGeometry(p, 'portrait')).toMatchObject({ width, height });
    expect(pageGeometry(p, 'landscape')).toMatchObject({ width: height, height: width });
  });

  it("follows the prefs' orientation unless told otherwise", () => {
    const p = prefs({ pageSize: 'LETTER', orientation: 'landscape', marginsMm: noMargins });
    expect(pageGeometry(p)).toMatchObject({ width: 792, height: 612 });
    expect(pageGeometry(p, 'portrait')).toMatchObject({ width: 612, height: 792 });
  });

  it('takes each margin off its own side of the text area', () => {
    const g = pageGeometry(
      prefs({ pageSize: 'LETTER', orientation: 'portrait', marginsMm: [10, 20, 30, 40] }),
    );
    expect(g.margins).toEqual([mmToPt(10), mmToPt(20), mmToPt(30), mmToPt(40)]);
    expect(g.textWidth).toBeCloseTo(612 - mmToPt(10) - mmToPt(30), 9);
    expect(g.textHeight).toBeCloseTo(792 - mmToPt(20) - mmToPt(40), 9);
  });

  it('reads negative margins as none and keeps at least an inch of text area', () => {
    const g = pageGeometry(
      prefs({ pageSize: 'A4', orientation: 'portrait', marginsMm: [-5, -5, 400, 400] }),
    );
    expect(g.margins.slice(0, 2)).toEqual([0, 0]);
    expect(g.textWidth).toBe(72);
    expect(g.textHeight).toBe(72);
  });
});
