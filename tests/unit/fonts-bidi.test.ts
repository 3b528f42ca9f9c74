/**
 * The pieces lib/layout/fonts-bidi.ts hands pdfmake for a right-to-left line: visual order,
 * each written so that fontkit's own reversal of right-to-left script leaves it right.
 */
import { describe, expect, it } from 'vitest';
import { resolveDirections, visualLines } from '../../lib/layout/fonts-bidi';

const pieces = (text: string): [string, boolean | undefined][] =>
  visualLines([{ text }], 1000, 10).map((r) => [r.text, (r as { noWrap?: boolean }).noWrap]);

describe('visualLines', () => {
  it('hands Arabic-Indic digits over reversed: fontkit reverses Arabic script, digits too', () => {
    expect(pieces('عام ٢٠٢٤')).toEqual([
      ['٤٢٠٢', true],
      [' ', false],
      ['عام', true],
    ]);
  });

  it('mirrors brackets inside right-to-left text', () => {
    expect(pieces('اقرأ (الفصل 3) أولا').map(([t]) => t)).toEqual([
      'أولا',
      ' ',
      '(',
      '3',
      ' ',
      ')الفصل',
      ' ',
      'اقرأ',
    ]);
  });

  it('keeps a hyphenated word whole (pdfmake would split it and swap the halves)', () => {
    expect(pieces('نظام ثنائي-الاتجاه')).toEqual([
      ['ثنائي-الاتجاه', true],
      [' ', false],
      ['نظام', true],
    ]);
  });
});

describe('resolveDirections', () => {
  it('treats an emoji (two UTF-16 units) as one neutral character', () => {
    expect(resolveDirections([...'שלום 😀'])).toEqual(['R', 'R', 'R', 'R', 'R', 'R']);
  });
});
