import { showBusy, showInterrupted, showOutcome } from '../lib/export/badge';
import { maxImagePixels } from '../lib/export/image-budget';
import {
  buildInBackgroundPage,
  readBlobUrl,
  releaseBlobUrl,
  warmBackgroundPage,
} from '../lib/export/in-page-builder';
import { failInterruptedJobs, finishJob, reportProgress, startJob } from '../lib/export/jobs';
import {
  benchOffscreen,
  buildInOffscreen,
  warmOffscreen,
  readOffscreenUrl,
  releaseOffscreenUrl,
} from '../lib/export/offscreen-builder';
import { Previews } from '../lib/export/previews';
import { volumeBudget } from '../lib/export/volumes';
import { runSearchJob } from '../lib/export/inject';
import { runExport, type ExportOutcome } from '../lib/export/run-export';
import type { ContentJob } from '../lib/messaging/content-job';
import {
  fail,
  isBackgroundRequest,
  type BackgroundRequest,
  type Result,
  type TabMessage,
} from '../lib/messaging/protocol';
import { loadPrefs } from '../lib/prefs/store';

const MENU_PAGE_SUBTREE = 'export-page-subtree';
const MENU_LINK_SUBTREE = 'export-link-subtree';
const MENU_SEARCH = 'export-search';
// Not WXT's `popup` entrypoint: that would make every click open it instead of exporting.
const POPUP = 'progress.html';

type JobRequest =
  | { kind: 'open-page' }
  | { kind: 'subtree'; linkUrl?: string }
  | { kind: 'pages'; ids: string[]; title: string };

