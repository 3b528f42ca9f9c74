/** Resolves when the browser has finished (or given up on) a download. */
export function waitForDownload(id: number): Promise<void> {
  return new Promise((resolve) => {
    const listener = (delta: Browser.downloads.DownloadDelta): void => {
      const state = delta.state?.current;
      if (delta.id === id && (state === 'complete' || state === 'interrupted')) {
        browser.downloads.onChanged.removeListener(listener);
        resolve();
      }
    };
    browser.downloads.onChanged.addListener(listener);
  });
}
