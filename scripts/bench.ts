/**
 * `npm run bench [-- --sizes 10,50,200 --tree-sizes 500,1000 --site dc|cloud]`: Offprint against
 * Chromium's own print-to-PDF on the sample Confluence's bench pages
 * (tests/sample-confluence/bench/), side by side in one browser, one size after the other; then
 * page-tree exports as one PDF against volumes (scripts/bench-tree.ts). Writes out/bench.json and
 * out/bench-tree.json; asserts nothing. An empty list (`--sizes ''`) skips that part.
 *
 * Per size:
 * - offprint: the toolbar button pressed on the open page (CDP Extensions.triggerAction, as a
 *   click) until the download is complete (a downloads.onChanged listener in the service worker
 *   stamps the time). Phase ms come from the pipeline itself (`lastExport().value.timings`):
 *   read + assets (content script), layout + build (offscreen document), deliver (PDF built ->
 *   download complete, background). `other` = wall time - phases, split into start (click ->
 *   export under way), inject (injection, the model's trip from the tab), handoff (messages to
 *   the builder and back) and the rest.
 * - buildPhasesMs: the build phase split where pdfmake's time goes: measuring and placing
 *   (`layout`), drawing the pages (`render`), writing the file (`write`: font subsets, streams
 *   compressed, bytes joined); from the renderer patch's clock (lib/pdf/renderer/install.ts).
 *   deflatedOffThread: streams compressed on the deflate Worker while pdfmake drew.
 * - pdfmakeOnly: the offscreen document keeps the definition of that export (armed just before)
 *   and builds it again with pdfmake alone.
 * - chromium: a fresh tab, page load + CDP Page.printToPDF (A4, backgrounds, streamed back).
 * - pdfPages: read back with pdfjs-dist. msPerPage = offprintMs / Offprint's pdfPages.
 * - memory: Chromium's processes are found under the browser process (the one whose command
 *   line names this profile's --user-data-dir) through /proc/<pid>/stat's ppid, and classed by
 *   command line: `--type=renderer --extension-process` = the extension (service worker and
 *   offscreen document); other `--type=renderer` = web tabs; the print compositor utility
 *   (`PrintCompositor`). /proc/<pid>/status VmRSS of each is sampled every 100 ms during each
 *   phase; a class's peak is the largest sum seen. VmHWM is not used: it is a process lifetime
 *   peak and the extension process outlives the sizes. offprintPeakMB = extension processes;
 *   offprintTabPeakMB = the Confluence tab being read; chromiumPeakMB = tab renderer + print
 *   compositor while printing. The tab's renderer is the largest web renderer at each sample: the
 *   tab at work is the only busy one (the login tab is closed; Chromium keeps an idle spare
 *   renderer that the next tab takes over, so "renderers new since the tab opened" misses it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { benchPagePath } from '../tests/sample-confluence/bench/routes';
import { startSampleConfluence } from '../tests/sample-confluence/server';
import { EXTENSION_DIR, ExtensionHarness } from '../tests/e2e/harness/extension';
import { printTreeTable, runTrees, type TreeRow } from './bench-tree';
import { browserPidOf, mb, pageCount, sampleMemory, type ProcClass } from './bench-common';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'out');

interface Phases {
  read: number;
  assets: number;
  layout: number;
  build: number;
  deliver: number;
  other: number;
}

interface Row {
  size: number;
  site: 'dc' | 'cloud';
  pdfPages: number;
  chromiumPdfPages: number;
  offprintMs: number;
  phasesMs: Phases;
  /** The build phase split: pdfmake measuring + placing, drawing pages, writing the file. */
  buildPhasesMs: { layout: number; render: number; write: number };
  /**
   * `other` split: click -> export under way (`start`), injection and the model's trip from the
   * tab (`inject`), messages to the builder and back (`handoff`), and the rest (progress
   * records, the browser's own dispatch).
   */
  otherMs: { start: number; inject: number; handoff: number; rest: number };
  /** Streams (page content, object streams) compressed on the deflate Worker. */
  deflatedOffThread: number;
  /** The conservation check (every word drawn), part of `build`. */
  checkMs: number;
  pdfmakeOnlyMs: number;
  chromiumPrintMs: number;
  offprintBytes: number;
  chromiumBytes: number;
  offprintPeakMB: number;
  offprintTabPeakMB: number;
  chromiumPeakMB: number;
  msPerPage: number;
  chromiumMsPerPage: number;
}