export default defineBackground(() => {
  const [buildPdf, warmBuilder, releaseUrl, readPdf] = import.meta.env.FIREFOX
    ? [buildInBackgroundPage, warmBackgroundPage, releaseBlobUrl, readBlobUrl]
    : [buildInOffscreen, warmOffscreen, releaseOffscreenUrl, readOffscreenUrl];
  let lastExport: Result<ExportOutcome> | undefined;
  const running = new Map<number, AbortController>();
  const previews = new Previews(releaseUrl);

  // A worker that starts with exports marked running lost them when the old worker stopped.
  void failInterruptedJobs().then((lost) =>
    Promise.all(lost.map((job) => showInterrupted(job.tabId))),
  );

  const exportTab = async (tabId: number, request: JobRequest): Promise<Result<ExportOutcome>> => {
    const requestedAt = performance.now();
    if (running.has(tabId)) return fail('An export is already running in this tab.');
    const controller = new AbortController();
    running.set(tabId, controller);
    await startJob(tabId, request.kind);
    // While it runs, the toolbar button opens the progress popup (with Cancel) instead.
    await browser.action.setPopup({ tabId, popup: POPUP });
    await showBusy(tabId);
    try {
      const base = await loadPrefs();
      const imageBudget = maxImagePixels(base);
      const volumes = volumeBudget(base);
      const several = {
        maxImagePixels: imageBudget,
        concurrency: base.restConcurrency,
        ...(volumes ? { volumes } : {}),
      };
      const job: ContentJob =
        request.kind === 'open-page'
          ? { kind: 'open-page', maxImagePixels: imageBudget }
          : request.kind === 'pages'
            ? { ...request, ...several }
            : {
                kind: 'subtree',
                ...several,
                ...(request.linkUrl ? { linkUrl: request.linkUrl } : {}),
              };
      // Several pages are a document: a table of contents whatever the single-page default.
      const prefs = job.kind === 'open-page' ? base : { ...base, toc: true };
      const result = await runExport({
        tabId,
        job,
        prefs,
        buildPdf,
        warmBuilder,
        releaseUrl,
        openPreview: (info) => previews.open(info),
        signal: controller.signal,
        onPhase: (phase) => reportProgress(tabId, { phase }),
        readPdf,
        requestedAt,
      });
      // Job records say how it ended, never what was exported: no titles, file names or URLs.
      await finishJob(
        tabId,
        result.ok ? 'done' : result.code === 'cancelled' ? 'cancelled' : 'failed',
      );
      await showOutcome(tabId, result);
      return result;
    } catch (error) {
      // Whatever broke, the export ends as failed and says so; it never just stops.
      const result = fail<ExportOutcome>(`Export failed: ${(error as Error).message}`);
      await finishJob(tabId, 'failed');
      await showOutcome(tabId, result);
      return result;
    } finally {
      running.delete(tabId);
      await browser.action.setPopup({ tabId, popup: '' });
    }
  };
  const exportAndRecord = async (
    tabId: number,
    request: JobRequest,
  ): Promise<Result<ExportOutcome>> => {
    const result = await exportTab(tabId, request);
    // Recorded once the tab is free again: whoever reads it may start the next export at once.
    lastExport = result;
    return result;
  };

  const cancel = async (tabId: number): Promise<void> => {
    running.get(tabId)?.abort();
    const message: TabMessage = { target: 'content', type: 'cancel' };
    // The content script may be gone already (single-page exports finish reading quickly).
    await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
  };

  const handle = async (
    message: BackgroundRequest,
    tabId: number | undefined,
  ): Promise<unknown> => {
    switch (message.type) {
      case 'preview-get':
      case 'preview-download':
        return previews.handle(message);
      case 'cancel-export': {
        const target = message.tabId ?? tabId;
        if (target !== undefined) await cancel(target);
        return { ok: true, value: true };
      }
      case 'progress':
        if (tabId !== undefined) {
          await reportProgress(tabId, {
            phase: message.phase,
            ...(message.done !== undefined ? { done: message.done } : {}),
            ...(message.total !== undefined ? { total: message.total } : {}),
          });
        }
        return { ok: true, value: true };
      case 'keepalive':
        return { ok: true, value: true };
      case 'search': {
        const { restConcurrency } = await loadPrefs();
        return runSearchJob(message.tabId, {
          kind: 'search',
          cql: message.cql,
          concurrency: restConcurrency,
        }).catch((error: unknown) =>
          fail(`Offprint cannot read this tab: ${(error as Error).message}`, 'not-confluence'),
        );
      }
      case 'export-pages':
        return exportAndRecord(message.tabId, {
          kind: 'pages',
          ids: message.ids,
          title: message.title,
        });
    }
  };
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isBackgroundRequest(message)) return undefined;
    void handle(message, sender.tab?.id).then(sendResponse);
    return true;
  });

  const exportOpenPage = (tabId: number): Promise<Result<ExportOutcome>> =>
    exportAndRecord(tabId, { kind: 'open-page' });
  const exportSubtree = (tabId: number, linkUrl?: string): Promise<Result<ExportOutcome>> =>
    exportAndRecord(tabId, { kind: 'subtree', ...(linkUrl ? { linkUrl } : {}) });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_PAGE_SUBTREE,
      title: 'Export this page and its subtree to PDF',
      contexts: ['page'],
    });
    browser.contextMenus.create({
      id: MENU_LINK_SUBTREE,
      title: 'Export subtree of linked page to PDF',
      contexts: ['link'],
    });
    browser.contextMenus.create({
      id: MENU_SEARCH,
      title: 'Export pages by search or label…',
      contexts: ['page'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === MENU_PAGE_SUBTREE) void exportSubtree(tab.id);
    if (info.menuItemId === MENU_LINK_SUBTREE) void exportSubtree(tab.id, info.linkUrl);
    if (info.menuItemId === MENU_SEARCH)
      void browser.tabs.create({ url: browser.runtime.getURL(`/search.html?tab=${tab.id}`) });
  });
  browser.action.onClicked.addListener((tab) => {
    if (tab.id !== undefined) void exportOpenPage(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'export-page' && tab?.id !== undefined) void exportOpenPage(tab.id);
  });

  // Tests and the benchmark drive the same functions the click and the menu call.
  Object.assign(globalThis, {
    offprint: {
      runExport: exportOpenPage,
      exportSubtree,
      cancel,
      lastExport: () => lastExport,
      benchPdfmake: benchOffscreen,
    },
  });
});
