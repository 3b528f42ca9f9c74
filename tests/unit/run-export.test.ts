/**
 * runExport with a split export: the tab's answer (as the content script encodes it) names three
 * volumes; each is built in turn (the later ones in a fresh worker) and downloaded under its own
 * name, and the outcome lists them. A volume that fails ends the export with a message naming it,
 * and what was saved before stays saved.
 */
import { afterEach, assert, describe, expect, it, vi } from 'vitest';
import type { ExportModel, PageModel } from '../../lib/model/types';
import { runExport, type ExportRun, type PdfBuilder } from '../../lib/export/run-export';
import { volumeBudget } from '../../lib/export/volumes';
import { encodeSnapshot } from '../../lib/messaging/snapshot-wire';
import { fail, ok } from '../../lib/messaging/protocol';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';

const page = (n: number): PageModel => ({
  id: String(n),
  title: `Page ${n}`,
  url: `https://wiki.example.com/pages/viewpage.action?pageId=${n}`,
  spaceKey: 'DOC',
  depth: n === 1 ? 0 : 1,
  blocks: Array.from({ length: 60 }, (_, i) => ({
    type: 'paragraph' as const,
    inlines: [{ type: 'text' as const, text: `Paragraph ${i} `.repeat(40) }],
  })),
});

const MODEL: ExportModel = {
  title: 'Handbook',
  site: 'https://wiki.example.com',
  pages: [1, 2, 3].map(page),
  assets: {},
  warnings: [],
  timings: { read: 5, assets: 1 },
};

const prefs = { ...DEFAULT_PREFS, volumePages: 6 };

/**
 * The browser as runExport uses it: injection answers the encoded model; downloads complete a
 * moment later, or when `complete` is called if they are held.
 */
function fakeBrowser({ hold = false } = {}): { downloads: string[]; complete(id: number): void } {
  const downloads: string[] = [];
  const listeners: ((d: { id: number; state: { current: string } }) => void)[] = [];
  vi.stubGlobal('browser', {
    scripting: {
      executeScript: async (details: { files?: string[] }) =>
        details.files ? [{ result: encodeSnapshot(ok(MODEL), volumeBudget(prefs)) }] : [{}],
    },
    downloads: {
      download: async ({ filename }: { filename: string }) => {
        downloads.push(filename);
        const id = downloads.length;
        if (!hold) setTimeout(() => complete(id), 1);
        return id;
      },
      onChanged: {
        addListener: (l: (typeof listeners)[number]) => listeners.push(l),
        removeListener: () => undefined,
      },
    },
  });
  const complete = (id: number): void =>
    listeners.forEach((l) => l({ id, state: { current: 'complete' } }));
  return { downloads, complete };
}

function run(buildPdf: PdfBuilder): ExportRun {
  return {
    tabId: 7,
    job: { kind: 'subtree', maxImagePixels: 1000, concurrency: 4 },
    prefs,
    buildPdf,
    releaseUrl: async () => undefined,
    openPreview: async () => undefined,
    signal: new AbortController().signal,
    onPhase: async () => undefined,
  };
}

afterEach(async () => {
  // Downloads complete a moment after the outcome: let their listeners finish first.
  await new Promise((r) => setTimeout(r, 20));
  vi.unstubAllGlobals();
});

describe('runExport with volumes', () => {
  it('builds each volume in turn, later ones in a fresh worker, and downloads each', async () => {
    const { downloads } = fakeBrowser();
    const built: { title: string; pages: string[]; fresh: boolean }[] = [];
    const outcome = await runExport(
      run(async (modelJson, _prefs, { freshWorker }) => {
        const model = JSON.parse(modelJson) as ExportModel;
        built.push({ title: model.title, pages: model.pages.map((p) => p.id), fresh: freshWorker });
        return ok({ url: `blob:${built.length}`, bytes: 100 * built.length, warnings: [] });
      }),
    );
    assert(outcome.ok, JSON.stringify(outcome));
    expect(built).toEqual([
      { title: 'Handbook (volume 1 of 3)', pages: ['1'], fresh: false },
      { title: 'Handbook (volume 2 of 3)', pages: ['2'], fresh: true },
      { title: 'Handbook (volume 3 of 3)', pages: ['3'], fresh: true },
    ]);
    expect(downloads).toEqual([1, 2, 3].map((n) => `Handbook (subtree) (volume ${n} of 3).pdf`));
    expect(outcome.value.volumes?.map((v) => [v.fileName, v.downloadId, v.bytes])).toEqual([
      ['Handbook (subtree) (volume 1 of 3).pdf', 1, 100],
      ['Handbook (subtree) (volume 2 of 3).pdf', 2, 200],
      ['Handbook (subtree) (volume 3 of 3).pdf', 3, 300],
    ]);
    expect(outcome.value.fileName).toBe('Handbook (subtree) (volume 1 of 3).pdf');
  });

  it('counts deliver from the last volume built and total from the start, to the last download', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const { complete } = fakeBrowser({ hold: true });
      let builds = 0;
      const outcome = await runExport(
        run(async () => {
          // Each volume takes 100 ms to build.
          vi.advanceTimersByTime(100);
          return ok({ url: `blob:${++builds}`, bytes: 1, warnings: [] });
        }),
      );
      assert(outcome.ok, JSON.stringify(outcome));
      const { timings } = outcome.value;
      vi.advanceTimersByTime(250);
      complete(1);
      complete(2);
      await new Promise((r) => setTimeout(r, 5));
      // Two of three downloads done: neither is known yet.
      expect([timings.deliver, timings.total]).toEqual([undefined, undefined]);
      complete(3);
      await new Promise((r) => setTimeout(r, 5));
      // Three builds of 100 ms, then 250 ms until the last download completed.
      expect([timings.deliver, timings.total]).toEqual([250, 550]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failing volume ends the export naming it; the volumes before it stay downloaded', async () => {
    const { downloads } = fakeBrowser();
    let builds = 0;
    const outcome = await runExport(
      run(async () =>
        ++builds === 2
          ? fail('the PDF build worker stopped: out of memory')
          : ok({ url: `blob:${builds}`, bytes: 1, warnings: [] }),
      ),
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: 'Volume 2 of 3: the PDF build worker stopped: out of memory',
    });
    expect(builds).toBe(2);
    expect(downloads).toEqual(['Handbook (subtree) (volume 1 of 3).pdf']);
  });
});
