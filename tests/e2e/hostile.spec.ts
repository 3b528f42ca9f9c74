import type { CDPSession, Page } from '@playwright/test';
import { qpdfCheck, readPdf, squash } from '../helpers/read-pdf';
import { CANARY, HOSTILE_CASES, INVALID_HOST } from '../sample-confluence/hostile/cases';
import { startForeignHost, type ForeignHost } from '../sample-confluence/hostile/foreign';
import { hostilePagePath } from '../sample-confluence/hostile/routes';
import { ExtensionHarness } from './harness/extension';
import { expect, test as base, type SampleSite } from './harness/sample';

/**
 * The hostile-page corpus (tests/sample-confluence/hostile/) exported through the real toolbar
 * button, on both sample sites. One Chromium for the whole file; each case checks that the export
 * ends well (a valid PDF, or a clear message), that no script ran in any extension context, that
 * nothing was requested outside the sample Confluence during the export, and that no dangerous or
 * tracking link reaches the PDF.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no test-scoped fixtures
const test = base.extend<{}, { browser1: ExtensionHarness; foreign: ForeignHost; cdp: CDPSession }>(
  {
    foreign: [
      // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
      async ({}, use) => {
        const host = await startForeignHost();
        await use(host);
        await host.close();
      },
      { scope: 'worker' },
    ],
    browser1: [
      async ({ sample }, use) => {
        const harness = await ExtensionHarness.launch();
        const page = await harness.context.newPage();
        for (const site of ['dc', 'cloud'] as const) await page.goto(sample.loginUrl(site));
        await page.close();
        await use(harness);
        await harness.close();
      },
      { scope: 'worker' },
    ],
    cdp: [
      async ({ browser1 }, use) => {
        const browser = browser1.context.browser();
        if (!browser) throw new Error('no browser behind the persistent context');
        await use(await browser.newBrowserCDPSession());
      },
      { scope: 'worker' },
    ],
  },
);

interface Row {
  site: SampleSite;
  slug: string;
  outcome: string;
  pdfPages: number | string;
  warnings: number | string;
  pageLoadBeacons: number;
  exportEgress: number;
  seconds: string;
}
const rows: Row[] = [];

const DANGEROUS_LINK = /^\s*(javascript|data|vbscript|file):/i;

/** Evaluates `expression` in the offscreen document (if one is open) through CDP. */
async function evaluateInOffscreen(cdp: CDPSession, expression: string): Promise<unknown> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.url.endsWith('/offscreen.html'));
  if (!target) return 'no offscreen document';
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  try {
    return await new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('offscreen evaluate timed out')), 10_000);
      const onMessage = (event: { sessionId: string; message: string }): void => {
        const reply = JSON.parse(event.message) as {
          id?: number;
          result?: { result?: { value?: unknown; type?: string } };
        };
        if (event.sessionId !== sessionId || reply.id !== 1) return;
        clearTimeout(timer);
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        const result = reply.result?.result;
        resolve(result?.type === 'undefined' ? undefined : result?.value);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({
          id: 1,
          method: 'Runtime.evaluate',
          params: { expression, returnByValue: true },
        }),
      });
    });
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

/** The canary in the content script's isolated world of `page`'s tab (activeTab still applies). */
async function canaryInIsolatedWorld(ext: ExtensionHarness, page: Page): Promise<unknown> {
  return ext.worker.evaluate(
    async ({ url, canary }) => {
      const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
      const [tab] = await api.tabs.query({ url });
      if (tab?.id === undefined) return 'no tab';
      const [result] = await api.scripting.executeScript({
        target: { tabId: tab.id },
        func: (name: string) => typeof (globalThis as Record<string, unknown>)[name],
        args: [canary],
      });
      return result?.result;
    },
    { url: page.url(), canary: CANARY },
  );
}

