// @vitest-environment node
/**
 * Tagged (accessible) PDFs: the structure tree is read back with pdfjs-dist (`getStructTree`,
 * marked content from `getTextContent`) and checked for tags, reading order, alt text and
 * artifacts, on the hand-made sample model and on the sample Confluence's Kitchen Sink page
 * (served over HTTP, read like the extension reads it). Both engines tag identically.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedImages } from '../../lib/confluence/read-with-images';
import { convertDocument } from '../../lib/convert/convert-document';
import { readImageHeader } from '../../lib/image-bytes/image-header';
import { layoutDocument } from '../../lib/layout/layout-document';
import type { Asset, Warning } from '../../lib/model/types';
import { createBrowserEngine } from '../../lib/pdf/browser-engine';
import { FONT_FILES } from '../../lib/pdf/font-files';
import { createNodeEngine } from '../../lib/pdf/node-engine';
import { DEFAULT_PREFS, type Prefs } from '../../lib/prefs/schema';
import { EXPORTED_AT } from '../helpers/build-pdf';
import { pdfSource, qpdfCheck } from '../helpers/read-pdf';
import { readTagged, roles, textIn, type Tagged } from '../helpers/read-struct';
import { sampleModel } from '../helpers/sample-model';
import { startSampleConfluence, type SampleConfluence } from '../sample-confluence/server';

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('tagged PDF of the sample model (Node engine)', () => {
  let bytes: Uint8Array;
  let tagged: Tagged;
  const prefs: Prefs = {
    ...DEFAULT_PREFS,
    cover: true,
    toc: true,
    watermarkText: 'WATERMARKED',
    headerTemplate: 'HEADERTEXT {page}',
    footerTemplate: 'FOOTERTEXT {page} of {pages}',
  };

  beforeAll(async () => {
    const engine = await createNodeEngine();
    bytes = await engine.build(layoutDocument(sampleModel(), { prefs, exportedAt: EXPORTED_AT }));
    tagged = await readTagged(bytes);
  });

  it('passes qpdf --check', () => {
    const result = qpdfCheck(bytes);
    expect(result.ok, result.output).toBe(true);
  });

  it('is a tagged PDF 1.7 with the document language and title shown', () => {
    const raw = pdfSource(bytes);
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/Lang \(en\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(tagged.hasTree).toBe(true);
    expect(tagged.lang).toBe('en');
  });

  it('has every structure type the layout marks', () => {
    const found = roles(tagged);
    for (const role of [
      'H1',
      'H2',
      'P',
      'L',
      'LI',
      'LBody',
      'Table',
      'TR',
      'TH',
      'TD',
      'Figure',
      'Caption',
      'Link',
      'Code',
      'BlockQuote',
    ]) {
      expect(found, role).toContain(role);
    }
  });

  it('lists headings in reading order, page titles as H1', () => {
    const headings = tagged.flat
      .filter((e) => /^H[1-6]$/.test(e.role))
      .map((e) => `${e.role} ${e.text.trim()}`);
    expect(headings).toEqual([
      'H1 Engineering Handbook',
      'H1 Introduction',
      'H2 Lists',
      'H2 Details',
      'H1 Child Page',
      'H1 Panels',
      'H2 Images',
    ]);
  });

  it('gives figures their alt text (caption or file name when the page had none)', () => {
    const alts = tagged.flat.filter((e) => e.role === 'Figure').map((e) => e.alt);
    expect(alts.length).toBeGreaterThanOrEqual(2);
    expect(alts).toContain('PNG caption');
    expect(alts.every((a) => typeof a === 'string' && a.length > 0)).toBe(true);
  });

  it('builds tables as Table > TR > TH/TD with header scope', () => {
    const table = tagged.flat.find((e) => e.role === 'Table');
    expect(table?.children.every((r) => r.role === 'TR')).toBe(true);
    const first = table?.children[0];
    expect(first?.children.length).toBeGreaterThan(1);
    expect(first?.children.every((c) => c.role === 'TH')).toBe(true);
    expect(table?.children[1]?.children.every((c) => c.role === 'TD')).toBe(true);
    expect(pdfSource(bytes)).toMatch(/\/Scope \/Column/);
  });

  it('builds lists as L > LI > LBody, nested lists inside their item', () => {
    const list = tagged.flat.find((e) => e.role === 'L');
    expect(list?.children.every((i) => i.role === 'LI')).toBe(true);
    expect(list?.children[0]?.children[0]?.role).toBe('LBody');
    const nested = list?.children[1]?.children[0]?.children.find((c) => c.role === 'L');
    expect(nested?.children.length).toBeGreaterThan(0);
  });

  it('puts link text inside Link elements, URL links with their annotation', () => {
    const links = tagged.flat.filter((e) => e.role === 'Link').map((e) => textIn(e).trim());
    expect(links).toContain('external site');
    expect(links).toContain('jump to details');
    // OBJR: the link annotation is a child of its Link element (pdfkit sets /StructParent).
    expect(pdfSource(bytes)).toMatch(/\/Type \/OBJR/);
  });

  it('keeps code blocks as Code with their text', () => {
    const code = tagged.flat
      .filter((e) => e.role === 'Code')
      .map(textIn)
      .join('\n');
    expect(squash(code)).toContain(squash('function greet(name: string) {'));
  });

  it('leaves headers, footers and the watermark out of the tree, as artifacts', () => {
    const all = tagged.flat.map((e) => e.text).join(' ');
    expect(all).not.toContain('HEADERTEXT');
    expect(all).not.toContain('FOOTERTEXT');
    expect(all).not.toContain('WATERMARKED');
    expect(tagged.artifactText).toContain('HEADERTEXT');
    expect(tagged.artifactText).toContain('FOOTERTEXT');
    expect(tagged.artifactText).toContain('WATERMARKED');
  });

  it('reads the page text in order: the body text comes from the tree', () => {
    const body = squash(tagged.elements.map(textIn).join(''));
    const order = ['EngineeringHandbook', 'Introduction', 'Plaintext,', 'Lists', 'Details'];
    let at = -1;
    for (const word of order) {
      const next = body.indexOf(word, at + 1);
      expect(next, word).toBeGreaterThan(at);
      at = next;
    }
  });

  it('has no structure tree with the preference off', async () => {
    const engine = await createNodeEngine();
    const off = await engine.build(
      layoutDocument(sampleModel(), {
        prefs: { ...prefs, taggedPdf: false },
        exportedAt: EXPORTED_AT,
      }),
    );
    const raw = pdfSource(off);
    expect(raw).not.toContain('/StructTreeRoot');
    expect(raw).not.toContain('/MarkInfo');
    expect(raw).not.toMatch(/\/Artifact|BDC/);
    expect((await readTagged(off)).hasTree).toBe(false);
  });

  it('is tagged identically by the browser engine', async () => {
    const g = globalThis as { navigator?: unknown };
    g.navigator ??= { userAgent: 'node' };
    const require = createRequire(import.meta.url);
    const engine = await createBrowserEngine(async (file) => {
      const font = FONT_FILES.find((f) => f.file === file);
      if (!font) throw new Error(`unknown font ${file}`);
      const buf = readFileSync(require.resolve(font.npmPath));
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    });
    const browser = await readTagged(
      await engine.build(layoutDocument(sampleModel(), { prefs, exportedAt: EXPORTED_AT })),
    );
    const shape = (t: Tagged): string[] => t.flat.map((e) => `${e.role}|${e.alt ?? ''}|${e.text}`);
    expect(shape(browser)).toEqual(shape(tagged));
  });
});

describe('tagged PDF of the sample Confluence Kitchen Sink page', () => {
  let server: SampleConfluence;
  let bytes: Uint8Array;
  let tagged: Tagged;

  beforeAll(async () => {
    server = await startSampleConfluence();
    const login = await fetch(server.loginUrl('dc'), { redirect: 'manual' });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const url = server.pageUrl('dc', 1400);
    const html = await (await fetch(url, { headers: { cookie } })).text();
    const dom = new JSDOM(html, { url });
    const loadImages = async (images: Record<string, string>): Promise<LoadedImages> => {
      const assets: Record<string, Asset> = {};
      const warnings: Warning[] = [];
      for (const [id, src] of Object.entries(images)) {
        const res = await fetch(src, { headers: { cookie } }).catch(() => undefined);
        const body = res?.ok ? new Uint8Array(await res.arrayBuffer()) : undefined;
        const header = body ? readImageHeader(body) : undefined;
        if (
          !body ||
          !header ||
          !['image/png', 'image/jpeg', 'image/svg+xml'].includes(header.mime)
        ) {
          warnings.push({ kind: 'image-failed', message: `Image not included: ${src}` });
          continue;
        }
        assets[id] = {
          mime: header.mime,
          dataUrl: `data:${header.mime};base64,${Buffer.from(body).toString('base64')}`,
          width: header.width,
          height: header.height,
          sourceUrl: src,
        };
      }
      return { assets, warnings };
    };
    const { model } = await convertDocument(dom.window.document, { pageUrl: url, loadImages });
    const engine = await createNodeEngine();
    bytes = await engine.build(
      layoutDocument(model, { prefs: DEFAULT_PREFS, exportedAt: EXPORTED_AT }),
    );
    tagged = await readTagged(bytes);
  }, 60_000);

  afterAll(async () => {
    await server.close();
  });

  it('passes qpdf --check', () => {
    const result = qpdfCheck(bytes);
    expect(result.ok, result.output).toBe(true);
  });

  it('carries the page language (<html lang> of the DC page)', () => {
    expect(tagged.lang).toBe('en-GB');
  });

  it('has headings H1 to H6, paragraphs, lists, tables, figures, links and code', () => {
    const found = roles(tagged);
    for (const role of ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'L', 'LI', 'Table', 'TR']) {
      expect(found, role).toContain(role);
    }
    for (const role of ['TH', 'TD', 'Figure', 'Link', 'Code']) expect(found, role).toContain(role);
  });

  it('lists the page title first, then the headings in page order', () => {
    const headings = tagged.flat.filter((e) => /^H[1-6]$/.test(e.role));
    expect(headings[0]?.text.trim()).toBe('Kitchen Sink');
    // Levels never jump backwards out of order: H1..H6 appear as the page has them.
    const levels = headings.map((e) => e.role);
    expect(levels.indexOf('H6')).toBeGreaterThan(levels.indexOf('H5'));
    expect(levels.indexOf('H5')).toBeGreaterThan(levels.indexOf('H4'));
  });

  it('gives figures the alt text of the page', () => {
    const alts = tagged.flat.filter((e) => e.role === 'Figure').map((e) => e.alt);
    for (const alt of ['PNG diagram', 'JPEG photo', 'SVG logo']) expect(alts).toContain(alt);
  });
});
