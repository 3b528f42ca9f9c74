// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PREVIEW_MODEL } from '../../lib/prefs/preview-model';
import { DEFAULT_PREFS, type Prefs } from '../../lib/prefs/schema';
import { buildPdf } from '../helpers/build-pdf';
import { readPdf } from '../helpers/read-pdf';

describe('options preview sample page', () => {
  it('lays out with the defaults into one page showing each construct', async () => {
    const pdf = await readPdf(await buildPdf(PREVIEW_MODEL));
    expect(pdf.pages).toHaveLength(1);
    for (const text of [
      'Release 2.4',
      'Overview',
      'Before you deploy',
      'ledger-service',
      'batchSize',
    ]) {
      expect(pdf.text).toContain(text);
    }
  });

  const variants: [string, Partial<Prefs>][] = [
    ['cover and contents', { cover: true, toc: true }],
    ['landscape Letter', { orientation: 'landscape', pageSize: 'LETTER' }],
    [
      'a watermark, line numbers and big text',
      { watermarkText: 'DRAFT', codeLineNumbers: true, fontSize: 24 },
    ],
    [
      'every v2 field changed',
      { fontFamily: 'Mono', dateFormat: 'iso', sites: ['https://wiki.example.com'] },
    ],
  ];
  it.each(variants)('builds with %s', async (_name, prefs) => {
    const pdf = await readPdf(await buildPdf(PREVIEW_MODEL, { ...DEFAULT_PREFS, ...prefs }));
    expect(pdf.pages.length).toBeGreaterThan(0);
  });
});
