// @vitest-environment node
/**
 * The renderer patches (lib/pdf/renderer/: one text object per line, page content written once
 * per page) must not move a glyph. The same definitions are built by plain pdfmake first and by
 * the patched renderer after (the patch is on pdfmake's shared Renderer prototype, so the order
 * matters), then poppler renders both to pixels and the pages are compared; the text read back
 * must be the same, and the patched content must be the shorter one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutDocument } from '../../lib/layout/layout-document';
import { TABLE_LAYOUTS } from '../../lib/layout/table-layouts';
import type { ExportModel } from '../../lib/model/types';
import type { BuildPhases } from '../../lib/pdf/build-pdf';
import { FONT_FAMILIES, FONT_FILES } from '../../lib/pdf/font-files';
import { createNodeEngine, readFontFile } from '../../lib/pdf/node-engine';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import { SCRIPT_SAMPLES, MIXED_RTL } from '../sample-confluence/content/pages-multilingual';
import { EXPORTED_AT } from '../helpers/build-pdf';
import { readPdf, type PdfOutlineItem } from '../helpers/read-pdf';
import { p, sampleModel, t } from '../helpers/sample-model';

const HAVE_POPPLER = existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/qpdf');

interface PlainPdfmake {
  setFonts(fonts: unknown): void;
  addTableLayouts(layouts: unknown): void;
  setUrlAccessPolicy(cb: () => boolean): void;
  setLocalAccessPolicy(cb: () => boolean): void;
  virtualfs: { writeFileSync(path: string, data: Buffer): void };
  createPdf(dd: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

/** Text in every shape the writer handles: marks, links, highlights, scripts, sup/sub. */
function textModel(): ExportModel {
  const model = sampleModel();
  const page = model.pages[0];
  if (!page) throw new Error('sample model has no page');
  page.blocks.push(
    p(
      t('Red', { colour: '#de350b' }),
      ' then ',
      t('highlighted', { background: '#fffae6' }),
      ' E = mc',
      t('2', { sup: true }),
      ' and H',
      t('2', { sub: true }),
      'O, ',
      t('code()', { code: true }),
      ', ',
      {
        type: 'link',
        target: { kind: 'url', url: 'https://example.com/a' },
        inlines: [t('a link')],
      },
      ' and ',
      { type: 'link', target: { kind: 'anchor', anchor: 'Introduction' }, inlines: [t('back up')] },
      '.',
    ),
    ...Object.values(SCRIPT_SAMPLES).map((sentence) => p(sentence)),
    p(MIXED_RTL),
    // Combining marks: glyphs placed off the pen.
    p('Cafe\u0301, n\u0303, a\u0308\u0301, \u0e01\u0e34\u0e48 and \u0928\u093f\u0939\u093e\u0932'),
    { type: 'paragraph', align: 'justify', inlines: [t('Justified text '.repeat(40))] },
  );
  return model;
}

const layout = (model: ExportModel, tagged: boolean): TDocumentDefinitions =>
  layoutDocument(model, {
    prefs: { ...DEFAULT_PREFS, cover: true, toc: true, watermarkText: 'DRAFT', taggedPdf: tagged },
    exportedAt: EXPORTED_AT,
  });

