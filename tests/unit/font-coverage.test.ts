// @vitest-environment node
/**
 * lib/layout/font-coverage.ts holds which code points each shipped font family has (layout has
 * no font bytes). This computes the table from the font files with fontkit and compares it with
 * the stored one; `UPDATE=1` rewrites the file after a font changes (then run prettier on it).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EMOJI_LIGATURES, FONT_COVERAGE } from '../../lib/layout/font-coverage';
import { FONT_FAMILIES } from '../../lib/pdf/font-files';
import { readFontFile } from '../../lib/pdf/node-engine';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as {
  create(buf: Buffer): {
    characterSet: number[];
    layout(text: string): { glyphs: { id: number }[] };
  };
};
const emojibase = require('emojibase-data/en/data.json') as {
  emoji: string;
  order?: number;
  skins?: { emoji: string }[];
}[];
const FILE = fileURLToPath(new URL('../../lib/layout/font-coverage.ts', import.meta.url));

/** CJK ideographs: Noto Sans KR's hanja that Noto Sans SC also has are left out of KR's table. */
const IDEOGRAPH = /[\p{Ideographic}\uf900-\ufaff]/u;

/** Code points every style of a family has (pdfmake picks the style per run). */
function familyCoverage(family: string): Set<number> {
  const styles = (FONT_FAMILIES as Record<string, Record<string, string>>)[family]!;
  const sets = [...new Set(Object.values(styles))].map(
    (file) => new Set(fontkit.create(readFontFile(file)).characterSet),
  );
  return new Set([...sets[0]!].filter((cp) => cp >= 0x20 && sets.every((s) => s.has(cp))));
}

/** Sorted code points -> "start[-length]" tokens in hex. */
function encode(cps: Set<number>): string {
  const sorted = [...cps].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(sorted[i]!.toString(16) + (j > i ? `-${(j - i).toString(16)}` : ''));
    i = j + 1;
  }
  return out.join(' ');
}

function computed(): Record<string, string> {
  const out: Record<string, string> = {};
  const sc = familyCoverage('NotoSansSC');
  for (const family of Object.keys(FONT_FAMILIES)) {
    let cps = familyCoverage(family);
    if (family === 'NotoSansKR') {
      cps = new Set(
        [...cps].filter((cp) => !(sc.has(cp) && IDEOGRAPH.test(String.fromCodePoint(cp)))),
      );
    }
    out[family] = encode(cps);
  }
  return out;
}

/** Emoji sequences as the table keys them: hex code points without presentation selectors. */
const key = (seq: string): string =>
  [...seq.replace(/[\ufe0e\ufe0f]/gu, '')].map((c) => c.codePointAt(0)!.toString(16)).join('-');

/**
 * The emoji sequences (of every emoji emojibase knows) Noto Emoji draws with a glyph of their
 * own. The monochrome font draws a skin-toned or gendered sequence with the neutral one's
 * glyph; such a sequence is not listed, and layout draws it as its parts (so the PDF's text
 * keeps every code point). A glyph belongs to the shortest sequence drawing it, then the first
 * in emoji order.
 */
function emojiLigatures(): string {
  const font = fontkit.create(readFontFile('NotoEmoji-Regular.ttf'));
  const sequences = emojibase
    .flatMap((e) => [
      { emoji: e.emoji, order: e.order ?? 0 },
      ...(e.skins ?? []).map((s) => ({ emoji: s.emoji, order: e.order ?? 0 })),
    ])
    .sort(
      (a, b) =>
        [...key(a.emoji).split('-')].length - [...key(b.emoji).split('-')].length ||
        a.order - b.order,
    );
  const owned = new Set<number>();
  const out: string[] = [];
  for (const { emoji } of sequences) {
    const glyphs = font.layout(emoji).glyphs.filter((g) => g.id !== 0);
    const single = glyphs.length === 1 ? glyphs[0]!.id : undefined;
    const multi = key(emoji).includes('-');
    if (single === undefined || owned.has(single)) continue;
    owned.add(single);
    if (multi) out.push(key(emoji));
  }
  return out.join(' ');
}

/** Wraps a long table string over lines of at most ~96 characters, at spaces. */
function wrapped(value: string): string {
  const lines: string[] = [];
  let line = '';
  for (const token of value.split(' ')) {
    if (line && line.length + token.length + 1 > 92) {
      lines.push(line + ' ');
      line = token;
    } else line = line ? `${line} ${token}` : token;
  }
  lines.push(line);
  return lines.map((l) => `    '${l}'`).join(' +\n');
}

function render(table: Record<string, string>, ligatures: string): string {
  const entries = Object.entries(table)
    .map(([family, value]) => `  ${family}:\n${wrapped(value)},`)
    .join('\n');
  return `/**
 * Code points each shipped font family has in all its styles (above U+001F), by pdfmake family
 * name: "start" or "start-length" tokens, hex. Generated from the font files with fontkit by
 * tests/unit/font-coverage.test.ts (\`UPDATE=1\` rewrites this file); do not edit by hand.
 * NotoSansKR leaves out the CJK ideographs NotoSansSC has (SC is asked first).
 */
export const FONT_COVERAGE: Readonly<Record<string, string>> = {
${entries}
};

/**
 * Emoji sequences (hex code points joined by "-", no presentation selectors) Noto Emoji draws
 * with a glyph of their own; other sequences are drawn as their parts. Generated with the table
 * above.
 */
export const EMOJI_LIGATURES =
${wrapped(ligatures)};
`;
}

describe('font coverage table', () => {
  it('matches the shipped font files', () => {
    const table = computed();
    const ligatures = emojiLigatures();
    if (process.env.UPDATE) writeFileSync(FILE, render(table, ligatures));
    expect(FONT_COVERAGE).toEqual(table);
    expect(EMOJI_LIGATURES).toBe(ligatures);
  }, 60_000);
});
