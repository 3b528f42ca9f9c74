/**
 * Running exports, one per tab, kept in `storage.session` (memory only, never written to disk,
 * cleared when the browser closes) so a popup opened at any time shows live progress and a
 * restarted service worker knows which exports it lost. Holds phases and counts, never content,
 * titles or URLs.
 */
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportJob {
  tabId: number;
  kind: 'open-page' | 'subtree' | 'pages';
  state: JobState;
  /** What is happening now, for people: "Fetching pages", "Building the PDF", ... */
  phase: string;
  done?: number;
  total?: number;
  message?: string;
  startedAt: number;
}

const KEY = 'offprintJobs';

type JobMap = Record<string, ExportJob>;

async function readJobs(): Promise<JobMap> {
  const stored = await browser.storage.session.get(KEY);
  return (stored[KEY] as JobMap | undefined) ?? {};
}

// Updates are serialised so two quick progress reports never overwrite each other.
let queue: Promise<unknown> = Promise.resolve();
function update(change: (jobs: JobMap) => void): Promise<void> {
  const next = queue.then(async () => {
    const jobs = await readJobs();
    change(jobs);
    await browser.storage.session.set({ [KEY]: jobs });
  });
  queue = next.catch(() => undefined);
  return next;
}

export function startJob(tabId: number, kind: ExportJob['kind']): Promise<void> {
  return update((jobs) => {
    jobs[tabId] = {
      tabId,
      kind,
      state: 'running',
      phase: 'Reading the page',
      startedAt: Date.now(),
    };
  });
}

export function reportProgress(
  tabId: number,
  progress: Pick<ExportJob, 'phase'> & Partial<Pick<ExportJob, 'done' | 'total'>>,
): Promise<void> {
  return update((jobs) => {
    const job = jobs[tabId];
    if (!job || job.state !== 'running') return;
    const { done: _done, total: _total, ...rest } = job;
    jobs[tabId] = { ...rest, ...progress };
  });
}

const ENDINGS: Record<Exclude<JobState, 'running'>, string> = {
  done: 'PDF saved',
  failed: 'Export failed (the toolbar button tells why)',
  cancelled: 'Export cancelled',
};

/** Ends a job. Its record keeps only how it ended: page titles and file names are not stored. */
export function finishJob(tabId: number, state: Exclude<JobState, 'running'>): Promise<void> {
  return update((jobs) => {
    const job = jobs[tabId];
    if (job) jobs[tabId] = { ...job, state, phase: ENDINGS[state], message: ENDINGS[state] };
  });
}

export async function jobFor(tabId: number): Promise<ExportJob | undefined> {
  return (await readJobs())[tabId];
}

/**
 * After a service-worker restart nothing is running any more: every job still marked running was
 * lost with the old worker. They end with a clear message instead of vanishing.
 */
export async function failInterruptedJobs(): Promise<ExportJob[]> {
  const lost: ExportJob[] = [];
  await update((jobs) => {
    for (const job of Object.values(jobs)) {
      if (job.state !== 'running') continue;
      lost.push(job);
      jobs[job.tabId] = {
        ...job,
        state: 'failed',
        phase: 'Export interrupted, start again',
        message: 'Export interrupted, start again',
      };
    }
  });
  return lost;
}

export const JOBS_STORAGE_KEY = KEY;
