// @vitest-environment node
/**
 * Scripts beyond Latin: the sample Confluence's Multilingual page (both markups) goes through
 * read -> layout -> pdfmake; every script's sentence comes back from the PDF, every character
 * is drawn by a font that has its glyph, only the fonts a document uses are loaded and embedded,
 * and right-to-left lines are laid out in visual order.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutDocument } from '../../lib/layout/layout-document';
import type { ExportModel } from '../../lib/model/types';
import type { PdfEngine } from '../../lib/pdf/build-pdf';
import { fontsUsed } from '../../lib/pdf/build-pdf';
import { FONT_FAMILIES, FONT_FILES } from '../../lib/pdf/font-files';
import { createNodeEngine, readFontFile } from '../../lib/pdf/node-engine';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import { findContentRoot } from '../../lib/read/find-content-root';
import { readPage } from '../../lib/read/read-page';
import {
  LONG_HEBREW,
  MIXED_RTL,
  MULTILINGUAL,
  SCRIPT_SAMPLES,
} from '../sample-confluence/content/pages-multilingual';
import type { PageDef } from '../sample-confluence/content/dsl';
import { pageByTitle } from '../sample-confluence/content/registry';
import { renderCloud } from '../sample-confluence/render-cloud';
import { renderView } from '../sample-confluence/render-view';
import { EXPORTED_AT } from '../helpers/build-pdf';
import { readPdf, type ReadPdf } from '../helpers/read-pdf';

const require = createRequire(import.meta.url);
interface Font {
  hasGlyphForCodePoint(cp: number): boolean;
}
const fontkit = require('fontkit') as { create(buf: Buffer): Font };
const SITES = {
  dcOrigin: 'http://127.0.0.1:1',
  cloudOrigin: 'http://127.0.0.1:2',
  mediaOrigin: 'http://127.0.0.1:3',
};

function modelOf(page: PageDef, flavour: 'dc' | 'cloud'): ExportModel {
  const html =
    flavour === 'dc'
      ? `<!DOCTYPE html><html><body><div id="main-content" class="wiki-content">${renderView({ flavour, sites: SITES, page })}</div></body></html>`
      : `<!DOCTYPE html><html><body>${renderCloud({ flavour, sites: SITES, page })}</body></html>`;
  const doc = new JSDOM(html, { url: `${SITES.dcOrigin}/display/DOC/x` }).window.document;
  const found = findContentRoot(doc);
  if (!found) throw new Error('no content root');
  const read = readPage(found.root, { pageUrl: doc.URL, markup: found.markup, pageId: '1' });
  return {
    title: page.title,
    site: SITES.dcOrigin,
    pages: [{ id: '1', title: page.title, url: doc.URL, depth: 0, blocks: read.blocks }],
    assets: {},
    warnings: read.warnings,
  };
}

const layout = (model: ExportModel): TDocumentDefinitions =>
  layoutDocument(model, { prefs: DEFAULT_PREFS, exportedAt: EXPORTED_AT });

/** NFC, no whitespace: how sentences are compared with what pdfjs extracts. */
const squash = (s: string): string => s.normalize('NFC').replace(/\s+/g, '');

/** pdfjs drops the emoji presentation selector and joiners from extracted text. */
const squashEmoji = (s: string): string => squash(s).replace(/[\ufe0f\u200d]/g, '');

/** pdffonts' embedded font names (subset prefix removed). */
function embeddedFonts(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'offprint-fonts-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    return out
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every text run of a definition with the family it is drawn with. */
function textRuns(dd: TDocumentDefinitions): { text: string; font: string }[] {
  const out: { text: string; font: string }[] = [];
  const styles = dd.styles ?? {};
  const walk = (node: unknown, font: string): void => {
    if (typeof node === 'string') out.push({ text: node, font });
    else if (Array.isArray(node)) for (const n of node) walk(n, font);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const style = typeof o.style === 'string' ? styles[o.style] : undefined;
      const own =
        typeof o.font === 'string' ? o.font : typeof style?.font === 'string' ? style.font : font;
      for (const [k, v] of Object.entries(o)) {
        if (k === 'text' || k === 'stack' || k === 'columns' || k === 'ul' || k === 'ol') {
          walk(v, own);
        } else if (k === 'table') walk((v as { body: unknown }).body, own);
      }
    }
  };
  walk(dd.content as Content, dd.defaultStyle?.font ?? 'Roboto');
  return out;
}

