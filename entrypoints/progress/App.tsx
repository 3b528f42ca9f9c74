import { useEffect, useState } from 'react';
import { JobProgress } from '../../components/job-progress';
import { JOBS_STORAGE_KEY, type ExportJob } from '../../lib/export/jobs';
import type { BackgroundRequest } from '../../lib/messaging/protocol';

/**
 * The toolbar popup while an export runs in this tab (the background switches it on for the
 * duration): live progress from `storage.session`, and Cancel. Closing it changes nothing.
 */
export function App() {
  const [tabId, setTabId] = useState<number>();
  const [job, setJob] = useState<ExportJob>();

  useEffect(() => {
    let id: number | undefined;
    const read = async (): Promise<void> => {
      const jobs = (await browser.storage.session.get(JOBS_STORAGE_KEY))[JOBS_STORAGE_KEY] as
        Record<string, ExportJob> | undefined;
      if (id !== undefined) setJob(jobs?.[id]);
    };
    // As the toolbar popup it follows the active tab; opened as a page (`?tab=<id>`), that tab.
    const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
    const tab =
      Number.isInteger(fromUrl) && fromUrl > 0
        ? Promise.resolve(fromUrl)
        : browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => active?.id);
    void tab.then((found) => {
      id = found;
      setTabId(id);
      void read();
    });
    const onChanged = (changes: Record<string, unknown>, area: string): void => {
      if (area === 'session' && JOBS_STORAGE_KEY in changes) void read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const cancel = (): void => {
    const request: BackgroundRequest = {
      target: 'background',
      type: 'cancel-export',
      ...(tabId !== undefined ? { tabId } : {}),
    };
    void browser.runtime.sendMessage(request);
  };

  return (
    <main className="progress-popup">
      <h1>Offprint</h1>
      {job ? <JobProgress job={job} onCancel={cancel} /> : <p>No export is running in this tab.</p>}
      <p className="links">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Settings
        </a>
      </p>
    </main>
  );
}
