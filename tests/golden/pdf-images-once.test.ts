// @vitest-environment node
/**
 * An image a page shows several times, or two attachments with the same bytes, is embedded once
 * in the PDF and drawn at every place it appears.
 */
import { describe, expect, it } from 'vitest';
import type { Block, ExportModel } from '../../lib/model/types';
import { buildPdf } from '../helpers/build-pdf';
import { pngDataUrl } from '../helpers/images';
import { pdfSource, readPdf } from '../helpers/read-pdf';
import { p } from '../helpers/sample-model';

const image = (asset: string): Block => ({ type: 'image', asset, alt: asset });

function model(): ExportModel {
  const shared = pngDataUrl(120, 80);
  const asset = (url: string, dataUrl: string) => ({
    mime: 'image/png',
    dataUrl,
    width: 120,
    height: 80,
    sourceUrl: url,
  });
  return {
    title: 'Images',
    site: 'https://acme.atlassian.net/wiki',
    pages: [
      {
        id: '1',
        title: 'Images',
        url: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/1',
        spaceKey: 'ENG',
        depth: 0,
        blocks: [
          image('a'),
          p('Between'),
          image('a'),
          { type: 'pageBreak' },
          image('a'),
          image('copy'),
          image('other'),
        ],
      },
    ],
    assets: {
      a: asset('https://acme/a.png', shared),
      copy: asset('https://acme/copy-of-a.png', shared),
      other: asset('https://acme/other.png', pngDataUrl(40, 40)),
    },
    warnings: [],
  };
}

describe('images embedded once', () => {
  it('has one image object per distinct picture, drawn at each of its five places', async () => {
    const bytes = await buildPdf(model(), { cover: false, toc: false });
    const source = pdfSource(bytes);
    const imageObjects = source.match(/\/Subtype \/Image/g) ?? [];
    // Two pictures; pdfkit may add a soft mask per PNG with alpha, never one per use.
    expect(imageObjects.length).toBeGreaterThanOrEqual(2);
    expect(imageObjects.length).toBeLessThanOrEqual(4);
    const pdf = await readPdf(bytes);
    const drawn = pdf.pages.reduce((n, page) => n + page.imageCount, 0);
    expect(drawn).toBe(5);
  });
});
