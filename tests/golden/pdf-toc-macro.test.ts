// @vitest-environment node
/**
 * The TOC macro in the PDF: the page's headings, each with the PDF page it is on, and each line a
 * working link to that heading (pdfjs link annotations resolved to pages). Also inside a panel.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, ExportModel } from '../../lib/model/types';
import { buildPdf } from '../helpers/build-pdf';
import { readPdf, type ReadPdf } from '../helpers/read-pdf';
import { h, p } from '../helpers/sample-model';

const HEADINGS = ['Alpha Section', 'Beta Section', 'Gamma Detail', 'Delta Section'] as const;

function model(): ExportModel {
  const filler = (word: string): Block[] =>
    Array.from({ length: 6 }, (_, n) => p(`${word} filler paragraph ${n}. `.repeat(20)));
  return {
    title: 'TOC page',
    site: 'https://acme.atlassian.net/wiki',
    assets: {},
    warnings: [],
    pages: [
      {
        id: '1',
        title: 'TOC page',
        url: 'https://acme.atlassian.net/wiki/spaces/DOC/pages/1',
        depth: 0,
        blocks: [
          { type: 'toc' },
          { type: 'panel', kind: 'info', blocks: [{ type: 'toc', maxLevel: 1 }] },
          h(1, HEADINGS[0], 'Alpha'),
          ...filler('alpha'),
          { type: 'pageBreak' },
          h(1, HEADINGS[1], 'Beta'),
          ...filler('beta'),
          h(2, HEADINGS[2], 'Gamma'),
          ...filler('gamma'),
          { type: 'pageBreak' },
          h(1, HEADINGS[3], 'Delta'),
          p('The end.'),
        ],
      },
    ],
  };
}

/** The page whose text has `text` as a line of its own (the heading; TOC lines end in a number). */
function pageOfHeading(pdf: ReadPdf, text: string): number | undefined {
  return pdf.pages.find((pg) => pg.text.split('\n').includes(text))?.number;
}

/** TOC lines of page 1: "<heading> <page>". */
function tocLines(pdf: ReadPdf): string[] {
  return (pdf.pages[0]?.text.split('\n') ?? []).filter((line) => /^\w+ \w+ \d+$/.test(line));
}

describe('TOC macro in the PDF', () => {
  let pdf: ReadPdf;
  beforeAll(async () => {
    pdf = await readPdf(await buildPdf(model(), { cover: false, toc: false }), { images: false });
  });

  it('has headings on pages 1, 2, 2 and 4 (something to number)', () => {
    const pages = HEADINGS.map((t) => pageOfHeading(pdf, t));
    expect(pages).toEqual([1, 2, 2, 4]);
  });

  it('prints every heading with the page it is on, the panel TOC only level 1', () => {
    expect(tocLines(pdf)).toEqual([
      'Alpha Section 1',
      'Beta Section 2',
      'Gamma Detail 2',
      'Delta Section 4',
      'Alpha Section 1',
      'Beta Section 2',
      'Delta Section 4',
    ]);
  });

  it('links each heading line and each page number to the heading', () => {
    const links = pdf.pages[0]?.links ?? [];
    for (const heading of HEADINGS) {
      const page = pageOfHeading(pdf, heading);
      // Full TOC: text and number; panel TOC (level 1 only): text and number again.
      const count = heading === 'Gamma Detail' ? 2 : 4;
      expect(
        links.filter((l) => l.dest === `p0-${heading.split(' ')[0]}` && l.destPage === page),
        heading,
      ).toHaveLength(count);
    }
  });
});

describe('TOC macro over a heading laid out twice', () => {
  it('builds, numbering the heading where it got its destination', async () => {
    const twice = h(2, 'Repeated Heading', 'Repeated');
    const base = model();
    const page = base.pages[0];
    if (!page) throw new Error('model has a page');
    // The same block object twice: only its first layout gets the destination id; pdfmake
    // failed the whole build on the second's page reference ("Page reference id not found").
    page.blocks = [{ type: 'toc' }, twice, p('Between.'), { type: 'pageBreak' }, twice];
    const built = await readPdf(await buildPdf(base, { cover: false, toc: true }), {
      images: false,
    });
    // Contents page and TOC macro: the placed heading with its page, the other without one.
    expect(built.pages[0]?.text).toContain('Repeated Heading\nRepeated Heading 2\n');
    expect(built.pages[1]?.text).toContain(
      'Repeated Heading\nRepeated Heading 2\nRepeated Heading\nBetween.',
    );
    expect(built.pages[2]?.text).toContain('Repeated Heading');
  });
});
