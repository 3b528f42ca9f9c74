/**
 * `npm run demo`: the sample Confluence, real Chromium with the built extension, the toolbar
 * button pressed on pages of both sites; PDFs copied to out/.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pageByTitle } from '../tests/sample-confluence/content/registry';
import { startSampleConfluence } from '../tests/sample-confluence/server';
import { pagePath } from '../tests/sample-confluence/urls';
import { ExtensionHarness } from '../tests/e2e/harness/extension';

const OUT = resolve(import.meta.dirname, '..', 'out');
const PAGES = ['Kitchen Sink', 'Architecture Overview'];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startSampleConfluence({});
  console.log(`sample Confluence: Data Center ${server.dcUrl}  Cloud ${server.cloudUrl}/wiki`);
  const harness = await ExtensionHarness.launch();
  const written: string[] = [];
  try {
    for (const site of ['dc', 'cloud'] as const) {
      const tab = await harness.context.newPage();
      await tab.goto(site === 'dc' ? `${server.dcUrl}/login` : `${server.cloudUrl}/wiki/login`);
      for (const title of PAGES) {
        const page = pageByTitle(title);
        if (!page) throw new Error(`sample page missing: ${title}`);
        await tab.goto((site === 'dc' ? server.dcUrl : server.cloudUrl) + pagePath(site, page));
        const started = Date.now();
        const { outcome, file } = await harness.exportViaAction(tab);
        if (!outcome.ok || !file)
          throw new Error(`export of ${title} (${site}) failed: ${JSON.stringify(outcome)}`);
        const target = join(OUT, `${site === 'dc' ? 'data-center' : 'cloud'} - ${title}.pdf`);
        copyFileSync(file.path, target);
        written.push(target);
        const warnings = outcome.value.warnings.map((w) => `\n    warning: ${w.message}`).join('');
        console.log(
          `${target}  (${file.bytes.length} bytes, ${Date.now() - started} ms)${warnings}`,
        );
      }
      await tab.close();
    }
  } finally {
    await harness.close();
    await server.close();
  }
  console.log(`\n${written.length} PDFs written to ${OUT}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
