import { showBusy, showOutcome } from '../lib/export/badge';
import { buildInBackgroundPage, releaseBlobUrl } from '../lib/export/in-page-builder';
import {
  benchOffscreen,
  buildInOffscreen,
  releaseOffscreenUrl,
} from '../lib/export/offscreen-builder';
import { runExport, type ExportOutcome } from '../lib/export/run-export';
import type { ContentJob } from '../lib/messaging/content-job';
import { isPreviewRequest, type Result } from '../lib/messaging/protocol';
import { Previews } from '../lib/export/previews';
import { maxImagePixels } from '../lib/export/image-budget';
import { loadPrefs } from '../lib/prefs/store';

const MENU_PAGE_SUBTREE = 'export-page-subtree';
const MENU_LINK_SUBTREE = 'export-link-subtree';

export default defineBackground(() => {
  const [buildPdf, releaseUrl] = import.meta.env.FIREFOX
    ? [buildInBackgroundPage, releaseBlobUrl]
    : [buildInOffscreen, releaseOffscreenUrl];
  let lastExport: Result<ExportOutcome> | undefined;
  const previews = new Previews(releaseUrl);
  const openPreview = previews.open.bind(previews);
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    if (!isPreviewRequest(message)) return undefined;
    void previews.handle(message).then(sendResponse);
    return true;
  });

  type JobRequest = { kind: 'open-page' } | { kind: 'subtree'; linkUrl?: string };
  const exportTab = async (tabId: number, request: JobRequest): Promise<Result<ExportOutcome>> => {
    await showBusy(tabId);
    const base = await loadPrefs();
    const imageBudget = maxImagePixels(base);
    const job: ContentJob =
      request.kind === 'open-page'
        ? { kind: 'open-page', maxImagePixels: imageBudget }
        : {
            kind: 'subtree',
            maxImagePixels: imageBudget,
            concurrency: base.restConcurrency,
            ...(request.linkUrl ? { linkUrl: request.linkUrl } : {}),
          };
    // A subtree is a document: it gets a table of contents whatever the single-page default.
    const prefs = job.kind === 'subtree' ? { ...base, toc: true } : base;
    const result = await runExport({ tabId, job, prefs, buildPdf, releaseUrl, openPreview });
    await showOutcome(tabId, result);
    lastExport = result;
    return result;
  };
  const exportOpenPage = (tabId: number): Promise<Result<ExportOutcome>> =>
    exportTab(tabId, { kind: 'open-page' });
  const exportSubtree = (tabId: number, linkUrl?: string): Promise<Result<ExportOutcome>> =>
    exportTab(tabId, { kind: 'subtree', ...(linkUrl ? { linkUrl } : {}) });

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
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === MENU_PAGE_SUBTREE) void exportSubtree(tab.id);
    if (info.menuItemId === MENU_LINK_SUBTREE) void exportSubtree(tab.id, info.linkUrl);
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
      lastExport: () => lastExport,
      benchPdfmake: benchOffscreen,
    },
  });
});
