/** What `npm run bench`'s two parts share: memory sampling, PDF page counts. */
import { browserPid, descendants, readText, sampleEvery } from '../tests/e2e/harness/proc-memory';

export type ProcClass = 'extension' | 'tab' | 'print' | 'other';

export function browserPidOf(profileDir: string): number {
  const pid = browserPid(profileDir);
  if (pid === undefined) throw new Error(`no Chromium browser process for ${profileDir}`);
  return pid;
}

function classify(pid: number): ProcClass {
  const cmd = readText(`/proc/${pid}/cmdline`) ?? '';
  if (cmd.includes('--type=renderer'))
    return cmd.includes('--extension-process') ? 'extension' : 'tab';
  if (cmd.includes('PrintCompositor')) return 'print';
  return 'other';
}

/** Samples RSS per process class every 100 ms; `stop()` returns each class's peak in MB. */
export function sampleMemory(browser: number): { stop(): Record<ProcClass, number> } {
  const peak: Record<ProcClass, number> = { extension: 0, tab: 0, print: 0, other: 0 };
  const tick = (): void => {
    const sum: Record<ProcClass, number> = { extension: 0, tab: 0, print: 0, other: 0 };
    for (const pid of descendants(browser)) {
      const kb = /VmRSS:\s+(\d+)/.exec(readText(`/proc/${pid}/status`) ?? '')?.[1];
      const kind = classify(pid);
      // Web renderers: only the largest counts — the tab at work, not Chromium's idle spare
      // renderer (which the next tab takes over, so "renderers new since" does not work either).
      if (kb && kind === 'tab') sum.tab = Math.max(sum.tab, Number(kb) / 1024);
      else if (kb) sum[kind] += Number(kb) / 1024;
    }
    for (const k of Object.keys(sum) as ProcClass[]) peak[k] = Math.max(peak[k], sum[k]);
  };
  const sampling = sampleEvery(tick);
  return {
    stop() {
      sampling.stop();
      return peak;
    },
  };
}

export async function pageCount(bytes: Uint8Array): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

export const mb = (n: number): number => Math.round(n * 10) / 10;
