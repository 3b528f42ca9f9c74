// @vitest-environment node
/**
 * No block is dropped for being kept together. pdfmake 0.3.11 drops a block it was told to keep
 * on one page (`unbreakable`, a `dontBreakRows` row) whole and silently when it is taller than a
 * page (upstream issue 2211). Each case builds such a shape on purpose through the real layout
 * and node engine, reads the PDF back with pdfjs and counts every word it must show.
 */
import { describe, expect, it } from 'vitest';
import type { Block, ExportModel, Inline } from '../../lib/model/types';
import type { Prefs } from '../../lib/prefs/schema';
import { buildPdf } from '../helpers/build-pdf';
import { pngDataUrl } from '../helpers/images';
import { readPdf } from '../helpers/read-pdf';
import { words } from '../helpers/recall';
import { h, p } from '../helpers/sample-model';

/** `n` distinct words tagged `tag` (cw0 cw1 …): a lost line shows as missing words. */
const tagged = (tag: string, n: number): string =>
  Array.from({ length: n }, (_, i) => `${tag}w${i}`).join(' ');

/** A tall image (800 × 1000 px, drawn at most 85% of a page high). */
const TALL = { mime: 'image/png', dataUrl: pngDataUrl(800, 1000), width: 800, height: 1000 };

const model = (blocks: Block[], title = 'Kept'): ExportModel => ({
  title: 'Kept',
  site: '',
  pages: [{ id: 'kept', title, url: '', depth: 0, blocks }],
  assets: { tall: { ...TALL, sourceUrl: '' } },
  warnings: [],
});

const NO_RUNNING: Partial<Prefs> = { headerTemplate: '', footerTemplate: '' };

/** The PDF's words that start with `tag` followed by 'w' and a number, sorted. */
async function taggedWords(m: ExportModel, tag: string, prefs: Partial<Prefs> = {}) {
  const pdf = await readPdf(await buildPdf(m, { ...NO_RUNNING, ...prefs }), { images: false });
  const pattern = new RegExp(`^${tag}w\\d+$`);
  return words(pdf.text)
    .filter((w) => pattern.test(w))
    .sort();
}

const expected = (tag: string, n: number, times: number): string[] =>
  Array.from({ length: times }, () => words(tagged(tag, n)))
    .flat()
    .sort();

const caption = (tag: string, n: number): Inline[] => [{ type: 'text', text: tagged(tag, n) }];

describe('content kept together is never dropped', () => {
  it('a tall image with a 600-word caption, in the page', async () => {
    const blocks: Block[] = [
      p('Before the figure.'),
      { type: 'image', asset: 'tall', caption: caption('c', 600) },
      p('After the figure.'),
    ];
    expect(await taggedWords(model(blocks), 'c')).toEqual(expected('c', 600, 1));
  });

  it('a tall image with a 600-word caption, in a panel', async () => {
    const blocks: Block[] = [
      {
        type: 'panel',
        kind: 'info',
        blocks: [{ type: 'image', asset: 'tall', caption: caption('c', 600) }],
      },
    ];
    expect(await taggedWords(model(blocks), 'c')).toEqual(expected('c', 600, 1));
  });

  it('a heading and a short block after it that is taller than a page', async () => {
    // Short by characters (under 600), tall by lines: 100 forced line breaks.
    const lines: Inline[] = Array.from({ length: 100 }, (_, i): Inline[] => [
      { type: 'text', text: `bw${i}` },
      { type: 'break' },
    ]).flat();
    const blocks: Block[] = [
      p('Before.'),
      h(2, 'hw0 hw1 hw2'),
      { type: 'paragraph', inlines: lines },
      p('After.'),
    ];
    const m = model(blocks);
    expect(await taggedWords(m, 'b')).toEqual(expected('b', 100, 1));
    expect(await taggedWords(m, 'h')).toEqual(expected('h', 3, 1));
  });

  it('a heading and a tall image with a 600-word caption after it', async () => {
    const blocks: Block[] = [
      h(2, 'hw0 hw1 hw2'),
      { type: 'image', asset: 'tall', caption: caption('c', 600) },
    ];
    const m = model(blocks);
    expect(await taggedWords(m, 'c')).toEqual(expected('c', 600, 1));
    expect(await taggedWords(m, 'h')).toEqual(expected('h', 3, 1));
  });

  it('a TOC macro entry taller than a page (a long heading, the TOC in a narrow column)', async () => {
    // 300 words stay under the heading's 2,000-character cut; in a quarter column the entry
    // wraps to well over a page.
    const blocks: Block[] = [
      {
        type: 'columns',
        columns: [[{ type: 'toc' }], [p('Second.')], [p('Third.')], [p('Fourth.')]],
      },
      h(2, tagged('t', 300)),
      p('After the heading.'),
    ];
    // Once in the heading, once in the TOC entry.
    expect(await taggedWords(model(blocks), 't')).toEqual(expected('t', 300, 2));
  });

  it('a contents entry taller than a page (a page title of 1,000 words)', async () => {
    const m = model([p('Body.')], tagged('t', 1000));
    // Once as the page title, once in the contents.
    expect(await taggedWords(m, 't', { toc: true })).toEqual(expected('t', 1000, 2));
  });
});