for (const site of ['dc', 'cloud'] as const) {
  for (const hostile of HOSTILE_CASES) {
    test(`${site}: hostile page "${hostile.slug}" exports safely`, async ({
      browser1: ext,
      sample,
      foreign,
      cdp,
    }) => {
      test.setTimeout(180_000);
      const origin = site === 'dc' ? sample.dcUrl : sample.cloudUrl;
      const page = await ext.context.newPage();
      const hitsBefore = foreign.hits.length;
      try {
        await page.goto(origin + hostilePagePath(site, hostile), { timeout: 60_000 });
        await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);

        // The export window starts here: what the page loaded before is the browser showing it.
        const start = Date.now();
        const loadBeacons = foreign.hits.length - hitsBefore;
        ext.requests.length = 0;
        const { outcome, file } = await ext.exportViaAction(page);
        const seconds = ((Date.now() - start) / 1000).toFixed(1);
        await new Promise((r) => setTimeout(r, 300));
        const egress = [
          ...ext.foreignRequests(sample.origins).map((r) => `${r.url} (from ${r.from})`),
          ...foreign.hits.filter((h) => h.at >= start).map((h) => `${foreign.origin}${h.url}`),
        ];
        const row: Row = {
          site,
          slug: hostile.slug,
          outcome: outcome.ok ? 'PDF' : `failed: ${outcome.error}`,
          pdfPages: '-',
          warnings: outcome.ok ? outcome.value.warnings.length : '-',
          pageLoadBeacons: loadBeacons,
          exportEgress: egress.length,
          seconds,
        };
        rows.push(row);

        // No script ran in any extension context.
        expect(
          await ext.worker.evaluate(
            (name) => typeof (globalThis as Record<string, unknown>)[name],
            CANARY,
          ),
        ).toBe('undefined');
        const offscreen = await evaluateInOffscreen(cdp, `typeof globalThis.${CANARY}`);
        // Chrome builds every PDF in the offscreen document, so it exists once an export ran.
        expect(offscreen).toBe(outcome.ok ? 'undefined' : offscreen);
        expect(['undefined', 'no offscreen document']).toContain(offscreen);
        expect(await canaryInIsolatedWorld(ext, page)).toBe('undefined');

        // Zero egress during the export.
        expect(egress, egress.join('\n')).toEqual([]);

        if (!outcome.ok) {
          // A refusal must be a sentence for a person, not a stack trace or "undefined".
          expect(outcome.error).toMatch(/^[A-Z][^\n]{10,300}$/);
          expect(outcome.error).not.toMatch(/undefined|\[object|at \w+ \(/);
          return;
        }
        if (!file) throw new Error('no file for a successful export');
        const check = qpdfCheck(file.bytes);
        if (check) expect(check.ok, check.output).toBe(true);
        const pdf = await readPdf(file.bytes);
        row.pdfPages = pdf.pages.length;
        if (hostile.marker) expect(squash(pdf.text)).toContain(squash(hostile.marker));

        const links = pdf.pages.flatMap((p) => p.links.map((l) => l.url)).filter(Boolean);
        const foreignHost = new URL(foreign.origin).host;
        for (const url of links) {
          expect(url).not.toMatch(DANGEROUS_LINK);
          expect(url).not.toContain(foreignHost);
          expect(url).not.toContain(INVALID_HOST);
        }
      } finally {
        await page.close();
      }
    });
  }
}

test('after the hostile corpus a normal page still exports', async ({ browser1: ext, sample }) => {
  const page = await ext.context.newPage();
  await page.goto(sample.pageUrl('dc', 'Architecture Overview'));
  ext.requests.length = 0;
  const { outcome, file } = await ext.exportViaAction(page);
  expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  if (!file) return;
  const pdf = await readPdf(file.bytes);
  expect(pdf.text).toContain('Architecture Overview');
  expect(ext.foreignRequests(sample.origins)).toEqual([]);
  await page.close();
});

test.afterAll(() => {
  if (rows.length === 0) return;
  console.log('\nHostile corpus: outcome per case');
  console.table(rows);
});
