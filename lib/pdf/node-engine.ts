import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TABLE_LAYOUTS } from '../layout/table-layouts';
import { engineFor, type PdfEngine, type PdfmakeInstance } from './build-pdf';
import { FONT_FAMILIES, FONT_FILES } from './font-files';

interface PdfmakeNode extends PdfmakeInstance {
  virtualfs: { writeFileSync(path: string, data: Buffer): void };
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
}

/**
 * pdfmake's Node entry for tests and the CLI: fonts read from node_modules into pdfmake's
 * virtual file system; no URL and no local file access while building.
 */
export async function createNodeEngine(): Promise<PdfEngine> {
  const require = createRequire(import.meta.url);
  const mod = (await import('pdfmake')) as unknown as { default?: PdfmakeNode } & PdfmakeNode;
  const pdfmake: PdfmakeNode = mod.default ?? mod;
  for (const font of FONT_FILES) {
    pdfmake.virtualfs.writeFileSync(font.file, readFileSync(require.resolve(font.npmPath)));
  }
  pdfmake.setFonts(FONT_FAMILIES as unknown as Record<string, Record<string, string>>);
  pdfmake.addTableLayouts(TABLE_LAYOUTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  return engineFor(pdfmake);
}
