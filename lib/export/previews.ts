import {
  fail,
  ok,
  type PreviewInfo,
  type PreviewRequest,
  type Result,
} from '../messaging/protocol';
import { waitForDownload } from './wait-for-download';

interface PendingPreview extends PreviewInfo {
  tabId?: number;
  downloads: Promise<void>[];
}

/**
 * PDFs shown in a preview tab before download. Held by `blob:` URL only (the bytes stay in the
 * document that built them); released when the preview tab closes and its downloads are done.
 */
export class Previews {
  private readonly pending = new Map<string, PendingPreview>();

  constructor(private readonly releaseUrl: (url: string) => Promise<void>) {
    browser.tabs.onRemoved.addListener((tabId) => {
      for (const [token, preview] of this.pending) {
        if (preview.tabId === tabId) void this.release(token);
      }
    });
  }

  /** Opens the preview tab for a built PDF. */
  async open(info: PreviewInfo): Promise<void> {
    const token = crypto.randomUUID();
    const entry: PendingPreview = { ...info, downloads: [] };
    this.pending.set(token, entry);
    const tab = await browser.tabs.create({
      url: browser.runtime.getURL(`/preview.html#${token}`),
    });
    if (tab.id !== undefined) entry.tabId = tab.id;
  }

  async handle(request: PreviewRequest): Promise<Result<PreviewInfo | number>> {
    const preview = this.pending.get(request.token);
    if (!preview) return fail('This preview has expired; export the page again.');
    if (request.type === 'preview-get') {
      return ok({ url: preview.url, fileName: preview.fileName, bytes: preview.bytes });
    }
    const downloadId = await browser.downloads.download({
      url: preview.url,
      filename: preview.fileName,
      saveAs: false,
      conflictAction: 'uniquify',
    });
    preview.downloads.push(waitForDownload(downloadId));
    return ok(downloadId);
  }

  private async release(token: string): Promise<void> {
    const preview = this.pending.get(token);
    if (!preview) return;
    this.pending.delete(token);
    await Promise.all(preview.downloads);
    await this.releaseUrl(preview.url);
  }
}
