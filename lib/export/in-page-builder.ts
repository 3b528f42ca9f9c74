import { blobUrlToBase64 } from '../messaging/pdf-bytes';
import { fail, ok, type Result } from '../messaging/protocol';
import type { PdfBuilder } from './run-export';

/** Firefox: the background is an event page with a DOM, so it builds the PDF itself. */
export const buildInBackgroundPage: PdfBuilder = async (modelJson, prefs, { freshWorker }) => {
  try {
    const { buildPdfUrl } = await import('./build-pdf-url');
    return ok(
      await buildPdfUrl({
        target: 'offscreen',
        type: 'build-pdf',
        modelJson,
        prefs,
        exportedAt: new Date().toISOString(),
        freshWorker,
      }),
    );
  } catch (error) {
    return fail(`PDF build failed: ${(error as Error).message}`);
  }
};

/** Firefox: pdfmake loaded in the background page while the tab is read. */
export async function warmBackgroundPage(): Promise<void> {
  const { warmEngine } = await import('./build-pdf-url');
  await warmEngine();
}

export async function releaseBlobUrl(url: string): Promise<void> {
  URL.revokeObjectURL(url);
}

/** Firefox: the PDF's bytes, base64, for Save to Confluence. */
export async function readBlobUrl(url: string): Promise<Result<string>> {
  try {
    return ok(await blobUrlToBase64(url));
  } catch (error) {
    return fail(`Could not read the PDF: ${(error as Error).message}`);
  }
}
