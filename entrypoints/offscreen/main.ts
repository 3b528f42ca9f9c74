import { benchPdfmake, buildPdfUrl } from '../../lib/export/build-pdf-url';
import { fail, isOffscreenRequest, ok } from '../../lib/messaging/protocol';

// The offscreen document builds PDFs: it has a DOM (Blob URLs) and keeps pdfmake's memory out of
// the service worker, which only orchestrates.
browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
  if (!isOffscreenRequest(message)) return undefined;
  if (message.type === 'revoke-url') {
    URL.revokeObjectURL(message.url);
    sendResponse(ok(true));
    return undefined;
  }
  if (message.type === 'bench') {
    benchPdfmake(message.action).then(
      (ms) => sendResponse(ok(ms)),
      (error: unknown) => sendResponse(fail((error as Error).message)),
    );
    return true;
  }
  buildPdfUrl(message).then(
    (built) => sendResponse(ok(built)),
    (error: unknown) => sendResponse(fail(`PDF build failed: ${(error as Error).message}`)),
  );
  return true;
});
