import { TABLE_LAYOUTS } from '../layout/table-layouts';
import { engineFor, type PdfEngine, type PdfmakeInstance } from './build-pdf';
import { FONT_FAMILIES } from './font-files';
import { installRenderer } from './renderer/install';

interface PdfmakeBrowser extends PdfmakeInstance {
  addVirtualFileSystem(vfs: Record<string, string>): void;
}

/** Base64 without `btoa(String.fromCharCode(...bytes))` blowing the argument limit. */
export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + chunk)));
  }
  return btoa(binary);
}

/**
 * pdfmake's browser build, for the offscreen document or Firefox's background page. Imported
 * lazily: WXT imports entrypoints in Node at build time, where a top-level pdfmake import fails
 * (`navigator is not defined`). `loadFont` returns a font file's bytes by file name (the
 * extension fetches `browser.runtime.getURL('/fonts/' + file)`); it is called only for the
 * fonts a document uses, when the document is built (see engineFor).
 */
export async function createBrowserEngine(
  loadFont: (file: string) => Promise<ArrayBuffer>,
): Promise<PdfEngine> {
  const mod = (await import('pdfmake/build/pdfmake')) as unknown as {
    default?: PdfmakeBrowser;
  } & PdfmakeBrowser;
  const pdfmake: PdfmakeBrowser = mod.default ?? mod;
  pdfmake.setFonts(FONT_FAMILIES as unknown as Record<string, Record<string, string>>);
  pdfmake.addTableLayouts(TABLE_LAYOUTS);
  pdfmake.setUrlAccessPolicy(() => false);
  await installRenderer(pdfmake);
  return engineFor(pdfmake, async (files) => {
    const entries = await Promise.all(
      files.map(async (file) => [file, toBase64(await loadFont(file))] as const),
    );
    pdfmake.addVirtualFileSystem(Object.fromEntries(entries));
  });
}
