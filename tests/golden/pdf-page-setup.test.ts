// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ExportModel } from '../../lib/model/types';
import { buildPdf } from '../helpers/build-pdf';
import { readPdf } from '../helpers/read-pdf';
import { h, p } from '../helpers/sample-model';

const model: ExportModel = {
  title: 'Setup',
  site: 'https://wiki.example.org',
  pages: [
    {
      id: 'a',
      title: 'First',
      url: 'https://wiki.example.org/a',
      depth: 0,
      blocks: [h(1, 'One'), p('Alpha text')],
    },
    {
      id: 'b',
      title: 'Second',
      url: 'https://wiki.example.org/b',
      depth: 1,
      blocks: [p('Beta text')],
    },
  ],
  assets: {},
  warnings: [],
};

describe('page setup from preferences', () => {
  it.each([
    ['A4', 'portrait', [595.28, 841.89]],
    ['A4', 'landscape', [841.89, 595.28]],
    ['LETTER', 'portrait', [612, 792]],
    ['LETTER', 'landscape', [792, 612]],
    ['LEGAL', 'portrait', [612, 1008]],
  ] as const)('%s %s', async (pageSize, orientation, size) => {
    const pdf = await readPdf(await buildPdf(model, { pageSize, orientation }));
    expect(pdf.pages.length).toBe(2);
    for (const page of pdf.pages) expect([page.width, page.height]).toEqual(size);
  });

  it('puts pages on one PDF page when newPagePerPage is off', async () => {
    const pdf = await readPdf(await buildPdf(model, { newPagePerPage: false }));
    expect(pdf.pages.length).toBe(1);
    expect(pdf.pages[0]?.text).toMatch(/First[\s\S]*Alpha text[\s\S]*Second[\s\S]*Beta text/);
  });

  it('leaves header and footer out when their templates are empty', async () => {
    const pdf = await readPdf(await buildPdf(model, { headerTemplate: '', footerTemplate: '' }));
    expect(pdf.pages[0]?.text).toBe('First\nOne\nAlpha text');
  });

  it('respects margins and the body font size', async () => {
    const pdf = await readPdf(
      await buildPdf(model, {
        marginsMm: [40, 20, 40, 20],
        headerTemplate: '',
        footerTemplate: '',
      }),
    );
    const alpha = pdf.pages[0]?.items.find((i) => i.str.startsWith('Alpha'));
    expect(alpha?.x).toBeCloseTo((40 * 72) / 25.4, 0);
    // Default 10 pt body text.
    expect(alpha?.size).toBeCloseTo(10, 1);
  });
});
