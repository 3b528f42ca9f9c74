// @vitest-environment node
/**
 * Real Confluence markup (../shared/confluence-samples, skipped when absent) read by lib/read and
 * laid out to PDF: every sample builds, passes qpdf, and the PDF shows the model's words.
 * Reading needs a DOM: a JSDOM window is made by hand, because pdfmake must run in the node
 * environment (pdfkit rejects fonts under vitest's jsdom environment).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import type { PageModel } from '../../lib/model/types';
import { findContentRoot } from '../../lib/read/find-content-root';
import { modelText } from '../../lib/read/model-text';
import { readPage } from '../../lib/read/read-page';
import { buildPdf } from '../helpers/build-pdf';
import { qpdfCheck, readPdf } from '../helpers/read-pdf';

const SAMPLES = join(__dirname, '../../../shared/confluence-samples');
const files = ['view', 'cloud-dom'].flatMap((folder) => {
  const dir = join(SAMPLES, folder);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .map((file) => ({ folder, file, path: join(dir, file) }))
    : [];
});

/** Latin/Greek/Cyrillic words: what Roboto can print (CJK and emoji have no glyphs). */
const words = (text: string): string[] =>
  (text.toLowerCase().match(/[a-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+/g) ?? []) as string[];

function recall(reference: string[], candidate: string[]): { recall: number; missing: string[] } {
  const bag = new Map<string, number>();
  for (const w of candidate) bag.set(w, (bag.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of reference) {
    const n = bag.get(w) ?? 0;
    if (n > 0) bag.set(w, n - 1);
    else missing.push(w);
  }
  return { recall: reference.length ? 1 - missing.length / reference.length : 1, missing };
}

describe.skipIf(files.length === 0)('real Confluence samples to PDF', () => {
  test.each(files)('$folder/$file', async ({ file, path }) => {
    const dom = new JSDOM(readFileSync(path, 'utf8'));
    const g = globalThis as Record<string, unknown>;
    const saved = new Map<string, unknown>();
    const win = dom.window as unknown as Record<string, unknown>;
    for (const k of [
      'Node',
      'Element',
      'HTMLElement',
      'document',
      'getComputedStyle',
      'DOMParser',
    ]) {
      saved.set(k, g[k]);
      g[k] = win[k];
    }
    let page: PageModel;
    try {
      const found = findContentRoot(dom.window.document);
      expect(found).not.toBeNull();
      if (!found) return;
      const url = `https://example.atlassian.net/wiki/spaces/DOC/pages/1/${encodeURIComponent(file)}`;
      const result = readPage(found.root, { pageUrl: url, flavour: found.flavour });
      page = { id: '1', title: file, url, depth: 0, blocks: result.blocks };
    } finally {
      for (const [k, v] of saved) g[k] = v;
    }
    const bytes = await buildPdf(
      {
        title: file,
        site: 'https://example.atlassian.net/wiki',
        pages: [page],
        assets: {},
        warnings: [],
      },
      { headerTemplate: '', footerTemplate: '' },
    );
    const check = qpdfCheck(bytes);
    if (check) expect(check.ok, check.output).toBe(true);
    const pdf = await readPdf(bytes);
    // Words broken across lines by hyphen-less wrapping (long URLs, code) are compared squashed.
    const pdfWords = words(pdf.text);
    const pdfSquashed = pdf.text.toLowerCase().replace(/\s+/g, '');
    const r = recall(words(modelText(page.blocks)), pdfWords);
    const reallyMissing = r.missing.filter((w) => !pdfSquashed.includes(w));
    expect(reallyMissing.slice(0, 20)).toEqual([]);
  });
});
