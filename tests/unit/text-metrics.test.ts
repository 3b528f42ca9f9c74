/**
 * The one width estimate (lib/layout/text-metrics.ts): Latin by its measured averages, other
 * scripts by their own widths, so table columns and keep-together heights are not too small
 * for Chinese, Japanese, Korean or emoji text (they were counted as 0.56 em Latin letters).
 */
import { describe, expect, it } from 'vitest';
import { contentHeight } from '../../lib/layout/content-height';
import { scriptEm, textWidth } from '../../lib/layout/text-metrics';

describe('textWidth', () => {
  it('keeps the Latin averages: narrow, wide, capitals, mono', () => {
    expect(textWidth('il', 10)).toBeCloseTo(2 * 0.55 * 0.56 * 10, 10);
    expect(textWidth('mW', 10)).toBeCloseTo(2 * 1.55 * 0.56 * 10, 10);
    expect(textWidth('A1', 10, { bold: true })).toBeCloseTo(2 * 1.15 * 0.59 * 10, 10);
    expect(textWidth('il', 10, { mono: true })).toBeCloseTo(2 * 0.602 * 10, 10);
  });

  it('counts CJK as full width, emoji at 1.3 em, Arabic and Hebrew at their own widths', () => {
    expect(textWidth('漢字かな한글', 10)).toBeCloseTo(60, 10);
    expect(textWidth('😀', 10)).toBeCloseTo(13, 10);
    expect(textWidth('سلام', 10)).toBeCloseTo(4 * 4.5, 10);
    expect(textWidth('שלום', 10, { bold: true })).toBeCloseTo(4 * 5.7 * 1.08, 10);
  });

  it('gives combining marks no advance', () => {
    expect(textWidth('e\u0301', 10)).toBeCloseTo(textWidth('e', 10), 10);
  });
});

describe('scriptEm', () => {
  it('follows the font fallback chose: Latin in the CJK font is 0.62 em, nothing is guessed from a Latin run', () => {
    expect(scriptEm('a', { font: 'NotoSansSC' })).toBe(0.62);
    expect(scriptEm('a', {})).toBeUndefined();
    expect(scriptEm('漢', { font: 'Roboto' })).toBeUndefined();
  });
});

describe('contentHeight of CJK text', () => {
  it('wraps 30 full-width characters in a 200 pt column onto 2 lines, not 1', () => {
    const font = { fontSize: 10, lineHeight: 1, bold: false, mono: false };
    const line = 10 * 1 * 1.2;
    expect(contentHeight({ text: '漢'.repeat(30) }, 200, font, {})).toBeCloseTo(2 * line, 10);
  });
});