describe.each(['dc', 'cloud'] as const)('Multilingual page, %s markup', (flavour) => {
  let engine: PdfEngine;
  let loaded: string[];
  let pdf: ReadPdf;
  let bytes: Uint8Array;
  let dd: TDocumentDefinitions;

  beforeAll(async () => {
    loaded = [];
    engine = await createNodeEngine({
      readFont: (file) => {
        loaded.push(file);
        return readFontFile(file);
      },
    });
    dd = layout(modelOf(MULTILINGUAL, flavour));
    bytes = await engine.build(dd);
    pdf = await readPdf(bytes);
    if (process.env.DUMP) writeFileSync(`${process.env.DUMP}/multilingual-${flavour}.pdf`, bytes);
  }, 60_000);

  it.each(Object.entries(SCRIPT_SAMPLES))('prints the %s sentence as text', (script, sentence) => {
    const text = squash(pdf.text);
    if (script === 'emoji') expect(squashEmoji(pdf.text)).toContain(squashEmoji(sentence));
    else expect(text).toContain(squash(sentence));
    // Paragraph, table cell and list item (and the emoji paragraph + cell): at least twice.
    const needle = script === 'emoji' ? squashEmoji(sentence) : squash(sentence);
    const haystack = script === 'emoji' ? squashEmoji(pdf.text) : text;
    expect(haystack.split(needle).length - 1).toBeGreaterThanOrEqual(2);
  });

  it('prints headings in other scripts', () => {
    const text = squash(pdf.text);
    for (const h of ['Ελληνικά, Русский, 中文, 日本語, 한국어', 'عنوان عربي', 'כותרת בעברית']) {
      expect(text).toContain(squash(h));
    }
  });

  it('draws every character with a font that has its glyph (no .notdef boxes)', () => {
    const fonts = new Map<string, ReturnType<typeof fontkit.create>>();
    const missing: string[] = [];
    for (const run of textRuns(dd)) {
      const family = (FONT_FAMILIES as Record<string, { normal: string }>)[run.font];
      expect(family, run.font).toBeDefined();
      const file = family!.normal;
      let font = fonts.get(file);
      if (!font) fonts.set(file, (font = fontkit.create(readFontFile(file))));
      for (const ch of run.text.replace(/\n|\ufe0f|\u200d|\u20e3|\p{EMod}/gu, '')) {
        if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) {
          missing.push(`${ch} U+${ch.codePointAt(0)!.toString(16)} in ${run.font}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('embeds the script fonts it uses, subsetted', () => {
    const embedded = embeddedFonts(bytes);
    for (const name of ['NotoSansSC', 'NotoSansKR', 'IBMPlexSansArabic', 'NotoSansHebrew']) {
      expect(embedded.some((f) => f.startsWith(name))).toBe(true);
    }
    expect(embedded.some((f) => f.startsWith('NotoEmoji'))).toBe(true);
    // Subsetted: the PDF is far smaller than the 10 MB CJK font alone.
    expect(bytes.byteLength).toBeLessThan(1_500_000);
  });

  it('lays right-to-left paragraphs out right-aligned, in visual order', () => {
    const he = [...LONG_HEBREW.matchAll(/\S+/g)].map((m) => m[0]);
    const page = pdf.pages.find((p) => p.items.some((i) => i.str.includes('זכוכית')))!;
    // The long Hebrew paragraph wraps: its lines, top to bottom, read right to left, give the
    // words in order. pdfjs returns each right-to-left item in logical order.
    const items = page.items.filter((i) => /[\u0590-\u05ff]/u.test(i.str));
    const ys = [...new Set(items.map((i) => Math.round(i.y)))].sort((a, b) => b - a);
    const lines = ys.map((y) =>
      items
        .filter((i) => Math.round(i.y) === y)
        .sort((a, b) => b.x - a.x)
        .map((i) => i.str.trim())
        .join(' '),
    );
    const joined = lines.join(' ').split(/\s+/).join(' ');
    expect(joined).toContain(he.join(' '));
    expect(lines.filter((l) => l.length > 0).length).toBeGreaterThan(3);
    // Right-aligned: the rightmost item of each line ends at the right margin.
    expect(new Set(pdf.pages[0]!.items.map((i) => i.x)).size).toBeGreaterThan(1);
  });

  it('keeps numbers and Latin words left-to-right inside a right-to-left sentence', () => {
    const page = pdf.pages.find((p) => p.items.some((i) => i.str.includes('Offprint')))!;
    const offprint = page.items.find((i) => i.str.includes('Offprint'))!;
    const line = page.items
      .filter((i) => Math.abs(i.y - offprint.y) < 1)
      .sort((a, b) => b.x - a.x)
      .map((i) => i.str.trim())
      .filter(Boolean);
    // Read right to left, each item in logical order: the sentence exactly, lam-alef "لإ"
    // included (its letters swapped, "إل", while ligatures mapped in logical order).
    expect(line.join(' ').replace(/\s+/g, ' ')).toBe(MIXED_RTL);
  });
});

describe('fonts load lazily', () => {
  it('an English-only document loads and embeds only Roboto (and Mono for code)', async () => {
    const loaded: string[] = [];
    const engine = await createNodeEngine({
      readFont: (file) => {
        loaded.push(file);
        return readFontFile(file);
      },
    });
    const page = pageByTitle('Kitchen Sink')!;
    const english: PageDef = {
      ...page,
      blocks: page.blocks.filter((b) => !JSON.stringify(b).includes('emoji')),
    };
    const dd = layout(modelOf(english, 'dc'));
    expect([...fontsUsed(dd)].filter((f) => f !== 'Roboto' && f !== 'Mono')).toEqual([]);
    const bytes = await engine.build(dd);
    expect(loaded.every((f) => /^(Roboto|DejaVuSansMono)/.test(f))).toBe(true);
    expect(loaded.some((f) => f.startsWith('NotoSansSC'))).toBe(false);
    const embedded = embeddedFonts(bytes);
    expect(embedded.every((f) => /^(Roboto|DejaVuSansMono)/.test(f))).toBe(true);
    expect(embedded.some((f) => f.startsWith('Roboto'))).toBe(true);
  }, 60_000);

  it('loads a script font once, when a document first needs it', async () => {
    const loaded: string[] = [];
    const engine = await createNodeEngine({
      readFont: (file) => {
        loaded.push(file);
        return readFontFile(file);
      },
    });
    const korean: PageDef = { ...MULTILINGUAL, blocks: [{ p: SCRIPT_SAMPLES.korean }] };
    const dd = layout(modelOf(korean, 'dc'));
    await engine.build(dd);
    await engine.build(dd);
    expect(loaded.filter((f) => f.startsWith('NotoSansKR'))).toEqual(['NotoSansKR-Regular.ttf']);
    expect(loaded.some((f) => f.startsWith('NotoSansSC'))).toBe(false);
    expect(FONT_FILES.length).toBeGreaterThan(loaded.length);
  }, 60_000);
});
