// @vitest-environment node
/**
 * Volumes are cut on estimated PDF pages (lib/export/volumes.ts). The estimate is checked against
 * real builds of the reader fixtures (both Confluence markups, every construct): one fixture per
 * Confluence page, and all of them run together as one long page. It only has to be good enough
 * to bound memory, so it must land within 1.5x of the real page count either way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { convertDocument } from '../../lib/convert/convert-document';
import { estimatePdfPages, volumeBudget } from '../../lib/export/volumes';
import type { ExportModel, PageModel } from '../../lib/model/types';
import { DEFAULT_PREFS, type Prefs } from '../../lib/prefs/schema';
import { buildPdf } from '../helpers/build-pdf';
import { readPdf } from '../helpers/read-pdf';

const DIR = join(import.meta.dirname, '../fixtures/read');

async function fixturePages(): Promise<PageModel[]> {
  const pages: PageModel[] = [];
  for (const name of readdirSync(DIR).sort()) {
    const path = join(DIR, name, 'input.html');
    const dom = new JSDOM(readFileSync(path, 'utf8'), { url: pathToFileURL(path).href });
    const { model } = await convertDocument(dom.window.document, {
      pageUrl: pathToFileURL(path).href,
      loadImages: async () => ({ assets: {}, warnings: [] }),
    });
    for (const page of model.pages) pages.push({ ...page, id: name, title: name, depth: 1 });
  }
  return pages;
}

const exportOf = (pages: PageModel[]): ExportModel => ({
  title: 'Fixtures',
  site: 'https://wiki.example.com',
  pages,
  assets: {},
  warnings: [],
});

describe('estimated PDF pages against built ones', () => {
  it.each([
    ['default A4, 10 pt', {}],
    ['Letter landscape, 14 pt', { pageSize: 'LETTER', orientation: 'landscape', fontSize: 14 }],
  ] as [string, Partial<Prefs>][])(
    '%s',
    async (_, change) => {
      const prefs = { ...DEFAULT_PREFS, ...change, volumePages: 100 };
      const budget = volumeBudget(prefs);
      if (!budget) throw new Error('volumes are on');
      const pages = await fixturePages();
      expect(pages.length).toBeGreaterThanOrEqual(30);

      const separate = exportOf(pages);
      const long = exportOf([
        {
          ...(pages[0] as PageModel),
          blocks: [1, 2, 3].flatMap(() => pages.flatMap((p) => p.blocks)),
        },
      ]);
      for (const [what, model] of [
        ['one fixture per page', separate],
        ['one long page', long],
      ] as const) {
        const estimated = model.pages.reduce((n, p) => n + estimatePdfPages(p, budget), 0);
        const built = (await readPdf(await buildPdf(model, prefs))).pages.length;
        console.log(`${_}, ${what}: estimated ${estimated}, built ${built}`);
        expect(estimated / built, what).toBeGreaterThan(1 / 1.5);
        expect(estimated / built, what).toBeLessThan(1.5);
      }
    },
    120_000,
  );
});
