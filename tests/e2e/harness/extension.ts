import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from '@playwright/test';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
export const CHROMIUM = '/usr/bin/chromium';

export interface RecordedRequest {
  url: string;
  from: string;
}

export interface DownloadedFile {
  path: string;
  fileName: string;
  bytes: Uint8Array;
}

/** Debian's Chromium with the built extension loaded, a known download folder and a request log. */
export class ExtensionHarness {
  readonly requests: RecordedRequest[] = [];

  private constructor(
    readonly context: BrowserContext,
    public worker: Worker,
    readonly extensionId: string,
    readonly downloadDir: string,
    private readonly browserSession: CDPSession,
    private readonly profileDir: string,
  ) {
    context.on('request', (request) => {
      const frame = request.serviceWorker()?.url() ?? safeFrameUrl(request.frame.bind(request));
      this.requests.push({ url: request.url(), from: frame });
    });
  }

  static async launch(): Promise<ExtensionHarness> {
    const profileDir = mkdtempSync(join(tmpdir(), 'offprint-profile-'));
    const downloadDir = join(profileDir, 'downloads');
    mkdirSync(join(profileDir, 'Default'), { recursive: true });
    mkdirSync(downloadDir);
    // Without this Chromium saves downloads under GUID names in Playwright's artifacts folder.
    writeFileSync(
      join(profileDir, 'Default', 'Preferences'),
      JSON.stringify({
        download: { default_directory: downloadDir, prompt_for_download: false },
        savefile: { default_directory: downloadDir },
      }),
    );
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        // Lets CDP's Extensions.triggerAction press the toolbar button, granting activeTab as a click does.
        '--enable-unsafe-extension-debugging',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const browser = context.browser();
    if (!browser) throw new Error('no browser behind the persistent context');
    const browserSession = await browser.newBrowserCDPSession();
    await browserSession.send('Browser.setDownloadBehavior', {
      behavior: 'default',
      eventsEnabled: true,
    });
    const extensionId = new URL(worker.url()).host;
    return new ExtensionHarness(
      context,
      worker,
      extensionId,
      downloadDir,
      browserSession,
      profileDir,
    );
  }

  /**
   * Stops the extension's service worker the way Chrome does when it idles out (CDP
   * ServiceWorker.stopWorker), then wakes it with a message, as any later event would. Playwright
   * keeps no handle on the new instance: inspect it through the extension page returned.
   */
  async restartServiceWorker(): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/options.html`);
    const session = await this.context.newCDPSession(page);
    const statuses: { versionId: string; scriptURL: string; runningStatus: string }[] = [];
    session.on('ServiceWorker.workerVersionUpdated', (event) => statuses.push(...event.versions));
    await session.send('ServiceWorker.enable');
    const ours = (): (typeof statuses)[number] | undefined =>
      statuses.findLast((v) => v.scriptURL.startsWith(`chrome-extension://${this.extensionId}/`));
    await expectSoon(() => ours() !== undefined, 'the service worker to be listed');
    const versionId = ours()?.versionId ?? '';
    await session.send('ServiceWorker.stopWorker', { versionId });
    await expectSoon(() => ours()?.runningStatus === 'stopped', 'the service worker to stop');
    await page.evaluate(() =>
      (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.sendMessage({
        target: 'background',
        type: 'keepalive',
      }),
    );
    await expectSoon(() => ours()?.runningStatus === 'running', 'the service worker to restart');
    await session.detach();
    return page;
  }

