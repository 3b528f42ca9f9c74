import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TABLE_LAYOUTS } from '../layout/table-layouts';
import { engineFor, type PdfEngine, type PdfmakeInstance } from './build-pdf';
import { FONT_FAMILIES, FONT_FILES } from './font-files';
import { installRenderer } from './renderer/install';

interface PdfmakeNode extends PdfmakeInstance {
  virtualfs: { writeFileSync(path: string, data: Buffer): void };
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
}

/** Reads a font file's bytes from node_modules, by its file name in FONT_FILES. */
export function readFontFile(file: string): Buffer {
  const font = FONT_FILES.find((f) => f.file === file);
  if (!font) throw new Error(`unknown font file ${file}`);
  return readFileSync(createRequire(import.meta.url).resolve(font.npmPath));
}

/**
 * pdfmake's Node entry for tests and the CLI: fonts read from node_modules into pdfmake's
 * virtual file system when a document first needs them; no URL and no local file access while
 * building. `readFont` replaces the node_modules reader (tests spy on it).
 */
export async function createNodeEngine(
  opts: { readFont?: (file: string) => Buffer } = {},
): Promise<PdfEngine> {
  const readFont = opts.readFont ?? readFontFile;
  const mod = (await import('pdfmake')) as unknown as { default?: PdfmakeNode } & PdfmakeNode;
  const pdfmake: PdfmakeNode = mod.default ?? mod;
  pdfmake.setFonts(FONT_FAMILIES as unknown as Record<string, Record<string, string>>);
  pdfmake.addTableLayouts(TABLE_LAYOUTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  await installRenderer(pdfmake);
  return engineFor(pdfmake, async (files) => {
    for (const file of files) pdfmake.virtualfs.writeFileSync(file, readFont(file));
  });
}
