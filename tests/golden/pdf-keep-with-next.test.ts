// @vitest-environment node
/**
 * Keep-with-next, read back from the PDF: no page's last line is a heading or a block's title
 * (code block, panel, expand). A purpose-built document puts a heading at every position near a
 * page's bottom, a line at a time, before each kind of block; the kitchen-sink pages follow.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Block, ExportModel, Inline } from '../../lib/model/types';
import { findContentRoot } from '../../lib/read/find-content-root';
import { readPage } from '../../lib/read/read-page';
import { buildPdf } from '../helpers/build-pdf';
import { pngDataUrl } from '../helpers/images';
import { headingTexts, pageLines, pagesEndingWithHeading } from '../helpers/page-ends';
import { readPdf, type ReadPdf } from '../helpers/read-pdf';
import { cell, h, p, sampleModel } from '../helpers/sample-model';
import { KITCHEN_SINK } from '../sample-confluence/content/kitchen-sink';
import { renderView } from '../sample-confluence/render-view';

const NO_RUNNING = { headerTemplate: '', footerTemplate: '' };

/** A paragraph of `n` lines (forced breaks), to push what follows down a line at a time. */
const filler = (n: number): Block => ({
  type: 'paragraph',
  inlines: Array.from({ length: n }, (_, i): Inline[] => [
    { type: 'text', text: `filler line ${i + 1}` },
    ...(i < n - 1 ? [{ type: 'break' } as Inline] : []),
  ]).flat(),
});

const sentence = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

/** What follows the heading, by kind. */
const FOLLOWING: Record<string, (tag: string) => Block[]> = {
  'a long paragraph': () => [p(sentence(120))],
  'a short paragraph': () => [p(sentence(30))],
  'a table with a header row': () => [
    {
      type: 'table',
      headerRows: 1,
      rows: [
        [cell('Name', { header: true }), cell('Value', { header: true })],
        ...Array.from({ length: 8 }, (_, r) => [cell(`row ${r}`), cell(sentence(12))]),
      ],
    },
  ],
  'a titled code block': (tag) => [
    {
      type: 'code',
      title: `Code title ${tag}`,
      language: 'python',
      text: Array.from({ length: 20 }, (_, i) => `print(${i})`).join('\n'),
    },
  ],
  'a titled panel': (tag) => [
    {
      type: 'panel',
      kind: 'info',
      title: `Panel title ${tag}`,
      blocks: [p(sentence(80)), p(sentence(40))],
    },
  ],
  'an expand': (tag) => [
    { type: 'expand', title: `Expand title ${tag}`, blocks: [p(sentence(90))] },
  ],
  'a list': () => [
    {
      type: 'list',
      ordered: false,
      items: Array.from({ length: 6 }, (_, i) => [p(`item ${i} ${sentence(10)}`)]),
    },
  ],
  'a captioned image': () => [
    { type: 'image', asset: 'img', width: 300, caption: [{ type: 'text', text: sentence(20) }] },
  ],
  'another heading and a paragraph': (tag) => [h(3, `Subheading ${tag}`), p(sentence(60))],
};

/** Lines of filler before the heading: from a heading well up the page to one past its end. */
const OFFSETS = Array.from({ length: 8 }, (_, i) => 42 + i);

function modelFor(kind: string, level: 1 | 2 | 3 = 2): ExportModel {
  const follow = FOLLOWING[kind];
  if (!follow) throw new Error(kind);
  const blocks: Block[] = OFFSETS.flatMap((n, i): Block[] => [
    ...(i > 0 ? [{ type: 'pageBreak' } as Block] : []),
    filler(n),
    h(level, `Heading at ${n}`),
    ...follow(String(n)),
  ]);
  return {
    title: 'Keep',
    site: '',
    pages: [{ id: 'keep', title: 'Keep with next', url: '', depth: 0, blocks }],
    assets: {
      img: {
        mime: 'image/png',
        dataUrl: pngDataUrl(300, 200),
        width: 300,
        height: 200,
        sourceUrl: '',
      },
    },
    warnings: [],
  };
}

async function render(model: ExportModel): Promise<ReadPdf> {
  return readPdf(await buildPdf(model, NO_RUNNING), { images: false });
}

describe('no page ends with a heading or a title', () => {
  it.each(Object.keys(FOLLOWING))(
    'a heading at every position before %s',
    async (kind) => {
      const model = modelFor(kind);
      const pdf = await render(model);
      expect(pagesEndingWithHeading(pdf, headingTexts(model, { titles: true }))).toEqual([]);
      // The shape is there: some section's heading went over its first page.
      const headingPages = pdf.pages.filter((pg) => pg.text.includes('Heading at')).length;
      expect(pdf.pages.length).toBeGreaterThan(headingPages);
      // Every heading is there once, and is followed by its block's first words on its page.
      for (const n of OFFSETS) {
        const page = pdf.pages.filter((pg) => pg.text.includes(`Heading at ${n}`));
        expect(page.map((pg) => pg.number)).toHaveLength(1);
        const lines = pageLines(page[0]!);
        const at = lines.findIndex((l) => l.includes(`Heading at ${n}`));
        expect({ n, after: lines.length - 1 - at >= 1 }).toEqual({ n, after: true });
      }
    },
    60_000,
  );

  it('a heading at every position before an image (no text after it): on the image page', async () => {
    FOLLOWING['an image'] = () => [{ type: 'image', asset: 'img', width: 300 }];
    const model = modelFor('an image');
    delete FOLLOWING['an image'];
    const pdf = await readPdf(await buildPdf(model, NO_RUNNING));
    const withHeading = pdf.pages.filter((pg) => pg.text.includes('Heading at'));
    expect(withHeading.map((pg) => pg.imageCount)).toEqual(OFFSETS.map(() => 1));
  }, 60_000);

  it('the kitchen-sink sample page (view markup)', async () => {
    const sites = {
      dcOrigin: 'http://127.0.0.1:1',
      cloudOrigin: 'http://127.0.0.1:2',
      mediaOrigin: 'http://127.0.0.1:3',
    };
    const html = `<!DOCTYPE html><html><body><div id="main-content" class="wiki-content">${renderView({ flavour: 'dc', sites, page: KITCHEN_SINK })}</div></body></html>`;
    const doc = new JSDOM(html, { url: `${sites.dcOrigin}/display/DOC/x` }).window.document;
    const found = findContentRoot(doc);
    if (!found) throw new Error('no content root');
    const read = readPage(found.root, { pageUrl: doc.URL, markup: found.markup, pageId: '1' });
    const model: ExportModel = {
      title: KITCHEN_SINK.title,
      site: sites.dcOrigin,
      pages: [{ id: '1', title: KITCHEN_SINK.title, url: doc.URL, depth: 0, blocks: read.blocks }],
      assets: {},
      warnings: read.warnings,
    };
    const pdf = await render(model);
    expect(pdf.pages.length).toBeGreaterThan(3);
    expect(pagesEndingWithHeading(pdf, headingTexts(model, { titles: true }))).toEqual([]);
  }, 60_000);

  it('the sample model', async () => {
    const model = sampleModel();
    const pdf = await render(model);
    expect(pagesEndingWithHeading(pdf, headingTexts(model, { titles: true }))).toEqual([]);
  }, 60_000);
});