  /** The tab id Chrome gives this page (extension APIs speak in tab ids). */
  async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const id = await this.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
      // Without the `tabs` permission URLs are hidden; the active tab is the one just used.
      const tabs = await api.tabs.query({ active: true, currentWindow: true });
      return tabs.length === 1 ? tabs[0]?.id : undefined;
    });
    if (id === undefined) throw new Error('no active tab');
    return id;
  }

  /** Presses the extension's toolbar button on this tab, exactly as a user's click does. */
  async clickAction(page: Page): Promise<void> {
    const { targetInfos } = await this.browserSession.send('Target.getTargets', {
      filter: [{ type: 'tab' }],
    });
    const tab = targetInfos.find((target) => target.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    await this.browserSession.send('Extensions.triggerAction', {
      id: this.extensionId,
      targetId: tab.targetId,
    });
  }

  /** The outcome of the background's most recent export, once it has one newer than `after`. */
  async waitForExport(after: unknown = undefined, timeoutMs = 120_000): Promise<ExportOutcome> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const outcome = await this.worker.evaluate(() =>
        JSON.stringify(
          (
            globalThis as unknown as { offprint: { lastExport(): unknown } }
          ).offprint.lastExport() ?? null,
        ),
      );
      if (outcome !== 'null' && outcome !== JSON.stringify(after ?? null)) {
        return JSON.parse(outcome) as ExportOutcome;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('export did not finish in time');
  }

  /** Clicks the action and waits for the PDF on disk. */
  async exportViaAction(
    page: Page,
    timeoutMs?: number,
  ): Promise<{ outcome: ExportOutcome; file?: DownloadedFile }> {
    const before = await this.worker.evaluate(() =>
      (globalThis as unknown as { offprint: { lastExport(): unknown } }).offprint.lastExport(),
    );
    await this.clickAction(page);
    const outcome = await this.waitForExport(before, timeoutMs);
    if (!outcome.ok || outcome.value.downloadId === undefined) return { outcome };
    return { outcome, file: await this.waitForDownload(outcome.value.downloadId) };
  }

  async waitForDownload(downloadId: number, timeoutMs = 30_000): Promise<DownloadedFile> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const item = await this.worker.evaluate(async (id) => {
        const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
        const [found] = await api.downloads.search({ id });
        return found ? { state: found.state, filename: found.filename, error: found.error } : null;
      }, downloadId);
      if (item?.state === 'complete') {
        const bytes = new Uint8Array(readFileSync(item.filename));
        return { path: item.filename, fileName: basename(item.filename), bytes };
      }
      if (item?.state === 'interrupted') throw new Error(`download interrupted: ${item.error}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('download did not complete in time');
  }

  /** Requests that went anywhere but the allowed origins or the extension itself. */
  foreignRequests(allowedOrigins: string[]): RecordedRequest[] {
    return this.requests.filter((request) => {
      const url = new URL(request.url);
      if (
        url.protocol === 'chrome-extension:' ||
        url.protocol === 'data:' ||
        url.protocol === 'blob:'
      ) {
        return false;
      }
      return !allowedOrigins.includes(url.origin);
    });
  }

  /** The newest download the browser knows of, once it has one with a larger id than `after`. */
  async nextDownloadId(after = 0, timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const id = await this.worker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
        const items = await api.downloads.search({});
        return Math.max(0, ...items.map((item) => item.id));
      });
      if (id > after) return id;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('no new download');
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

async function expectSoon(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export type ExportOutcome =
  | {
      ok: true;
      value: {
        fileName: string;
        downloadId: number;
        bytes: number;
        warnings: { kind: string; message: string; pageId?: string }[];
        /** Every volume, when the export was split. */
        volumes?: { fileName: string; downloadId: number; bytes: number }[];
        /** Where the export's time went, ms (see lib/export/run-export.ts ExportTimings). */
        timings: Record<string, number>;
      };
    }
  | { ok: false; error: string; code?: string };

export type ExportSuccess = Extract<ExportOutcome, { ok: true }>['value'];

/** The export's value; throws with the outcome when the export failed. */
export function exported(outcome: ExportOutcome): ExportSuccess {
  if (!outcome.ok) throw new Error(`the export failed: ${JSON.stringify(outcome)}`);
  return outcome.value;
}

/** The export's value and the PDF it downloaded; throws when either is missing. */
export function exportedFile(result: {
  outcome: ExportOutcome;
  file?: DownloadedFile | undefined;
}): {
  value: ExportSuccess;
  file: DownloadedFile;
} {
  const value = exported(result.outcome);
  if (!result.file) throw new Error(`the export downloaded nothing: ${JSON.stringify(value)}`);
  return { value, file: result.file };
}

function safeFrameUrl(frame: () => { url(): string }): string {
  try {
    return frame().url();
  } catch {
    return 'unknown';
  }
}

export function fileSize(path: string): number {
  return statSync(path).size;
}
