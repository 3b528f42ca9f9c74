import { exportOpenPage, type ExportOutcome } from '../lib/export/export-open-page';
import { buildInBackgroundPage, releaseBlobUrl } from '../lib/export/in-page-builder';
import { buildInOffscreen, releaseOffscreenUrl } from '../lib/export/offscreen-builder';
import type { Result } from '../lib/messaging/protocol';
import { showBusy, showOutcome } from '../lib/export/badge';

export default defineBackground(() => {
  const [build, release] = import.meta.env.FIREFOX
    ? [buildInBackgroundPage, releaseBlobUrl]
    : [buildInOffscreen, releaseOffscreenUrl];

  const runExport = async (tabId: number): Promise<Result<ExportOutcome>> => {
    await showBusy(tabId);
    const result = await exportOpenPage(tabId, build, release);
    await showOutcome(tabId, result);
    lastExport = result;
    return result;
  };
  let lastExport: Result<ExportOutcome> | undefined;

  browser.action.onClicked.addListener((tab) => {
    if (tab.id !== undefined) void runExport(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'export-page' && tab?.id !== undefined) void runExport(tab.id);
  });

  // Tests and the benchmark drive the same code path the click takes.
  Object.assign(globalThis, { offprint: { runExport, lastExport: () => lastExport } });
});
