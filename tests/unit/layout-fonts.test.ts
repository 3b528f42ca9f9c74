// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { withFontFallback } from '../../lib/layout/font-fallback';
import { fontHas, SCRIPT_FONTS, splitByFont } from '../../lib/layout/fonts';
import { isRtlText, resolveDirections, visualLines } from '../../lib/layout/fonts-bidi';

describe('splitByFont', () => {
  it('keeps Latin, Greek and Cyrillic in the run font', () => {
    expect(splitByFont('Ærøskøbing Ξεσκεπάζω Съешь')).toEqual([
      { text: 'Ærøskøbing Ξεσκεπάζω Съешь' },
    ]);
  });

  it('sends each script to its font, punctuation after a script staying with it', () => {
    expect(splitByFont('Hi 你好, 안녕 שלום. مرحبا!')).toEqual([
      { text: 'Hi ' },
      { text: '你好, ', font: SCRIPT_FONTS.cjk },
      { text: '안녕 ', font: SCRIPT_FONTS.hangul },
      { text: 'שלום. ', font: SCRIPT_FONTS.hebrew },
      { text: 'مرحبا!', font: SCRIPT_FONTS.arabic },
    ]);
  });

  it('keeps emoji sequences whole (ZWJ, flags, keycaps) in the emoji font', () => {
    expect(splitByFont('a🧑‍💻🏳️‍🌈🇫🇷1️⃣❤️b')).toEqual([
      { text: 'a' },
      { text: '🧑‍💻🏳️‍🌈🇫🇷1️⃣❤️', font: SCRIPT_FONTS.emoji },
      { text: 'b' },
    ]);
  });

  it('draws a sequence the font has no glyph of its own for as its parts, each apart', () => {
    // Monochrome Noto Emoji draws 👩‍💻 and 👍🏽 with the glyphs of 🧑‍💻 and 👍: as one run, the
    // PDF's text of the glyph would say the other sequence.
    expect(splitByFont('a👩‍💻👍🏽\nb')).toEqual([
      { text: 'a' },
      { text: '👩', font: SCRIPT_FONTS.emoji, apart: true },
      { text: '💻', font: SCRIPT_FONTS.emoji, apart: true },
      { text: '👍', font: SCRIPT_FONTS.emoji, apart: true },
      { text: '🏽', font: SCRIPT_FONTS.emoji, apart: true },
      { text: '\nb' },
    ]);
  });

  it('leaves © ® ™ as text, drops stray selectors, uses DejaVu for arrows, Noto Sans SC for ★', () => {
    expect(splitByFont('™\ufe0f')).toEqual([{ text: '™\ufe0f', font: SCRIPT_FONTS.emoji }]);
    expect(splitByFont('©®™ a\ufe0f → ★')).toEqual([
      { text: '©®™ a ' },
      { text: '→', font: 'Mono' },
      { text: ' ' },
      // DejaVu Sans Mono Oblique has no ★: Mono is not asked for it.
      { text: '★', font: SCRIPT_FONTS.cjk },
    ]);
  });

  it('drops pictographs no shipped font has instead of printing boxes', () => {
    // U+1FAED: not in the shipped Noto Emoji.
    expect(splitByFont('a\u{1FAED}b')).toEqual([{ text: 'ab' }]);
  });
});

describe('splitByFont in code (DejaVu Sans Mono)', () => {
  it('keeps ASCII monospace and sends Japanese and emoji to their fonts', () => {
    expect(splitByFont('"ja": "こんにちは",', 'Mono')).toEqual([
      { text: '"ja": "' },
      { text: 'こんにちは', font: SCRIPT_FONTS.cjk },
      { text: '",' },
    ]);
    // Right-to-left words too: pdfkit would reverse quotes and commas in their run.
    expect(splitByFont('"ar": "مرحبا", "he"', 'Mono')).toEqual([
      { text: '"ar": "' },
      { text: 'مرحبا', font: SCRIPT_FONTS.arabic },
      { text: '", "he"' },
    ]);
    expect(splitByFont('# 👋 한국', 'Mono')).toEqual([
      { text: '# ' },
      { text: '👋', font: SCRIPT_FONTS.emoji },
      { text: ' ' },
      { text: '한국', font: SCRIPT_FONTS.hangul },
    ]);
  });

  it('sends what DejaVu Sans Mono lacks in one of its styles to a font that has it', () => {
    // U+2E3A (two-em dash): Roboto has neither; U+02BC is in DejaVu's regular but not oblique.
    const missing = [...'ƏʼΩЖ→★\u2E3A'].filter((ch) => !fontHas('Mono', ch.codePointAt(0)!));
    expect(missing).toEqual(['★', '\u2E3A']);
    for (const ch of missing) {
      const runs = splitByFont(ch, 'Mono');
      expect(runs, ch).toEqual([{ text: ch, font: expect.any(String) }]);
      expect(fontHas(runs[0]!.font!, ch.codePointAt(0)!), ch).toBe(true);
    }
    expect(splitByFont('ΩЖ→', 'Mono')).toEqual([{ text: 'ΩЖ→' }]);
  });

  it("a combining mark its letter's font lacks goes to a font that has it", () => {
    // U+0304 (macron) after a kana: Noto Sans SC has no combining macron.
    const runs = splitByFont('か\u0304', 'Mono');
    expect(runs.map((r) => r.text).join('')).toBe('か\u0304');
    for (const run of runs) {
      for (const ch of run.text) expect(fontHas(run.font ?? 'Mono', ch.codePointAt(0)!)).toBe(true);
    }
  });
});

