// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ExportModel, PageModel } from '../../lib/model/types';
import { buildPdf } from '../helpers/build-pdf';
import { qpdfCheck, readPdf, squash } from '../helpers/read-pdf';
import { cell, p, WIDE_HEADERS, widePage } from '../helpers/sample-model';

const model = (page: PageModel): ExportModel => ({
  title: 'Wide',
  site: 'https://acme.atlassian.net/wiki',
  pages: [page],
  assets: {},
  warnings: [],
});

/** A realistic 14-column table: short header words, a few rows. */
function realisticPage(): PageModel {
  const headers = [
    'Id',
    'Service',
    'Owner',
    'Region',
    'Tier',
    'Status',
    'Latency',
    'Errors',
    'Uptime',
    'Version',
    'Deployed',
    'Reviewer',
    'Ticket',
    'Notes',
  ];
  return {
    id: 'r',
    title: 'Service inventory',
    url: 'https://acme.atlassian.net/wiki/spaces/OPS/pages/r',
    depth: 0,
    blocks: [
      p('Inventory follows.'),
      {
        type: 'table',
        headerRows: 1,
        rows: [
          headers.map((h) => cell(h, { header: true })),
          ...Array.from({ length: 40 }, (_, r) =>
            headers.map((h, c) => cell(c === 0 ? String(r + 1) : `${h.toLowerCase()}-${r}`)),
          ),
        ],
      },
      p('End of inventory.'),
    ],
  };
}

describe('wide tables never lose a column', () => {
  it('keeps all 14 header texts whole, repeating the header row on every page', async () => {
    const bytes = await buildPdf(model(realisticPage()), {
      headerTemplate: '',
      footerTemplate: '',
    });
    const pdf = await readPdf(bytes);
    const headers = [
      'Id',
      'Service',
      'Owner',
      'Region',
      'Tier',
      'Status',
      'Latency',
      'Errors',
      'Uptime',
      'Version',
      'Deployed',
      'Reviewer',
      'Ticket',
      'Notes',
    ];
    const tablePages = pdf.pages.filter((pg) => pg.text.includes('service-'));
    expect(tablePages.length).toBeGreaterThan(0);
    for (const page of tablePages) {
      // Whole words: the header line reads exactly like the model.
      expect(page.text).toContain(headers.join(' '));
    }
    // Every body cell of the last column is there.
    for (let r = 0; r < 40; r++) expect(pdf.text).toContain(`notes-${r}`);
    const check = qpdfCheck(bytes);
    expect(check.ok, check.output).toBe(true);
  });

  it('turns a table too wide for portrait onto landscape pages, then back', async () => {
    const pdf = await readPdf(
      await buildPdf(model(widePage()), { headerTemplate: '', footerTemplate: '' }),
    );
    const before = pdf.pages.find((pg) => pg.text.includes('Before the wide table.'));
    const table = pdf.pages.find((pg) => pg.text.includes('r1c1'));
    const after = pdf.pages.find((pg) => pg.text.includes('After the wide table.'));
    expect([before?.width, before?.height]).toEqual([595.28, 841.89]);
    expect([table?.width, table?.height]).toEqual([841.89, 595.28]);
    expect([after?.width, after?.height]).toEqual([595.28, 841.89]);
    // Even when words must break inside cells, every header's characters are present.
    for (const h of WIDE_HEADERS) expect(squash(table?.text ?? '')).toContain(h);
    for (let c = 1; c <= 14; c++) expect(table?.text).toContain(`r3c${c} `);
  });

  it('adds no blank page when a landscape table ends a page', async () => {
    const wide = widePage();
    wide.blocks = wide.blocks.slice(0, 2); // the table is the last block
    const next: PageModel = {
      id: 'n',
      title: 'Next page',
      url: '',
      depth: 1,
      blocks: [p('Next text')],
    };
    const pdf = await readPdf(
      await buildPdf(
        { ...model(wide), pages: [wide, next] },
        { headerTemplate: '', footerTemplate: '' },
      ),
    );
    expect(
      pdf.pages.map((pg) => [pg.width > pg.height ? 'L' : 'P', pg.text.split('\n')[0]]),
    ).toEqual([
      ['P', 'Wide table page'],
      ['L', expect.stringContaining('Column01')],
      ['P', 'Next page'],
    ]);
  });

  it('in a landscape document, shrinks instead of turning', async () => {
    const pdf = await readPdf(
      await buildPdf(model(widePage()), {
        orientation: 'landscape',
        headerTemplate: '',
        footerTemplate: '',
      }),
    );
    for (const page of pdf.pages) expect([page.width, page.height]).toEqual([841.89, 595.28]);
    for (const h of WIDE_HEADERS) expect(squash(pdf.text)).toContain(h);
  });
});
