/** Splitting long exports into volumes: estimates, the split itself, and what each volume carries. */
import { describe, expect, it } from 'vitest';
import type { Block, ExportModel, PageModel } from '../../lib/model/types';
import {
  estimatePdfPages,
  splitVolumes,
  volumeBudget,
  type VolumeBudget,
} from '../../lib/export/volumes';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';

const words = (n: number, seed: string): string =>
  Array.from({ length: n }, (_, i) => `${seed}${i % 97}`).join(' ');

const paragraphs = (count: number, wordsEach: number, seed = 'w'): Block[] =>
  Array.from({ length: count }, (_, i) => ({
    type: 'paragraph',
    inlines: [{ type: 'text', text: words(wordsEach, `${seed}${i}-`) }],
  }));

const page = (id: string, blocks: Block[], depth = 1): PageModel => ({
  id,
  title: `Page ${id}`,
  url: `https://wiki.example.com/pages/viewpage.action?pageId=${id}`,
  depth,
  blocks,
});

const model = (pages: PageModel[], extra: Partial<ExportModel> = {}): ExportModel => ({
  title: 'Handbook',
  site: 'https://wiki.example.com',
  pages,
  assets: {},
  warnings: [],
  ...extra,
});

const budget = (maxPages: number): VolumeBudget => {
  const b = volumeBudget({ ...DEFAULT_PREFS, volumePages: maxPages });
  if (!b) throw new Error('volumes are on');
  return b;
};

describe('volumeBudget', () => {
  it('is off at 0 and fits fewer characters and lines as the font grows', () => {
    expect(volumeBudget({ ...DEFAULT_PREFS, volumePages: 0 })).toBeUndefined();
    const small = budget(100);
    const large = volumeBudget({ ...DEFAULT_PREFS, volumePages: 100, fontSize: 20 });
    expect(large?.charsPerLine).toBeLessThan(small.charsPerLine);
    expect(large?.linesPerPage).toBeLessThan(small.linesPerPage);
    const landscape = volumeBudget({
      ...DEFAULT_PREFS,
      volumePages: 100,
      orientation: 'landscape',
    });
    expect(landscape?.charsPerLine).toBeGreaterThan(small.charsPerLine);
  });
});

describe('estimatePdfPages', () => {
  it('grows with the content, about in proportion', () => {
    const b = budget(100);
    const one = estimatePdfPages(page('1', paragraphs(40, 60)), b);
    const four = estimatePdfPages(page('1', paragraphs(160, 60)), b);
    expect(one).toBeGreaterThanOrEqual(2);
    expect(four / one).toBeGreaterThan(3);
    expect(four / one).toBeLessThan(5);
    expect(estimatePdfPages(page('1', []), b)).toBe(1);
  });

  it('counts code lines, table rows and images, not only paragraphs', () => {
    const b = budget(100);
    const code: Block = {
      type: 'code',
      text: Array.from({ length: 300 }, (_, i) => `line ${i}`).join('\n'),
    };
    expect(estimatePdfPages(page('1', [code]), b)).toBeGreaterThanOrEqual(4);
    const row = Array.from({ length: 4 }, () => ({
      blocks: paragraphs(1, 3),
      colspan: 1,
      rowspan: 1,
      header: false,
    }));
    const table: Block = {
      type: 'table',
      headerRows: 0,
      rows: Array.from({ length: 200 }, () => row),
    };
    expect(estimatePdfPages(page('1', [table]), b)).toBeGreaterThanOrEqual(4);
    const image: Block = { type: 'image', asset: 'a', width: 600, height: 700 };
    expect(estimatePdfPages(page('1', [image, image, image, image]), b)).toBeGreaterThanOrEqual(3);
  });
});

describe('splitVolumes', () => {
  const pages = Array.from({ length: 30 }, (_, i) => page(String(i + 1), paragraphs(40, 60)));

  it('keeps one model when volumes are off, for a single page, or when it all fits', () => {
    const m = model(pages);
    expect(splitVolumes(m, undefined)).toEqual([m]);
    expect(splitVolumes(model([page('1', paragraphs(2000, 60))]), budget(50))).toHaveLength(1);
    expect(splitVolumes(m, budget(5000))[0]).toBe(m);
  });

  it('splits between pages, in order, each volume within the budget', () => {
    const b = budget(20);
    const volumes = splitVolumes(model(pages), b);
    const perPage = estimatePdfPages(pages[0] as PageModel, b);
    expect(volumes.length).toBe(Math.ceil(30 / Math.floor(20 / perPage)));
    expect(volumes.flatMap((v) => v.pages.map((p) => p.id))).toEqual(pages.map((p) => p.id));
    volumes.forEach((v, i) => {
      expect(v.title).toBe(`Handbook (volume ${i + 1} of ${volumes.length})`);
      const estimate = v.pages.reduce((n, p) => n + estimatePdfPages(p, b), 0);
      expect(estimate).toBeLessThanOrEqual(20);
    });
  });

  it('gives a page larger than the budget a volume of its own', () => {
    const huge = page('big', paragraphs(400, 60));
    const volumes = splitVolumes(
      model([pages[0] as PageModel, huge, pages[1] as PageModel]),
      budget(10),
    );
    expect(volumes.map((v) => v.pages.map((p) => p.id))).toEqual([['1'], ['big'], ['2']]);
  });

  it("carries only its pages' images, and its pages' warnings (the rest go to the first)", () => {
    const picture = (asset: string): Block => ({ type: 'image', asset });
    const inTable = (asset: string): Block => ({
      type: 'table',
      headerRows: 0,
      rows: [
        [
          {
            colspan: 1,
            rowspan: 1,
            header: false,
            blocks: [
              {
                type: 'paragraph',
                inlines: [
                  {
                    type: 'link',
                    target: { kind: 'url', url: 'https://example.com' },
                    inlines: [{ type: 'image', asset, alt: 'icon' }],
                  },
                ],
              },
            ],
          },
        ],
      ],
    });
    const a = page('a', [...paragraphs(60, 60), picture('img-1')]);
    const b = page('b', [...paragraphs(60, 60), inTable('img-2'), picture('img-1')]);
    const asset = { dataUrl: 'data:image/png;base64,AA==', width: 1, height: 1 } as never;
    const volumes = splitVolumes(
      model([a, b], {
        assets: { 'img-1': asset, 'img-2': asset, unused: asset },
        warnings: [
          { pageId: 'b', kind: 'image-failed', message: 'on b' },
          { kind: 'rate-limited', message: 'site-wide' },
          { pageId: 'gone', kind: 'page-skipped', message: 'a 403 child' },
        ],
      }),
      budget(4),
    );
    expect(volumes).toHaveLength(2);
    expect(Object.keys(volumes[0]?.assets ?? {})).toEqual(['img-1']);
    expect(Object.keys(volumes[1]?.assets ?? {}).sort()).toEqual(['img-1', 'img-2']);
    expect(volumes[0]?.warnings.map((w) => w.message)).toEqual(['site-wide', 'a 403 child']);
    expect(volumes[1]?.warnings.map((w) => w.message)).toEqual(['on b']);
  });
});
