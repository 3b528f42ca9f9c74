// @vitest-environment node
/**
 * Page control authors put in their pages, read back from the PDF: Scroll's page-break macro and
 * CSS page breaks start new pages, landscape sections print on landscape pages and the export's
 * orientation resumes after them, "Scroll Ignore" content is not in the PDF and "Scroll Only"
 * content is. Fixtures: tests/fixtures/read/{view,cloud}-{page-break,orientation-section,
 * export-controls}.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Block, ExportModel } from '../../lib/model/types';
import { findContentRoot } from '../../lib/read/find-content-root';
import { readPage } from '../../lib/read/read-page';
import type { Prefs } from '../../lib/prefs/schema';
import { buildPdf } from '../helpers/build-pdf';
import { readPdf, squash, type ReadPdf } from '../helpers/read-pdf';
import { p } from '../helpers/sample-model';

const URL = 'https://acme.atlassian.net/wiki/spaces/DOC/pages/1001/Fixture';
const PLAIN: Partial<Prefs> = { headerTemplate: '', footerTemplate: '' };

function fixtureBlocks(name: string): Block[] {
  const html = readFileSync(
    join(import.meta.dirname, `../fixtures/read/${name}/input.html`),
    'utf8',
  );
  const found = findContentRoot(new JSDOM(html).window.document);
  if (!found) throw new Error(`${name}: no content root`);
  return readPage(found.root, { pageUrl: URL, markup: found.markup }).blocks;
}

const model = (blocks: Block[]): ExportModel => ({
  title: 'Fixture',
  site: 'https://acme.atlassian.net/wiki',
  pages: [{ id: '1001', title: 'Fixture', url: URL, depth: 0, blocks }],
  assets: {},
  warnings: [],
});

async function pdfOf(blocks: Block[], prefs: Partial<Prefs> = {}): Promise<ReadPdf> {
  return readPdf(await buildPdf(model(blocks), { ...PLAIN, ...prefs }));
}

/** The one page that shows `text` (fails when none or several do). */
function pageOf(pdf: ReadPdf, text: string): number {
  const pages = pdf.pages.filter((pg) => squash(pg.text).includes(squash(text)));
  expect(
    pages.map((pg) => pg.number),
    text,
  ).toHaveLength(1);
  return pages[0]?.number ?? 0;
}

const shape = (pdf: ReadPdf): string[] =>
  pdf.pages.map((pg) => (pg.width > pg.height ? 'landscape' : 'portrait'));

describe('page breaks', () => {
  it('view: the macro and CSS page-break-before/after each start a new page', async () => {
    const pdf = await pdfOf(fixtureBlocks('view-page-break'));
    expect(pageOf(pdf, 'Chapter one opens here.')).toBe(1);
    expect(pageOf(pdf, 'Chapter two starts on a new page.')).toBe(2);
    expect(pageOf(pdf, 'Appendix text ends its page.')).toBe(3);
    expect(pageOf(pdf, 'Closing words.')).toBe(4);
    expect(pdf.pages).toHaveLength(4);
  });

  it('cloud: the page-break extension starts a new page', async () => {
    const pdf = await pdfOf(fixtureBlocks('cloud-page-break'));
    expect(pageOf(pdf, 'Chapter one opens here.')).toBe(1);
    expect(pageOf(pdf, 'Chapter two starts on a new page.')).toBe(2);
    expect(pdf.pages).toHaveLength(2);
  });
});

describe('orientation sections', () => {
  for (const name of ['view-orientation-section', 'cloud-orientation-section']) {
    it(`${name}: the landscape section is on landscape pages, portrait resumes after`, async () => {
      const pdf = await pdfOf(fixtureBlocks(name));
      expect(pageOf(pdf, 'Portrait introduction.')).toBe(1);
      expect(pageOf(pdf, 'Quarterly figures')).toBe(2);
      expect(pageOf(pdf, 'North120135')).toBe(2);
      expect(pageOf(pdf, 'Back in portrait.')).toBe(3);
      expect(shape(pdf)).toEqual(['portrait', 'landscape', 'portrait']);
    });
  }

  it('a portrait section in a landscape export is on portrait pages, landscape resumes after', async () => {
    const blocks: Block[] = [
      p('Wide opening.'),
      { type: 'section', orientation: 'portrait', blocks: [p('Tall middle.')] },
      p('Wide ending.'),
    ];
    const pdf = await pdfOf(blocks, { orientation: 'landscape' });
    expect(pageOf(pdf, 'Wide opening.')).toBe(1);
    expect(pageOf(pdf, 'Tall middle.')).toBe(2);
    expect(pageOf(pdf, 'Wide ending.')).toBe(3);
    expect(shape(pdf)).toEqual(['landscape', 'portrait', 'landscape']);
  });

  it('a section in the export orientation, or nested in a frame, starts no page', async () => {
    const blocks: Block[] = [
      p('Before.'),
      { type: 'section', orientation: 'portrait', blocks: [p('Same orientation.')] },
      {
        type: 'panel',
        kind: 'info',
        blocks: [
          { type: 'section', orientation: 'landscape', blocks: [p('Inside a panel.')] },
          { type: 'pageBreak' },
          p('Still in the panel.'),
        ],
      },
    ];
    const pdf = await pdfOf(blocks);
    for (const text of ['Before.', 'Same orientation.', 'Inside a panel.', 'Still in the panel.'])
      expect(pageOf(pdf, text)).toBe(1);
    expect(shape(pdf)).toEqual(['portrait']);
  });

  it("a landscape section's blocks use the landscape text width", async () => {
    const long = 'word '.repeat(60).trim();
    const inSection = await pdfOf([
      { type: 'section', orientation: 'landscape', blocks: [p(long)] },
    ]);
    const inPortrait = await pdfOf([p(long)]);
    const lines = (pdf: ReadPdf): number =>
      pdf.pages.flatMap((pg) => pg.items).filter((it) => it.str.includes('word')).length;
    expect(lines(inSection)).toBeLessThan(lines(inPortrait));
  });
});

describe('export controls', () => {
  for (const name of ['view-export-controls', 'cloud-export-controls']) {
    it(`${name}: Scroll Ignore content is left out, Scroll Only content is printed`, async () => {
      const pdf = await pdfOf(fixtureBlocks(name));
      const text = squash(pdf.text);
      for (const kept of [
        'Everyone reads this.',
        'Shipping date is fixed.',
        'Printed copies are uncontrolled.',
        'Version of record approved.',
      ])
        expect(text).toContain(squash(kept));
      for (const left of ['Internal reviewer notes', '(draft)', 'Click the button'])
        expect(text).not.toContain(squash(left));
    });
  }

  it('view: PDF-only content is printed', async () => {
    const pdf = await pdfOf(fixtureBlocks('view-export-controls'));
    expect(squash(pdf.text)).toContain(squash('PDF edition footnote.'));
  });
});