describe('withFontFallback', () => {
  const styles = { code: { font: 'Mono' }, h1: { bold: true } };

  it('splits plain strings, styled nodes and runs by the font they are set in', () => {
    const dd = withFontFallback({
      styles,
      defaultStyle: { font: 'Roboto' },
      content: [
        '日本',
        { text: '# 👋', style: 'code' },
        { text: ['a ', { text: '世界', bold: true, pdfTag: [1] } as never] },
        { table: { body: [[{ text: 'Ωμέγα 한' }]] } },
        { ul: ['שלום'] },
      ],
    });
    expect(dd.content).toEqual([
      { text: [{ text: '日本', font: SCRIPT_FONTS.cjk }] },
      { text: ['# ', { text: '👋', font: SCRIPT_FONTS.emoji }], style: 'code' },
      { text: ['a ', { text: '世界', bold: true, pdfTag: [1], font: SCRIPT_FONTS.cjk }] },
      { table: { body: [[{ text: ['Ωμέγα ', { text: '한', font: SCRIPT_FONTS.hangul }] }]] } },
      { ul: [{ text: [{ text: 'שלום', font: SCRIPT_FONTS.hebrew }] }] },
    ]);
  });

  it("runs of a nested text array take the text node font, not the nested run's", () => {
    const dd = withFontFallback({
      styles,
      content: { text: [{ text: [{ text: '→' }], font: 'NotoSansSC' }], font: 'Mono' },
    });
    expect(dd.content).toEqual({
      text: [{ text: [{ text: '→' }], font: 'NotoSansSC' }],
      font: 'Mono',
    });
  });

  it('keeps a destination id on the first piece only', () => {
    const dd = withFontFallback({ content: { text: [{ text: 'a日', id: 'd1' } as never] } });
    expect(dd.content).toEqual({
      text: [
        { text: 'a', id: 'd1' },
        { text: '日', font: SCRIPT_FONTS.cjk },
      ],
    });
  });

  it('wraps header and footer functions', () => {
    const dd = withFontFallback({
      content: [],
      header: (page: number) => ({ text: `${page} 日` }),
    });
    const header = dd.header as (page: number, pages: number) => unknown;
    expect(header(2, 3)).toEqual({ text: ['2 ', { text: '日', font: SCRIPT_FONTS.cjk }] });
  });

  it('draws the watermark in one font that has all of it, else leaves out what it cannot', () => {
    const one = withFontFallback({ content: [], watermark: { text: 'Draft 草稿' } });
    expect(one.watermark).toEqual({ text: 'Draft 草稿', font: SCRIPT_FONTS.cjk });
    const mixed = withFontFallback({ content: [], watermark: { text: '草稿草稿 שלום' } });
    expect(mixed.watermark).toEqual({ text: '草稿草稿', font: SCRIPT_FONTS.cjk });
    const latin = withFontFallback({ content: [], watermark: { text: 'Draft' } });
    expect(latin.watermark).toEqual({ text: 'Draft' });
  });
});

describe('right-to-left', () => {
  it('finds predominantly right-to-left text', () => {
    expect(isRtlText('שלום עולם יפה Offprint')).toBe(true);
    expect(isRtlText('Offprint שלום')).toBe(false);
    expect(isRtlText('12 ×')).toBe(false);
  });

  it('resolves numbers and Latin runs inside Arabic as left-to-right', () => {
    const chars = [...'من Offprint 2.5 يدعم'];
    const dirs = resolveDirections(chars).join('');
    expect(dirs).toBe('RR' + 'R' + 'L'.repeat(8) + 'L' + 'LLL' + 'R' + 'RRRR');
  });

  it('reverses word order on a line, keeping left-to-right runs and RTL words intact', () => {
    const runs = [{ text: 'אני יכול Offprint 2.5 לי.', font: SCRIPT_FONTS.hebrew }];
    const out = visualLines(runs, 1000, 10)
      .map((r) => r.text)
      .join('|');
    // Visual order, left to right: "לי." (fontkit reverses each Hebrew word itself), then the
    // left-to-right stretch "Offprint 2.5", then "יכול", "אני".
    expect(out).toBe('לי.| |Offprint| |2.5| |יכול| |אני');
  });

  it('breaks long paragraphs into lines that fit, joined by line breaks', () => {
    const text = Array.from({ length: 40 }, () => 'שלום').join(' ');
    const out = visualLines([{ text, font: SCRIPT_FONTS.hebrew }], 200, 10);
    const lines = out
      .map((r) => r.text)
      .join('')
      .split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.length * 0.57 * 10).toBeLessThanOrEqual(200);
  });
});
