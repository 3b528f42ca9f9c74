/**
 * Peak memory of the extension's processes while something runs, sampled from /proc as
 * scripts/bench.ts does: Chromium's processes are found under the browser process (the one whose
 * command line names the profile's --user-data-dir) through /proc/<pid>/stat's ppid; the
 * extension is the renderers started with `--extension-process` (service worker and offscreen
 * document). Their VmRSS is summed every 100 ms; the peak is the largest sum seen. Linux only:
 * elsewhere `stop()` answers undefined.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** A /proc file's text; undefined when the process is gone. */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process is gone
  }
}

/** The Chromium browser process of the profile at `profileDir`, if it runs. */
export function browserPid(profileDir: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = readText(`/proc/${entry}/cmdline`)?.split('\0') ?? [];
    if (cmd.includes(`--user-data-dir=${profileDir}`) && !cmd.some((a) => a.startsWith('--type=')))
      return Number(entry);
  }
  return undefined;
}

/** Every process below `root` (children, their children, ...). */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readText(`/proc/${entry}/stat`);
    // Fields after the ")" closing the command name: state ppid ...
    const ppid = Number(stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number.isFinite(ppid)) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const walk = (pid: number): void => {
    for (const c of children.get(pid) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** Starts sampling; `stop()` gives the extension processes' peak RSS in MB. */
export function sampleExtensionMemory(profileDir: string): { stop(): number | undefined } {
  const browser = process.platform === 'linux' ? browserPid(profileDir) : undefined;
  if (browser === undefined) return { stop: () => undefined };
  let peak = 0;
  const tick = (): void => {
    let sum = 0;
    for (const pid of descendants(browser)) {
      const cmd = readText(`/proc/${pid}/cmdline`) ?? '';
      if (!cmd.includes('--type=renderer') || !cmd.includes('--extension-process')) continue;
      const kb = /VmRSS:\s+(\d+)/.exec(readText(`/proc/${pid}/status`) ?? '')?.[1];
      if (kb) sum += Number(kb) / 1024;
    }
    peak = Math.max(peak, sum);
  };
  const sampling = sampleEvery(tick);
  return {
    stop() {
      sampling.stop();
      return Math.round(peak);
    },
  };
}

/** Runs `tick` now and every `ms` until `stop()`, which runs it one last time. */
export function sampleEvery(tick: () => void, ms = 100): { stop(): void } {
  tick();
  const timer = setInterval(tick, ms);
  return {
    stop() {
      clearInterval(timer);
      tick();
    },
  };
}
