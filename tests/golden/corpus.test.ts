// @vitest-environment node
/**
 * The corpus test: every real Confluence page in ../shared/confluence-samples (view/ and
 * cloud-dom/; skipped when absent) goes through the converter's path (root finding, reader,
 * layout, pdfmake) to a PDF, which is read back with pdfjs-dist. ≥ 99% of the words visible in
 * the page's content root must be in the PDF's text. Per file it prints the recall and which
 * Confluence constructs a dedicated handler took versus the fallback.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { convertDocument } from '../../lib/convert/convert-document';
import { loadLocalImages } from '../../lib/convert/load-local-images';
import { layoutDocument } from '../../lib/layout/layout-document';
import { createNodeEngine } from '../../lib/pdf/node-engine';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import { qpdfCheck, readPdf } from '../helpers/read-pdf';
import { recall, visibleText, words } from '../helpers/recall';

const SAMPLES = join(import.meta.dirname, '../../../shared/confluence-samples');
const files = ['view', 'cloud-dom'].flatMap((folder) => {
  const dir = join(SAMPLES, folder);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .map((file) => ({ folder, file, path: join(dir, file) }))
    : [];
});

/** Scripts Roboto has glyphs for; CJK and emoji words are counted once fonts for them ship. */
const printable = (word: string): boolean =>
  /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]+$/u.test(word);

describe.skipIf(files.length === 0)('real Confluence pages converted to PDF', () => {
  const enginePromise = createNodeEngine();
  test.each(files)('$folder/$file', async ({ path, file, folder }) => {
    const dom = new JSDOM(readFileSync(path, 'utf8'), { url: pathToFileURL(path).href });
    const { model, root, stats } = await convertDocument(dom.window.document, {
      pageUrl: pathToFileURL(path).href,
      loadImages: loadLocalImages,
    });
    const bytes = await (
      await enginePromise
    ).build(layoutDocument(model, { prefs: DEFAULT_PREFS, exportedAt: new Date('2026-01-01') }));
    const check = qpdfCheck(bytes);
    if (check) expect(check.ok, check.output).toBe(true);

    const pdf = await readPdf(bytes);
    const reference = words(visibleText(root)).filter(printable);
    const pdfText = pdf.text.toLowerCase();
    // Long tokens (URLs, code) wrap without hyphens: a word split over lines is still there.
    const squashed = pdfText.replace(/\s+/g, '');
    const r = recall(reference, words(pdfText));
    const missing = r.missing.filter((w) => !squashed.includes(w));
    const score = reference.length ? 1 - missing.length / reference.length : 1;
    const fallback = Object.entries(stats.fallback);
    console.log(
      `${folder}/${file}: recall ${(score * 100).toFixed(2)}% of ${reference.length} words` +
        (missing.length ? `, missing ${JSON.stringify(missing.slice(0, 12))}` : '') +
        `\n  constructs by handler: ${Object.values(stats.handled).reduce((a, b) => a + b, 0)}` +
        `, by fallback: ${fallback.reduce((a, [, n]) => a + n, 0)}` +
        (fallback.length ? ` ${JSON.stringify(Object.fromEntries(fallback))}` : ''),
    );
    expect(score).toBeGreaterThanOrEqual(0.99);
  });
});
