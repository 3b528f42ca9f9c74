/**
 * `npm run convert -- <page.html> -o <out.pdf> [--base-url <url>] [--flavour cloud|view|auto]`
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

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      'base-url': { type: 'string' },
      flavour: { type: 'string', default: 'auto' },
    },
  });
  const input = positionals[0];
  const flavour = values.flavour;
  if (!input || (flavour !== 'auto' && flavour !== 'cloud' && flavour !== 'view')) {
    console.error(
      'usage: npm run convert -- <page.html> -o <out.pdf> [--base-url <url>] [--flavour cloud|view|auto]',
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
    flavour,
    loadImages: loadLocalImages,
  });
  if (values['base-url']) {
    const base = values['base-url'];
    model.site = new URL(base).origin;
    for (const page of model.pages) page.url = base;
  }
  const engine = await createNodeEngine();
  const bytes = await engine.build(
    layoutDocument(model, { prefs: DEFAULT_PREFS, exportedAt: new Date() }),
  );
  writeFileSync(out, bytes);
  for (const warning of model.warnings) console.warn(`warning: ${warning.message}`);
  console.log(`${out} (${bytes.length} bytes, ${model.warnings.length} warnings)`);
}

main().catch((error: unknown) => {
  console.error(`convert: ${(error as Error).message}`);
  process.exit(1);
});
