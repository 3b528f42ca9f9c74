// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { useObjectStreams, type PdfKitInternals } from '../../lib/pdf/object-streams';
import { makePng } from '../helpers/images';
import { QPDF, qpdfCheck, readPdf, type PdfOutlineItem, type ReadPdf } from '../helpers/read-pdf';
import { readTagged } from '../helpers/read-struct';

type Doc = PDFKit.PDFDocument;
/** Draws a document; `streams()` turns object streams on at that point (a no-op for the plain
 * file), so both files come from the same drawing code. */
type Draw = (doc: Doc, streams: () => void) => void;

const internals = (doc: Doc): PdfKitInternals => doc as unknown as PdfKitInternals;

function render(options: PDFKit.PDFDocumentOptions, draw: Draw, packed: boolean) {
  const doc = new PDFDocument({ pdfVersion: '1.5', autoFirstPage: false, ...options });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  draw(doc, () => {
    if (packed) useObjectStreams(internals(doc));
  });
  doc.end();
  return ended;
}

async function both(options: PDFKit.PDFDocumentOptions, draw: Draw) {
  return { plain: await render(options, draw, false), packed: await render(options, draw, true) };
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** qpdf's view of the cross-reference entries: how many objects sit in which object stream. */
function compressedEntries(bytes: Uint8Array): { stream: number; index: number }[] {
  const dir = mkdtempSync(join(tmpdir(), 'offprint-xref-'));
  try {
    const file = join(dir, 'x.pdf');
    writeFileSync(file, bytes);
    const out = execFileSync(QPDF, ['--show-xref', file], { encoding: 'utf8' });
    return [...out.matchAll(/compressed; stream = (\d+), index = (\d+)/g)].map((m) => ({
      stream: Number(m[1]),
      index: Number(m[2]),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Explicit destinations name object numbers, which differ once object streams take numbers
 * too: compare where they lead (destPage) instead. */
const withoutObjectNumbers = <T extends { dest?: string }>({ dest, ...rest }: T) =>
  dest?.startsWith('[') ? rest : { dest, ...rest };

const outlineFacts = (items: PdfOutlineItem[]): unknown[] =>
  items.map((i) => ({ ...withoutObjectNumbers(i), items: outlineFacts(i.items) }));

/** What a reader sees: per page its text, links and images, and the outline. */
const facts = (pdf: ReadPdf) => ({
  pages: pdf.pages.map((p) => ({
    text: p.text,
    links: p.links.map(withoutObjectNumbers),
    images: p.imageCount,
  })),
  outline: outlineFacts(pdf.outline),
});

function expectValid(bytes: Uint8Array): void {
  const text = latin1(bytes);
  expect(text.startsWith('%PDF-1.5')).toBe(true);
  expect(text).toContain('/Type /ObjStm');
  expect(text).toContain('/Type /XRef');
  expect(text).not.toMatch(/\nxref\n/);
  expect(text).not.toContain('trailer');
  const check = qpdfCheck(bytes);
  expect(check.ok, check.output).toBe(true);
}

const PAGES = 20;
const LINKS_PER_PAGE = 15;

/** 300 link annotations (URI and named-destination links), named destinations, an outline. */
const linkHeavy: Draw = (doc, streams) => {
  streams();
  for (let p = 1; p <= PAGES; p++) {
    doc.addPage({ size: 'A4' });
    doc.addNamedDestination(`page-${p}`);
    doc.outline.addItem(`Chapter ${p}`).addItem(`Section ${p}.1`);
    doc.fontSize(10).text(`Chapter ${p}`, 50, 40);
    for (let i = 1; i <= LINKS_PER_PAGE; i++) {
      const y = 40 + i * 40;
      doc.text(`Link ${p}.${i}`, 50, y);
      if (i % 3 === 0) doc.goTo(50, y, 120, 12, `page-${(p % PAGES) + 1}`);
      else doc.link(50, y, 120, 12, `https://example.com/${p}/${i}`);
    }
  }
};

/** A tagged document built with pdfkit's structure API, each link with its OBJR. */
const taggedDoc: Draw = (doc, streams) => {
  streams();
  const root = doc.struct('Document');
  doc.addStructure(root);
  for (let p = 1; p <= PAGES; p++) {
    doc.addPage({ size: 'A4' });
    const section = doc.struct('Sect');
    root.add(section);
    section.add(doc.struct('H1', {}, () => doc.fontSize(14).text(`Section ${p}`, 50, 40)));
    for (let i = 1; i <= 10; i++) {
      const y = 40 + i * 60;
      section.add(doc.struct('P', {}, () => doc.fontSize(10).text(`Paragraph ${p}.${i}`, 50, y)));
      const link = doc.struct('Link');
      section.add(link);
      link.add(() => doc.text(`Link ${p}.${i}`, 50, y + 16));
      const options = { structParent: link } as PDFKit.Mixins.AnnotationOption;
      doc.link(50, y + 16, 100, 12, `https://example.com/${p}/${i}`, options);
      link.end();
    }
    section.end();
  }
  root.end();
};

describe('useObjectStreams', () => {
  it('packs 300 link annotations into object streams; readers see the same document', async () => {
    const { plain, packed } = await both({}, linkHeavy);
    expectValid(packed);
    const [a, b] = await Promise.all([readPdf(plain), readPdf(packed)]);
    expect(b.pages).toHaveLength(PAGES);
    expect(b.pages.flatMap((p) => p.links)).toHaveLength(PAGES * LINKS_PER_PAGE);
    expect(b.pages[0]?.links.find((l) => l.dest === 'page-2')?.destPage).toBe(2);
    expect(b.outline).toHaveLength(PAGES);
    expect(facts(b)).toEqual(facts(a));
    // Measured 0.19 (84 KB -> 16 KB).
    expect(packed.length / plain.length).toBeLessThan(0.3);
  });

  it("keeps a tagged document's structure tree", async () => {
    const { plain, packed } = await both({ tagged: true, lang: 'en' }, taggedDoc);
    expectValid(packed);
    const [a, b] = await Promise.all([readTagged(plain), readTagged(packed)]);
    expect(b.hasTree).toBe(true);
    expect(b.flat.filter((e) => e.role === 'Link')).toHaveLength(PAGES * 10);
    expect(b).toEqual(a);
    expect(facts(await readPdf(packed))).toEqual(facts(await readPdf(plain)));
    // Measured 0.21 (122 KB -> 25 KB).
    expect(packed.length / plain.length).toBeLessThan(0.3);
  });

  it('bounds object streams and leaves streams out of them', async () => {
    const packed = await render({ tagged: true }, taggedDoc, true);
    const entries = compressedEntries(packed);
    const streams = new Set(entries.map((e) => e.stream));
    // Every plain dictionary is compressed: ~200 structure elements, 200 links and their
    // actions, OBJRs, pages and resources; streams (content, fonts) are not entries here.
    expect(entries.length).toBeGreaterThan(600);
    expect(streams.size).toBeGreaterThan(entries.length / 200 - 1);
    expect(Math.max(...entries.map((e) => e.index))).toBeLessThan(200);
    const text = latin1(packed);
    // The header's offsets, from /First, land exactly on each object (7.5.7).
    const at = text.indexOf('/Type /ObjStm');
    const dict = text.slice(text.lastIndexOf('obj\n', at), text.indexOf('stream\n', at));
    const start = text.indexOf('stream\n', at) + 'stream\n'.length;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const data = inflateSync(Buffer.from(packed.subarray(start, start + length))).toString(
      'latin1',
    );
    const first = Number(/\/First (\d+)/.exec(dict)?.[1]);
    const pairs = data.slice(0, first).trim().split(/\s+/).map(Number);
    expect(pairs).toHaveLength(2 * Number(/\/N (\d+)/.exec(dict)?.[1]));
    for (let i = 1; i < pairs.length; i += 2) {
      const from = first + (pairs[i] ?? NaN);
      expect(data.slice(from, from + 2)).toMatch(/^(<<|\[|\(|\/|\d)/);
      expect(/\s/.test(data[from - 1] ?? '')).toBe(true);
    }
    const contentStreams = text.match(
      /\d+ 0 obj\n<<\n\/Length \d+\n\/Filter \/FlateDecode\n>>\nstream/g,
    );
    expect(contentStreams?.length).toBeGreaterThanOrEqual(PAGES);
  });

  it('finds objects written before it was called', async () => {
    const png = makePng(40, 30);
    const draw: Draw = (doc, streams) => {
      doc.addPage({ size: 'A4' });
      doc.image(png, 50, 50, { width: 80 });
      doc.text('Before the switch', 50, 120);
      doc.addPage({ size: 'A4' }); // ends page 1: its dictionary, resources and content
      streams();
      doc.text('After the switch', 50, 50);
      doc.link(50, 50, 100, 12, 'https://example.com/after');
      doc.addPage({ size: 'A4' });
      doc.text('Third page', 50, 50);
    };
    const { plain, packed } = await both({}, draw);
    expectValid(packed);
    const [a, b] = await Promise.all([readPdf(plain), readPdf(packed)]);
    expect(b.pages.map((p) => p.text)).toEqual([
      'Before the switch',
      'After the switch',
      'Third page',
    ]);
    expect(b.pages[0]?.imageCount).toBe(1);
    expect(facts(b)).toEqual(facts(a));
    // Page 1's dictionary stayed inline; pages 2 and 3 went into an object stream.
    const pageDicts = (bytes: Uint8Array) => latin1(bytes).match(/\/Type \/Page\n/g)?.length;
    expect(pageDicts(plain)).toBe(3);
    expect(pageDicts(packed)).toBe(1);
  });

  it('finishes when the last object ends after doc.end()', async () => {
    // pdfkit then finalises from _refEnd, while our own object streams are still to be written.
    const doc = new PDFDocument({ pdfVersion: '1.5', autoFirstPage: false });
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    const ended = new Promise<void>((resolve) => doc.on('end', resolve));
    useObjectStreams(internals(doc));
    doc.addPage().text('Late', 50, 50);
    const late = internals(doc).ref({ Late: true });
    doc.end();
    expect(chunks.some((c) => latin1(c).includes('%%EOF'))).toBe(false);
    late.end();
    await ended;
    const bytes = new Uint8Array(Buffer.concat(chunks));
    expectValid(bytes);
    expect(latin1(bytes).match(/startxref/g)).toHaveLength(1);
    expect((await readPdf(bytes)).text).toBe('Late');
  });

  it('writes an object that is only a reference inline, as 7.5.7 requires', async () => {
    let ids: number[] = [];
    const draw: Draw = (doc, streams) => {
      streams();
      doc.addPage().text('Alias', 50, 50);
      const target = internals(doc).ref({ Target: true });
      const alias = internals(doc).ref(target);
      ids = [alias.id, target.id];
      alias.end();
      target.end();
    };
    const bytes = await render({}, draw, true);
    // (qpdf warns on such an object wherever it is, pdfkit's own xref table included.)
    expect(latin1(bytes)).toContain('/Type /ObjStm');
    expect(latin1(bytes)).toContain(`\n${ids[0]} 0 obj\n${ids[1]} 0 R\nendobj\n`);
    expect((await readPdf(bytes)).text).toBe('Alias');
  });

  it('refuses a header below PDF 1.5', () => {
    for (const pdfVersion of ['1.4', undefined] as const) {
      const doc = new PDFDocument({ ...(pdfVersion ? { pdfVersion } : {}), autoFirstPage: false });
      expect(() => useObjectStreams(internals(doc))).toThrow(/PDF 1\.5 header/);
    }
  });

  it('leaves an encrypted document to pdfkit', async () => {
    const draw: Draw = (doc, streams) => {
      streams();
      doc.addPage().text('Secret', 50, 50);
    };
    const bytes = await render({ ownerPassword: 'owner' }, draw, true);
    const text = latin1(bytes);
    expect(text).toMatch(/\nxref\n/);
    expect(text).not.toContain('/ObjStm');
    const check = qpdfCheck(bytes);
    expect(check.ok, check.output).toBe(true);
  });

  it("works on the pdfkit inside pdfmake's browser bundle", async () => {
    // The browser build reads navigator at import time; Node 20 has none.
    const g = globalThis as { navigator?: unknown };
    g.navigator ??= { userAgent: 'node' };
    interface Bundle {
      addVirtualFileSystem(vfs: unknown): void;
      setProgressCallback(cb: ((this: { pdfDocument: PdfKitInternals }) => void) | undefined): void;
      createPdf(dd: unknown): { getBuffer(): Promise<Uint8Array> };
    }
    const mod = (await import('pdfmake/build/pdfmake')) as unknown as { default?: Bundle } & Bundle;
    const pdfmake = mod.default ?? mod;
    const vfs = (await import('pdfmake/build/vfs_fonts')) as unknown as { default?: unknown };
    pdfmake.addVirtualFileSystem(vfs.default ?? vfs);
    const content = Array.from({ length: PAGES * LINKS_PER_PAGE }, (_, n) => ({
      text: `Link ${n + 1}`,
      link: `https://example.com/${n + 1}`,
      ...(n > 0 && n % LINKS_PER_PAGE === 0 ? { pageBreak: 'before' } : {}),
    }));
    const build = async (packed: boolean) => {
      // pdfmake calls the progress callback as a method of its renderer (after page 1's first
      // item): this test's way to reach the bundle's pdfkit document mid-render.
      pdfmake.setProgressCallback(function () {
        if (packed) useObjectStreams(this.pdfDocument);
      });
      try {
        const bytes = await pdfmake.createPdf({ version: '1.5', content }).getBuffer();
        return new Uint8Array(bytes);
      } finally {
        pdfmake.setProgressCallback(undefined);
      }
    };
    const plain = await build(false);
    const packed = await build(true);
    expectValid(packed);
    const [a, b] = await Promise.all([readPdf(plain), readPdf(packed)]);
    expect(b.pages).toHaveLength(PAGES);
    // pdfmake draws "Link" and " 12" as two inlines, each with its own annotation.
    const urls = new Set(b.pages.flatMap((p) => p.links.map((l) => l.url)));
    expect(urls.size).toBe(PAGES * LINKS_PER_PAGE);
    expect(facts(b)).toEqual(facts(a));
    // Measured 0.20 (163 KB -> 32 KB).
    expect(packed.length / plain.length).toBeLessThan(0.3);
  });
});
