/**
 * `npm run bench`'s second part: page-tree exports (the sample's bench tree family,
 * tests/sample-confluence/bench/tree.ts) of about N PDF pages, once as one PDF (volumePages 0)
 * and once split into volumes (the default, 500), to show what volumes do to the extension's
 * peak memory. Per run: the export panel's Export click until the last download is complete.
 * Writes out/bench-tree.json; asserts nothing.
 */
import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { dirname } from 'node:path';
import { ExtensionHarness } from '../tests/e2e/harness/extension';
import type { SampleConfluence } from '../tests/sample-confluence/server';
import { DEFAULT_PREFS } from '../lib/prefs/schema';
import { BENCH_TREE_BASE_ID } from '../tests/sample-confluence/bench/tree';
import { browserPidOf, mb, pageCount, sampleMemory } from './bench-common';

export interface TreeRow {
  size: number;
  site: 'dc' | 'cloud';
  volumePages: number;
  confluencePages: number;
  volumes: number;
  pdfPages: number;
  /** Export click in the panel -> last download complete (REST reading included). */
  ms: number;
  offprintBytes: number;
  /** Extension processes (service worker, offscreen document, build worker). */
  offprintPeakMB: number;
  /** The Confluence tab, which reads the tree through REST and holds the model. */
  tabPeakMB: number;
  /** The pipeline's own phases (volumes added up): read + assets in the tab, layout + build. */
  phasesMs: { read: number; assets: number; layout: number; build: number };
}

interface TreeOutcome {
  ok: boolean;
  error?: string;
  value?: {
    downloadId?: number;
    volumes?: { downloadId: number }[];
    timings: Partial<Record<'read' | 'assets' | 'layout' | 'build', number>>;
  };
}

interface Stamp {
  at: number;
  id: number;
  state: string;
}

/** The tree root's URL path on one site (ids as in bench/tree.ts). */
export function benchTreePath(site: 'dc' | 'cloud', size: number): string {
  const id = BENCH_TREE_BASE_ID + size;
  return site === 'dc'
    ? `/pages/viewpage.action?pageId=${id}`
    : `/wiki/spaces/DOC/pages/${id}/Bench+tree+${size}`;
}

async function setVolumePages(harness: ExtensionHarness, value: number): Promise<void> {
  const options = await harness.context.newPage();
  await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
  // The form shows once the stored settings are loaded; an unchanged value saves nothing.
  const field = options.getByTestId('pref-volumePages');
  if ((await field.inputValue()) === String(value)) return options.close();
  await field.fill(String(value));
  await field.blur();
  await options.waitForFunction(
    () =>
      document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'saved',
  );
  await options.close();
}

const downloadsSoFar = (harness: ExtensionHarness): Promise<Stamp[]> =>
  harness.worker.evaluate(
    () => (globalThis as unknown as { benchDownloads?: Stamp[] }).benchDownloads ?? [],
  );

