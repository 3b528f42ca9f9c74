/**
 * `npm run convert -- <page.html> -o <out.pdf> [--base-url <url>] [--markup cloud|view|auto]`
 * The extension's reader and layout on a saved Confluence page, without a browser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { convertDocument } from '../lib/convert/convert-document';
import { loadLocalImages } from '../lib/convert/load-local-images';
import { layoutDocument } from '../lib/layout/layout-document';
import { createNodeEngine } from '../lib/pdf/node-engine';
import { DEFAULT_PREFS } from '../lib/prefs/schema';
import { buildChecked } from '../lib/export/build-checked';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      'base-url': { type: 'string' },
      markup: { type: 'string' },
      // The option's earlier name, still accepted.
      flavour: { type: 'string' },
      strict: { type: 'boolean', default: false },
    },
  });
  const input = positionals[0];
  const markup = values.markup ?? values.flavour ?? 'auto';
  if (!input || (markup !== 'auto' && markup !== 'cloud' && markup !== 'view')) {
    console.error(
      'usage: npm run convert -- <page.html> -o <out.pdf> [--base-url <url>] [--markup cloud|view|auto] [--strict]',
    );
    process.exit(2);
  }
  const path = resolve(input);
  const out = resolve(values.out ?? path.replace(/\.html?$/i, '') + '.pdf');
  // Relative images resolve next to the file; --base-url only changes where links point.
  const fileUrl = pathToFileURL(path).href;
  const dom = new JSDOM(readFileSync(path, 'utf8'), { url: fileUrl });
  const { model } = await convertDocument(dom.window.document, {
    pageUrl: fileUrl,
    markup,
    loadImages: loadLocalImages,
  });
  if (values['base-url']) {
    const base = values['base-url'];
    model.site = new URL(base).origin;
    for (const page of model.pages) page.url = base;
  }
  const engine = await createNodeEngine();
  const definition = layoutDocument(model, { prefs: DEFAULT_PREFS, exportedAt: new Date() });
  const warnings = [...model.warnings];
  const { bytes, report: check } = await buildChecked(engine, definition, (message) =>
    warnings.push({ kind: 'layout-simplified', message }),
  );
  const lost = check.warnings.filter((w) => w.kind.startsWith('words-'));
  warnings.push(...lost);
  writeFileSync(out, bytes);
  for (const warning of warnings) console.warn(`warning: ${warning.message}`);
  console.log(`${out} (${bytes.length} bytes, ${warnings.length} warnings)`);
  console.log(`words: ${check.owed} in the page, ${check.lost} lost`);
  // --strict: any word that did not reach the PDF (or an unchecked PDF) fails the run.
  if (values.strict && lost.length > 0) {
    console.error(`convert: --strict: ${lost.length} conservation warnings`);
    process.exitCode = 3;
  }
}

main().catch((error: unknown) => {
  console.error(`convert: ${(error as Error).message}`);
  process.exit(1);
});