/** Grey pixels of every page at 40 dpi. */
function pixels(bytes: Uint8Array, dir: string, name: string): Buffer[] {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  execFileSync('/usr/bin/pdftoppm', ['-r', '40', '-gray', file, join(dir, name)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.pgm'))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
}

/** Share of pixels whose grey differs by more than a quarter of the range. */
function difference(a: Buffer, b: Buffer): number {
  if (a.length !== b.length) return 1;
  let differ = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > 64) differ++;
  return differ / a.length;
}

/** Uncompressed content: how many text objects (BT) the pages hold, and their bytes. */
function contentStats(bytes: Uint8Array, dir: string, name: string) {
  const file = join(dir, `${name}-raw.pdf`);
  const qdf = join(dir, `${name}-qdf.pdf`);
  writeFileSync(file, bytes);
  execFileSync('/usr/bin/qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  // QDF mode labels each page's content stream; fonts and images are not counted.
  const pages = readFileSync(qdf, 'latin1')
    .split('%% Contents for page')
    .slice(1)
    .map((chunk) => chunk.slice(0, chunk.indexOf('endstream')));
  return {
    textObjects: pages.reduce((n, c) => n + (c.match(/\nBT\n/g) ?? []).length, 0),
    bytes: pages.reduce((n, c) => n + c.length, 0),
  };
}

describe.skipIf(!HAVE_POPPLER)('the patched renderer draws what plain pdfmake draws', () => {
  const dir = mkdtempSync(join(tmpdir(), 'offprint-lean-'));
  const built: Record<'plain' | 'lean' | 'leanTagged', Uint8Array> = {} as never;

  beforeAll(async () => {
    const mod = (await import('pdfmake')) as unknown as { default?: PlainPdfmake } & PlainPdfmake;
    const pdfmake = mod.default ?? mod;
    pdfmake.setFonts(FONT_FAMILIES);
    pdfmake.addTableLayouts(TABLE_LAYOUTS);
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    for (const f of FONT_FILES) pdfmake.virtualfs.writeFileSync(f.file, readFontFile(f.file));
    built.plain = new Uint8Array(await pdfmake.createPdf(layout(textModel(), false)).getBuffer());
    // From here on the shared Renderer prototype is patched.
    const engine = await createNodeEngine();
    built.lean = await engine.build(layout(textModel(), false));
    built.leanTagged = await engine.build(layout(textModel(), true));
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders the same pixels on every page', () => {
    const plain = pixels(built.plain, dir, 'plain');
    const lean = pixels(built.lean, dir, 'lean');
    const tagged = pixels(built.leanTagged, dir, 'tagged');
    expect(plain.length).toBeGreaterThan(2);
    expect(lean.length).toBe(plain.length);
    expect(tagged.length).toBe(plain.length);
    plain.forEach((page, i) => {
      expect(difference(page, lean[i] as Buffer), `page ${i + 1}`).toBeLessThan(0.001);
      expect(difference(page, tagged[i] as Buffer), `tagged page ${i + 1}`).toBeLessThan(0.001);
    });
  });

  it('reads back the same text and bookmarks, and links covering the same words', async () => {
    const plain = await readPdf(built.plain, { images: false });
    const lean = await readPdf(built.lean, { images: false });
    // Arabic lines are the one intended difference: the lean writer maps right-to-left ligatures
    // so extraction reads their letters in order (lib/pdf/renderer/rtl-ligatures.ts); plain
    // pdfmake's read swapped ("ال" for "لا").
    const arabic = /\p{Script=Arabic}/u;
    const lines = (pdf: typeof plain): string[][] =>
      pdf.pages.map((pg) => pg.text.split('\n').filter((l) => !arabic.test(l)));
    expect(lines(lean)).toEqual(lines(plain));
    expect(lean.text.split('\n')).toContain(MIXED_RTL);
    // Explicit destinations name object numbers, which differ: compare where they lead.
    const shape = (items: PdfOutlineItem[]): unknown[] =>
      items.map((i) => ({ title: i.title, page: i.destPage, items: shape(i.items) }));
    expect(shape(lean.outline)).toEqual(shape(plain.outline));
    // pdfmake makes a link annotation per word; the lean writer one per run of words on a line,
    // covering exactly the words' areas.
    let merged = 0;
    lean.pages.forEach((page, i) => {
      const words = plain.pages[i]?.links ?? [];
      const covered = new Set<number>();
      for (const link of page.links) {
        const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = link.rect;
        const inside = words.filter((w, n) => {
          const [a = 0, b = 0, c = 0, d = 0] = w.rect;
          const hit =
            w.url === link.url &&
            w.dest === link.dest &&
            Math.abs(b - y1) < 0.01 &&
            Math.abs(d - y2) < 0.01 &&
            a >= x1 - 0.01 &&
            c <= x2 + 0.01;
          if (hit) covered.add(n);
          return hit;
        });
        expect(inside.length, `page ${i + 1} ${link.url ?? link.dest}`).toBeGreaterThan(0);
        expect(Math.min(...inside.map((w) => w.rect[0] ?? 0))).toBeCloseTo(x1, 2);
        expect(Math.max(...inside.map((w) => w.rect[2] ?? 0))).toBeCloseTo(x2, 2);
        merged += inside.length - 1;
      }
      expect(covered.size, `every word link of page ${i + 1} is covered`).toBe(words.length);
    });
    expect(merged).toBeGreaterThan(0);
  });

  it('reports where pdfmake spent the build', async () => {
    const engine = await createNodeEngine();
    const phases: Partial<BuildPhases> = {};
    const started = performance.now();
    await engine.build(layout(textModel(), true), undefined, phases);
    const total = performance.now() - started;
    expect(Object.keys(phases).sort()).toEqual([
      'deflatedOffThread',
      'pdfmakeLayout',
      'pdfmakeRender',
      'pdfmakeWrite',
    ]);
    const { pdfmakeLayout = NaN, pdfmakeRender = NaN, pdfmakeWrite = NaN } = phases;
    expect(pdfmakeRender).toBeGreaterThan(0);
    // The three phases are consecutive slices of the build.
    expect(pdfmakeLayout + pdfmakeRender + pdfmakeWrite).toBeLessThanOrEqual(Math.ceil(total) + 2);
  });

  it('writes one text object per line instead of one per word, and less content', () => {
    const plain = contentStats(built.plain, dir, 'plain');
    const lean = contentStats(built.lean, dir, 'lean');
    expect(lean.textObjects).toBeGreaterThan(0);
    expect(lean.textObjects * 3).toBeLessThan(plain.textObjects);
    expect(lean.bytes).toBeLessThan(plain.bytes * 0.7);
  });
});
