import type { ExportJob } from '../lib/export/jobs';

/** One export's phase, counts and outcome, with Cancel while it runs. */
export function JobProgress({ job, onCancel }: { job: ExportJob; onCancel: () => void }) {
  const running = job.state === 'running';
  return (
    <section className="job" data-testid="job" data-state={job.state} aria-live="polite">
      <p className="job__phase" data-testid="job-phase">
        {job.phase}
      </p>
      {job.total !== undefined ? (
        <>
          <progress max={Math.max(1, job.total)} value={job.done ?? 0} style={{ width: '100%' }} />
          <p className="job__counts" data-testid="job-counts">
            {job.done ?? 0} / {job.total}
          </p>
        </>
      ) : running ? (
        <progress style={{ width: '100%' }} />
      ) : null}
      {running ? (
        <button type="button" data-testid="job-cancel" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </section>
  );
}
