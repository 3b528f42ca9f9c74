import { fail, type BuiltPdf, type OffscreenRequest, type Result } from '../messaging/protocol';
import type { PdfBuilder } from './run-export';

const OFFSCREEN_PATH = '/offscreen.html';
let ensuring: Promise<void> = Promise.resolve();

async function createIfMissing(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const existing = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [url],
  });
  if (existing.length > 0) return;
  try {
    await browser.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['BLOBS' as Browser.offscreen.Reason],
      justification: 'Build the PDF and hand it to downloads as a blob: URL',
    });
  } catch (error) {
    // Created a moment ago and not listed yet: it is there, which is all that was asked.
    if (!/single offscreen document/i.test((error as Error).message)) throw error;
  }
}

/**
 * One check-and-create at a time: the warm-up and the build ask at nearly the same moment, and
 * a second createDocument while the first is finishing fails ("only a single offscreen
 * document"), which lost the export. That error also means the document exists.
 */
function ensureOffscreenDocument(): Promise<void> {
  const run = ensuring.catch(() => undefined).then(createIfMissing);
  ensuring = run;
  return run;
}

async function send<T>(request: OffscreenRequest): Promise<Result<T>> {
  try {
    await ensureOffscreenDocument();
    return (await browser.runtime.sendMessage(request)) as Result<T>;
  } catch (error) {
    return fail(`The PDF builder could not start: ${(error as Error).message}`);
  }
}

/** Chrome: the PDF is built in an offscreen document (the service worker has no Blob URLs). */
export const buildInOffscreen: PdfBuilder = (modelJson, prefs, { freshWorker }) =>
  send<BuiltPdf>({
    target: 'offscreen',
    type: 'build-pdf',
    modelJson,
    prefs,
    exportedAt: new Date().toISOString(),
    freshWorker,
  });

/**
 * Creates the offscreen document and starts pdfmake there while the tab is read (a separate
 * process, so on two cores the two overlap): the first export no longer waits for both.
 */
export const warmOffscreen = async (): Promise<void> => {
  await send<boolean>({ target: 'offscreen', type: 'warm' });
};

/** `npm run bench` only: see `BenchRequest`. Resolves to pdfmake's ms for `rebuild`. */
export const benchOffscreen = (action: 'arm' | 'rebuild'): Promise<Result<number>> =>
  send<number>({ target: 'offscreen', type: 'bench', action });

/** The bytes behind a PDF's blob: URL, base64 (runtime messages are JSON in Chrome). */
export const readOffscreenUrl = (url: string): Promise<Result<string>> =>
  send<string>({ target: 'offscreen', type: 'read-url', url });

export async function releaseOffscreenUrl(url: string): Promise<void> {
  await send<boolean>({ target: 'offscreen', type: 'revoke-url', url });
}
