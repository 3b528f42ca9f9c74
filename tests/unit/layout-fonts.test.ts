// @vitest-environment node
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { emojiFontHas, SCRIPT_FONTS, splitByFont } from '../../lib/layout/fonts';
import { isRtlText, resolveDirections, visualLines } from '../../lib/layout/fonts-bidi';
import { readFontFile } from '../../lib/pdf/node-engine';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as {
  create(buf: Buffer): { characterSet: number[] };
};

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

  it('keeps emoji sequences whole (ZWJ, skin tone, flags, keycaps) in the emoji font', () => {
    expect(splitByFont('a👩‍💻👍🏽🇫🇷1️⃣❤️b')).toEqual([
      { text: 'a' },
      { text: '👩‍💻👍🏽🇫🇷1️⃣❤️', font: SCRIPT_FONTS.emoji },
      { text: 'b' },
    ]);
  });

  it('leaves © ® ™ as text, drops stray selectors, uses DejaVu for arrows and ★', () => {
    expect(splitByFont('™\ufe0f')).toEqual([{ text: '™\ufe0f', font: SCRIPT_FONTS.emoji }]);
    expect(splitByFont('©®™ a\ufe0f → ★')).toEqual([
      { text: '©®™ a ' },
      { text: '→', font: 'Mono' },
      { text: ' ' },
      { text: '★', font: 'Mono' },
    ]);
  });

  it('drops pictographs no shipped font has instead of printing boxes', () => {
    // U+1FAED: not in the shipped Noto Emoji.
    expect(splitByFont('a\u{1FAED}b')).toEqual([{ text: 'ab' }]);
  });
});

describe('emoji coverage table', () => {
  it('matches the shipped Noto Emoji file', () => {
    const font = fontkit.create(readFontFile('NotoEmoji-Regular.ttf'));
    const set = new Set(font.characterSet);
    const wrong: string[] = [];
    for (let cp = 0x80; cp < 0x20000; cp++) {
      if ([0xfe0e, 0xfe0f, 0x200d, 0x20e3].includes(cp)) continue;
      if (set.has(cp) !== emojiFontHas(cp)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
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
