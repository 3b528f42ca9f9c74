import type { Result } from '../messaging/protocol';
import type { ExportOutcome } from './run-export';

const DEFAULT_TITLE = 'Export this Confluence page to PDF';

export async function showBusy(tabId: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#0052cc' });
  await browser.action.setBadgeText({ tabId, text: '…' });
  await browser.action.setTitle({ tabId, title: 'Offprint: exporting…' });
}

/** The badge says how the export ended; the tooltip says why. */
export async function showOutcome(tabId: number, result: Result<ExportOutcome>): Promise<void> {
  if (result.ok) {
    const warnings = result.value.warnings.length;
    await browser.action.setBadgeBackgroundColor({
      tabId,
      color: warnings ? '#ff991f' : '#36b37e',
    });
    await browser.action.setBadgeText({ tabId, text: warnings ? String(warnings) : '✓' });
    await browser.action.setTitle({
      tabId,
      title: warnings
        ? `Saved ${result.value.fileName}. ${warnings} item(s) simplified or skipped:\n` +
          result.value.warnings
            .map((w) => `• ${w.message}`)
            .slice(0, 10)
            .join('\n')
        : `Saved ${result.value.fileName}`,
    });
    return;
  }
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#de350b' });
  await browser.action.setBadgeText({
    tabId,
    text: result.code === 'not-confluence' ? 'N/A' : '!',
  });
  await browser.action.setTitle({ tabId, title: `Offprint: ${result.error}\n\n${DEFAULT_TITLE}` });
}

/** The service worker restarted while this tab's export ran: say so rather than go quiet. */
export async function showInterrupted(tabId: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#de350b' });
    await browser.action.setBadgeText({ tabId, text: '!' });
    await browser.action.setTitle({
      tabId,
      title: `Offprint: export interrupted, start again\n\n${DEFAULT_TITLE}`,
    });
    await browser.action.setPopup({ tabId, popup: '' });
  } catch {
    // the tab is gone: nothing to tell
  }
}
