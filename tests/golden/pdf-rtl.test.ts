// @vitest-environment node
/**
 * Right-to-left text comes back out of the PDF in logical order, ligatures intact, in every
 * shape a page has it: paragraph, list item, table cell, heading, with numbers (European and
 * Arabic-Indic digits) and Latin words mixed in. Read back both ways readers do: pdfjs-dist
 * (browsers' viewer, the text layer) and poppler's pdftotext (search indexers, copy tools).
 *
 * The words are chosen for what used to go wrong: Plex Arabic draws "في", the "لى" of "إلى"
 * and the "نى" of "أتمنى" as one glyph each and lam-alef "لا" always as one; those glyphs came
 * out with their letters swapped ("يف", "إىل", "أتمىن", "ال"), and Arabic-Indic digits were drawn
 * (and read) backwards ("٢٠٢٤" as "٤٢٠٢").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, ExportModel } from '../../lib/model/types';
import { buildPdf } from '../helpers/build-pdf';
import { readPdf } from '../helpers/read-pdf';
import { cell, h, p } from '../helpers/sample-model';

const ARABIC = 'أريد أن أذهب إلى المدرسة في الصباح أتمنى لك يوما سعيدا لا بأس';
const ARABIC_MIXED = 'في عام ٢٠٢٤ أي 2024 استخدمنا Offprint كثيرا';
/** pdfmake breaks words at a hyphen itself: the halves must not swap. */
const ARABIC_HYPHEN = 'نظام ثنائي-الاتجاه للنصوص';
const HEBREW_NUMBERS = 'בשנת 2024 למדנו 12 שעות בבית־ספר';
const LIST_ITEM = 'إلى اللقاء في الغد';
const CELL_ARABIC = 'لا أتمنى شيئا في 2024';
const CELL_HEBREW = 'טבלה עם 42 שורות';
const HEADING = 'مرحبا في العالم';
/** Long enough to wrap over several lines: each line is reordered on its own. */
const ARABIC_LONG = Array.from({ length: 5 }, () => ARABIC).join(' ');

function rtlModel(): ExportModel {
  const blocks: Block[] = [
    h(2, HEADING),
    p(ARABIC),
    p(ARABIC_MIXED),
    p(ARABIC_HYPHEN),
    p(HEBREW_NUMBERS),
    { type: 'list', ordered: false, items: [[p(LIST_ITEM)]] },
    { type: 'table', headerRows: 0, rows: [[cell(CELL_ARABIC)], [cell(CELL_HEBREW)]] },
    p(ARABIC_LONG),
  ];
  return {
    title: 'RTL',
    site: 'https://acme.atlassian.net/wiki',
    pages: [
      { id: '1', title: 'RTL', url: 'https://acme.atlassian.net/wiki/x/1', depth: 0, blocks },
    ],
    assets: {},
    warnings: [],
  };
}

/** Whitespace runs as one space, trimmed: all pdfjs's text is normalised by. */
const squashSpaces = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * No whitespace: how pdftotext's lines are compared. Poppler's own reordering moves the space
 * after a left-to-right run inside a right-to-left line in front of it ("בשנת 2024 למדנו" reads
 * "בשנת  2024למדנו"); it does the same with Chromium's PDFs. Every other character still has
 * to be there, in order.
 */
const noSpace = (s: string): string => s.replace(/\s+/g, '');

/**
 * pdftotext's lines. Poppler wraps a right-to-left line in directional formatting characters
 * (U+202B ... U+202C, and U+202A ... U+202C around a left-to-right run inside it): they are its
 * markup for the reordering it did, not text of the page, and are dropped.
 */
function popplerLines(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'offprint-rtl-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return text
      .replace(/[\u202a-\u202e]/g, '')
      .split('\n')
      .map(noSpace)
      .filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('right-to-left text read back from the PDF', () => {
  let pdfjs: string[];
  let poppler: string[];

  beforeAll(async () => {
    const bytes = await buildPdf(rtlModel());
    const read = await readPdf(bytes, { images: false });
    pdfjs = read.pages.flatMap((page) => page.text.split('\n')).map(squashSpaces);
    poppler = popplerLines(bytes);
  }, 120_000);

  const shapes: [string, string][] = [
    ['a paragraph with في, إلى, أتمنى and lam-alef', ARABIC],
    ['a sentence with Arabic-Indic and European digits and a Latin word', ARABIC_MIXED],
    ['a word with a hyphen', ARABIC_HYPHEN],
    ['Hebrew with numbers and a maqaf', HEBREW_NUMBERS],
    ['a list item', LIST_ITEM],
    ['an Arabic table cell with a number', CELL_ARABIC],
    ['a Hebrew table cell with a number', CELL_HEBREW],
    ['a heading (bold)', HEADING],
  ];

  for (const [shape, expected] of shapes) {
    it(`pdfjs reads ${shape} in logical order`, () => {
      expect(pdfjs).toContain(expected);
    });
    it(`pdftotext reads ${shape} in logical order`, () => {
      expect(poppler).toContain(noSpace(expected));
    });
  }

  it('reads a wrapped paragraph line by line, top to bottom, in logical order', () => {
    // Wrapped: no line holds the whole paragraph, yet the lines in a row give it back.
    expect(pdfjs.filter((l) => l.includes(ARABIC_LONG))).toEqual([]);
    expect(pdfjs.join(' ')).toContain(ARABIC_LONG);
    expect(poppler.filter((l) => l.includes(noSpace(ARABIC_LONG)))).toEqual([]);
    expect(poppler.join('')).toContain(noSpace(ARABIC_LONG));
  });
});