// ---- build ---------------------------------------------------------------------------------

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

function ensureBuilt(): void {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const sources = ['lib', 'entrypoints', 'components', 'public', 'wxt.config.ts', 'package.json'];
  const newest = Math.max(...sources.map((s) => newestMtime(join(ROOT, s))));
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newest) return;
  console.log('building the extension (npx wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

// ---- runs -----------------------------------------------------------------------------------

interface BenchGlobal {
  offprint: {
    lastExport(): unknown;
    benchPdfmake(
      action: 'arm' | 'rebuild',
    ): Promise<{ ok: boolean; value?: number; error?: string }>;
  };
  benchDownload?: { at: number; id: number; state: string };
}

interface Outcome {
  ok: boolean;
  error?: string;
  value?: {
    downloadId: number;
    bytes: number;
    timings: Partial<
      Record<
        | keyof Phases
        | 'total'
        | 'pdfmakeLayout'
        | 'pdfmakeRender'
        | 'pdfmakeWrite'
        | 'deflatedOffThread'
        | 'conservation'
        | 'start'
        | 'inject'
        | 'handoff',
        number
      >
    >;
  };
}

const lastExportJson = (harness: ExtensionHarness): Promise<string> =>
  harness.worker.evaluate(() =>
    JSON.stringify((globalThis as unknown as BenchGlobal).offprint.lastExport() ?? null),
  );

/** The download's end as the service worker saw it; throws when the export fails instead. */
async function waitForDownloadOrFailure(
  harness: ExtensionHarness,
  before: string,
  timeoutMs = 900_000,
): Promise<{ at: number; id: number; state: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const done = await harness.worker.evaluate(
      () => (globalThis as unknown as BenchGlobal).benchDownload,
    );
    if (done) return done;
    const last = await lastExportJson(harness);
    if (last !== before && !(JSON.parse(last) as Outcome).ok)
      throw new Error(`export failed: ${last}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('export did not finish in time');
}

async function runOffprint(
  harness: ExtensionHarness,
  browser: number,
  url: string,
): Promise<{
  ms: number;
  outcome: Required<Outcome>['value'];
  bytes: Uint8Array;
  pdfmakeOnlyMs: number;
  mem: Record<ProcClass, number>;
}> {
  const tab = await harness.context.newPage();
  await tab.goto(url, { waitUntil: 'load', timeout: 600_000 });
  // A string, not a function: tsx would wrap named inner functions in its own `__name` helper.
  const armed = (await harness.worker.evaluate(`(() => {
    globalThis.benchDownload = undefined;
    {
      const listener = (d) => {
        const state = d.state && d.state.current;
        if (state === 'complete' || state === 'interrupted') {
          chrome.downloads.onChanged.removeListener(listener);
          globalThis.benchDownload = { at: Date.now(), id: d.id, state };
        }
      };
      chrome.downloads.onChanged.addListener(listener);
    }
    return globalThis.offprint.benchPdfmake('arm');
  })()`)) as { ok: boolean; error?: string };
  if (!armed.ok) throw new Error(`bench arm failed: ${armed.error}`);
  const before = await lastExportJson(harness);
  const mem = sampleMemory(browser);
  const started = Date.now();
  await harness.clickAction(tab);
  const done = await waitForDownloadOrFailure(harness, before);
  const peaks = mem.stop();
  if (!done || done.state !== 'complete') throw new Error(`download ${done?.state ?? 'missing'}`);
  const ms = done.at - started;
  // The background fills in deliver/total from its own listener: wait until it has.
  let outcome: Outcome | undefined;
  for (let i = 0; i < 100; i++) {
    outcome = (await harness.worker.evaluate(() =>
      (globalThis as unknown as BenchGlobal).offprint.lastExport(),
    )) as Outcome;
    if (!outcome.ok || outcome.value?.timings.total !== undefined) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!outcome?.ok || !outcome.value) throw new Error(`export failed: ${outcome?.error}`);
  const file = await harness.waitForDownload(outcome.value.downloadId);
  rmSync(file.path, { force: true });
  const rebuilt = await harness.worker.evaluate(() =>
    (globalThis as unknown as BenchGlobal).offprint.benchPdfmake('rebuild'),
  );
  if (!rebuilt.ok || rebuilt.value === undefined)
    throw new Error(`rebuild failed: ${rebuilt.error}`);
  await tab.close();
  return {
    ms,
    outcome: outcome.value,
    bytes: file.bytes,
    pdfmakeOnlyMs: rebuilt.value,
    mem: peaks,
  };
}

async function runChromium(
  harness: ExtensionHarness,
  browser: number,
  url: string,
): Promise<{ ms: number; bytes: Uint8Array; mem: Record<ProcClass, number> }> {
  const tab: Page = await harness.context.newPage();
  const cdp = await harness.context.newCDPSession(tab);
  const mem = sampleMemory(browser);
  const started = Date.now();
  await tab.goto(url, { waitUntil: 'load', timeout: 600_000 });
  const { stream } = await cdp.send('Page.printToPDF', {
    paperWidth: 8.27,
    paperHeight: 11.69,
    printBackground: true,
    transferMode: 'ReturnAsStream',
  });
  if (!stream) throw new Error('printToPDF returned no stream');
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 8 << 20 });
    chunks.push(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'));
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const ms = Date.now() - started;
  const peaks = mem.stop();
  await tab.close();
  return { ms, bytes: new Uint8Array(Buffer.concat(chunks)), mem: peaks };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10,50,200,500,1000,2000' },
      'tree-sizes': { type: 'string', default: '500,1000,2000' },
      site: { type: 'string', default: 'dc' },
    },
  });
  const numbers = (list: string): number[] => list.split(',').filter(Boolean).map(Number);
  const sizes = numbers(values.sizes);
  const treeSizes = numbers(values['tree-sizes']);
  const site = values.site;
  if (site !== 'dc' && site !== 'cloud') throw new Error(`--site dc|cloud, not ${site}`);
  ensureBuilt();
  mkdirSync(OUT, { recursive: true });
  const server = await startSampleConfluence({});
  const harness = await ExtensionHarness.launch();
  const rows: Row[] = [];
  const treeRows: TreeRow[] = [];
  try {
    const origin = site === 'dc' ? server.dcUrl : server.cloudUrl;
    const login = await harness.context.newPage();
    await login.goto(server.loginUrl(site));
    await login.close();
    const browser = browserPidOf(dirname(harness.downloadDir));
    for (const size of sizes) {
      const url = origin + benchPagePath(site, size);
      // Warm the sample server's render cache so neither side pays for generating the HTML.
      await fetch(url, { method: 'HEAD' }).catch(() => undefined);
      const off = await runOffprint(harness, browser, url);
      const chr = await runChromium(harness, browser, url);
      const t = off.outcome.timings;
      const phases: Phases = {
        read: t.read ?? 0,
        assets: t.assets ?? 0,
        layout: t.layout ?? 0,
        build: t.build ?? 0,
        deliver: t.deliver ?? 0,
        other: 0,
      };
      phases.other = Math.max(
        0,
        off.ms - phases.read - phases.assets - phases.layout - phases.build - phases.deliver,
      );
      // Both PDFs stay in out/ for a look (pdfimages -list, qpdf --show-npages, a viewer).
      writeFileSync(join(OUT, `bench-${site}-${size}-offprint.pdf`), off.bytes);
      writeFileSync(join(OUT, `bench-${site}-${size}-chromium.pdf`), chr.bytes);
      const pdfPages = await pageCount(off.bytes);
      const chromiumPdfPages = await pageCount(chr.bytes);
      const row: Row = {
        size,
        site,
        pdfPages,
        chromiumPdfPages,
        offprintMs: off.ms,
        phasesMs: phases,
        buildPhasesMs: {
          layout: t.pdfmakeLayout ?? 0,
          render: t.pdfmakeRender ?? 0,
          write: t.pdfmakeWrite ?? 0,
        },
        otherMs: {
          start: t.start ?? 0,
          inject: t.inject ?? 0,
          handoff: t.handoff ?? 0,
          rest: Math.max(0, phases.other - (t.start ?? 0) - (t.inject ?? 0) - (t.handoff ?? 0)),
        },
        deflatedOffThread: t.deflatedOffThread ?? 0,
        checkMs: t.conservation ?? 0,
        pdfmakeOnlyMs: off.pdfmakeOnlyMs,
        chromiumPrintMs: chr.ms,
        offprintBytes: off.bytes.byteLength,
        chromiumBytes: chr.bytes.byteLength,
        offprintPeakMB: mb(off.mem.extension),
        offprintTabPeakMB: mb(off.mem.tab),
        chromiumPeakMB: mb(chr.mem.tab + chr.mem.print),
        msPerPage: Math.round((off.ms / pdfPages) * 10) / 10,
        chromiumMsPerPage: Math.round((chr.ms / chromiumPdfPages) * 10) / 10,
      };
      rows.push(row);
      console.log(JSON.stringify(row));
      writeFileSync(join(OUT, 'bench.json'), `${JSON.stringify(rows, null, 2)}\n`);
    }
  } finally {
    await harness.close();
  }
  try {
    await runTrees(server, site, treeSizes, (row) => {
      treeRows.push(row);
      console.log(JSON.stringify(row));
      writeFileSync(join(OUT, 'bench-tree.json'), `${JSON.stringify(treeRows, null, 2)}\n`);
    });
  } finally {
    await server.close();
  }
  printTable(rows);
  if (treeRows.length > 0) {
    console.log('\nPage trees: one PDF against volumes (memory stays bounded)\n');
    printTreeTable(treeRows);
    console.log(`\n${join(OUT, 'bench-tree.json')}`);
  }
}

function printTable(rows: Row[]): void {
  const head = [
    'size',
    'pages',
    'offprint ms',
    'read',
    'assets',
    'layout',
    'build',
    '(lay',
    'draw',
    'write)',
    'check',
    'deliver',
    'other',
    '(start',
    'inject',
    'handoff',
    'rest)',
    'pdfmake ms',
    '×pdfmake',
    'chromium ms',
    '×chromium',
    'ms/page',
    'KB',
    'chr KB',
    '×size',
    'ext MB',
    'chr MB',
  ];
  const body = rows.map((r) => [
    r.size,
    `${r.pdfPages}/${r.chromiumPdfPages}`,
    r.offprintMs,
    r.phasesMs.read,
    r.phasesMs.assets,
    r.phasesMs.layout,
    r.phasesMs.build,
    r.buildPhasesMs.layout,
    r.buildPhasesMs.render,
    r.buildPhasesMs.write,
    r.checkMs,
    r.phasesMs.deliver,
    r.phasesMs.other,
    r.otherMs.start,
    r.otherMs.inject,
    r.otherMs.handoff,
    r.otherMs.rest,
    r.pdfmakeOnlyMs,
    (r.offprintMs / r.pdfmakeOnlyMs).toFixed(2),
    r.chromiumPrintMs,
    (r.offprintMs / r.chromiumPrintMs).toFixed(2),
    r.msPerPage,
    Math.round(r.offprintBytes / 1024),
    Math.round(r.chromiumBytes / 1024),
    (r.offprintBytes / r.chromiumBytes).toFixed(2),
    r.offprintPeakMB,
    r.chromiumPeakMB,
  ]);
  const cells = [head, ...body].map((row) => row.map(String));
  const widths = head.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  for (const row of cells) console.log(row.map((c, i) => c.padStart(widths[i] ?? 0)).join('  '));
  console.log(`\n${join(OUT, 'bench.json')}`);
}

await main();