/** One tree export; `volumePages` 0 builds one PDF. */
export async function runTree(
  harness: ExtensionHarness,
  browser: number,
  origin: string,
  site: 'dc' | 'cloud',
  size: number,
  volumePages: number,
): Promise<TreeRow> {
  await setVolumePages(harness, volumePages);
  const tab: Page = await harness.context.newPage();
  await tab.goto(origin + benchTreePath(site, size), { waitUntil: 'load' });
  // The toolbar button's activeTab grant (what the context menu gives): exports the root alone.
  const first = await harness.exportViaAction(tab);
  if (first.file) rmSync(first.file.path, { force: true });
  const tabId = await harness.tabIdOf(tab);
  await harness.worker.evaluate(`(() => {
    globalThis.benchDownloads = [];
    if (!globalThis.benchListening) {
      globalThis.benchListening = true;
      chrome.downloads.onChanged.addListener((d) => {
        const state = d.state && d.state.current;
        if (state === 'complete' || state === 'interrupted')
          globalThis.benchDownloads.push({ at: Date.now(), id: d.id, state });
      });
    }
  })()`);
  const running = harness.worker.evaluate(
    (id) =>
      (
        globalThis as unknown as { offprint: { exportSubtree(id: number): Promise<unknown> } }
      ).offprint.exportSubtree(id) as Promise<TreeOutcome>,
    tabId,
  );
  const panel = tab.locator('offprint-export-panel');
  await panel.getByTestId('tree').waitFor({ timeout: 600_000 });
  const mem = sampleMemory(browser);
  const started = Date.now();
  await panel.getByTestId('export').click();
  const outcome = await running;
  if (!outcome.ok || !outcome.value) throw new Error(`tree export failed: ${outcome.error}`);
  const ids = outcome.value.volumes?.map((v) => v.downloadId) ?? [outcome.value.downloadId ?? -1];
  let stamps: Stamp[] = [];
  for (const deadline = Date.now() + 600_000; Date.now() < deadline;) {
    stamps = (await downloadsSoFar(harness)).filter((s) => ids.includes(s.id));
    if (stamps.length === ids.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const peaks = mem.stop();
  if (stamps.length !== ids.length || stamps.some((s) => s.state !== 'complete'))
    throw new Error(`downloads did not complete: ${JSON.stringify(stamps)}`);
  let pdfPages = 0;
  let bytes = 0;
  for (const id of ids) {
    const file = await harness.waitForDownload(id);
    pdfPages += await pageCount(file.bytes);
    bytes += file.bytes.byteLength;
    rmSync(file.path, { force: true });
  }
  const confluencePages = await tab
    .locator('offprint-export-panel')
    .evaluate((el) => /(\d+) pages read/.exec(el.shadowRoot?.textContent ?? '')?.[1] ?? '0');
  await tab.close();
  return {
    size,
    site,
    volumePages,
    confluencePages: Number(confluencePages),
    volumes: ids.length,
    pdfPages,
    ms: Math.max(...stamps.map((s) => s.at)) - started,
    offprintBytes: bytes,
    offprintPeakMB: mb(peaks.extension),
    tabPeakMB: mb(peaks.tab),
    phasesMs: {
      read: outcome.value.timings.read ?? 0,
      assets: outcome.value.timings.assets ?? 0,
      layout: outcome.value.timings.layout ?? 0,
      build: outcome.value.timings.build ?? 0,
    },
  };
}

/**
 * Each size as one PDF, then in volumes of the default size, each run in a browser of its own:
 * memory a process has touched is not always given back to the system, so a run after another
 * in the same browser would start from the previous run's high-water mark.
 */
export async function runTrees(
  server: SampleConfluence,
  site: 'dc' | 'cloud',
  sizes: number[],
  onRow: (row: TreeRow) => void,
): Promise<void> {
  for (const size of sizes) {
    for (const volumePages of [0, DEFAULT_PREFS.volumePages]) {
      const harness = await ExtensionHarness.launch();
      try {
        const login = await harness.context.newPage();
        await login.goto(server.loginUrl(site));
        await login.close();
        const browser = browserPidOf(dirname(harness.downloadDir));
        const origin = site === 'dc' ? server.dcUrl : server.cloudUrl;
        onRow(await runTree(harness, browser, origin, site, size, volumePages));
      } finally {
        await harness.close();
      }
    }
  }
}

export function printTreeTable(rows: TreeRow[]): void {
  const head = [
    'tree size',
    'pages',
    'volume pages',
    'volumes',
    'PDF pages',
    'ms',
    'read',
    'assets',
    'layout',
    'build',
    'KB',
    'ext MB',
    'tab MB',
  ];
  const body = rows.map((r) => [
    r.size,
    r.confluencePages,
    r.volumePages === 0 ? 'one PDF' : r.volumePages,
    r.volumes,
    r.pdfPages,
    r.ms,
    r.phasesMs.read,
    r.phasesMs.assets,
    r.phasesMs.layout,
    r.phasesMs.build,
    Math.round(r.offprintBytes / 1024),
    r.offprintPeakMB,
    r.tabPeakMB,
  ]);
  const cells = [head, ...body].map((row) => row.map(String));
  const widths = head.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  for (const row of cells) console.log(row.map((c, i) => c.padStart(widths[i] ?? 0)).join('  '));
}
