import { benchPdfmake, buildPdfUrl, warmEngine } from '../../lib/export/build-pdf-url';
import { blobUrlToBase64 } from '../../lib/messaging/pdf-bytes';
import { fail, isOffscreenRequest, ok, type BackgroundRequest } from '../../lib/messaging/protocol';

// The offscreen document builds PDFs: it has a DOM (Blob URLs) and keeps pdfmake's memory out of
// the service worker, which only orchestrates.
browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
  if (!isOffscreenRequest(message)) return undefined;
  if (message.type === 'revoke-url') {
    URL.revokeObjectURL(message.url);
    sendResponse(ok(true));
    return undefined;
  }
  if (message.type === 'read-url') {
    blobUrlToBase64(message.url).then(
      (base64) => sendResponse(ok(base64)),
      (error: unknown) => sendResponse(fail(`Could not read the PDF: ${(error as Error).message}`)),
    );
    return true;
  }
  if (message.type === 'warm') {
    warmEngine().then(
      () => sendResponse(ok(true)),
      (error: unknown) => sendResponse(fail((error as Error).message)),
    );
    return true;
  }
  if (message.type === 'bench') {
    benchPdfmake(message.action).then(
      (ms) => sendResponse(ok(ms)),
      (error: unknown) => sendResponse(fail((error as Error).message)),
    );
    return true;
  }
  const stopKeepAlive = keepWorkerAlive();
  buildPdfUrl(message)
    .then(
      (built) => sendResponse(ok(built)),
      (error: unknown) => sendResponse(fail(`PDF build failed: ${(error as Error).message}`)),
    )
    .finally(stopKeepAlive);
  return true;
});

/**
 * Chrome stops an idle service worker after 30 s; a long build must not take the export's
 * orchestration with it. A message every 20 s counts as activity.
 */
function keepWorkerAlive(): () => void {
  const ping: BackgroundRequest = { target: 'background', type: 'keepalive' };
  const timer = setInterval(
    () => void browser.runtime.sendMessage(ping).catch(() => undefined),
    20_000,
  );
  return () => clearInterval(timer);
}
