import type { Page } from '@playwright/test';
import { qpdfCheck, readPdf, squash } from '../helpers/read-pdf';
import { exportedFile } from './harness/extension';
import { expect, test, type SampleSite } from './harness/sample';

/**
 * Texts of the content's headings and paragraphs as the browser has them (not our model). The
 * first match is the page body: Cloud renders comments with the same renderer further down.
 */
async function visibleTexts(page: Page, root: string): Promise<string[]> {
  return page.$eval(root, (content) =>
    [...content.querySelectorAll('h1,h2,h3,h4,h5,h6,p')]
      .filter((el) => !el.closest('[aria-hidden="true"], script, style'))
      .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter((text) => text.length > 0),
  );
}

/**
 * Page texts without the running header (the page title, the default template) and footer
 * (`{page} / {pages}`): up to two first and last lines of a page when they are exactly that.
 */
function withoutRunningLines(pages: readonly string[], title: string): string {
  return pages
    .map((page) => {
      const lines = page.split('\n');
      const running = (line: string | undefined): boolean =>
        line !== undefined && (line.trim() === title || /^\d+ \/ \d+$/.test(line.trim()));
      // pdf.js reads them where they are drawn in the content: first or last.
      for (let i = 0; i < 2 && running(lines[0]); i++) lines.shift();
      for (let i = 0; i < 2 && running(lines.at(-1)); i++) lines.pop();
      return lines.join('\n');
    })
    .join('\n');
}

/** Whitespace- and case-insensitive: lozenges are upper-cased by CSS on the page and in the PDF. */
const normal = (text: string): string => squash(text).toLowerCase();

const ROOTS: Record<SampleSite, string> = {
  dc: '#main-content.wiki-content',
  cloud: '.ak-renderer-document',
};

for (const site of ['dc', 'cloud'] as const) {
  for (const title of ['Architecture Overview', 'Kitchen Sink']) {
    test(`${site}: the toolbar button exports "${title}" with all its text, images and links`, async ({
      ext,
      sample,
    }) => {
      const page = await ext.context.newPage();
      await page.goto(sample.loginUrl(site));
      await page.goto(sample.pageUrl(site, title));
      await page.waitForLoadState('load');
      const expectedTexts = await visibleTexts(page, ROOTS[site]);
      const imageCount = await page.$eval(
        ROOTS[site],
        (content) =>
          [...content.querySelectorAll('img')].filter(
            (img) =>
              (img as HTMLImageElement).naturalWidth > 0 &&
              // SVG is embedded as vector graphics, not as an image XObject.
              !/svg/i.test(
                img.closest('[data-file-mime-type]')?.getAttribute('data-file-mime-type') ??
                  img.getAttribute('data-linked-resource-content-type') ??
                  (img as HTMLImageElement).currentSrc.split('?')[0] ??
                  '',
              ) &&
              !img.classList.contains('emoji') &&
              !img.classList.contains('emoticon') &&
              !img.closest('[data-emoji-short-name]'),
          ).length,
      );
      const externalLinks = await page.$eval(ROOTS[site], (content) =>
        [...content.querySelectorAll('a[href^="http"]')].map((a) => (a as HTMLAnchorElement).href),
      );
      ext.requests.length = 0;

      const { file } = exportedFile(await ext.exportViaAction(page));
      expect(file.fileName).toBe(`${title}.pdf`);

      const pdf = await readPdf(file.bytes);
      // A paragraph broken across pages has the running footer and header between its lines.
      const text = normal(
        withoutRunningLines(
          pdf.pages.map((pg) => pg.text),
          title,
        ),
      );
      expect(expectedTexts.length).toBeGreaterThan(5);
      for (const expected of expectedTexts) expect(text).toContain(normal(expected));

      const embedded = pdf.pages.reduce((sum, p) => sum + p.imageCount, 0);
      expect(embedded).toBeGreaterThanOrEqual(imageCount);
      expect(imageCount).toBeGreaterThan(0);

      const pdfUrls = pdf.pages.flatMap((p) => p.links.map((l) => l.url)).filter(Boolean);
      const externals = externalLinks.filter(
        (href) => !sample.origins.includes(new URL(href).origin),
      );
      // Both pages link outside the site.
      expect(externals.length).toBeGreaterThan(0);
      for (const href of externals) expect(pdfUrls).toContain(href);

      const check = qpdfCheck(file.bytes);
      expect(check.ok, check.output).toBe(true);

      // Zero egress: every request during the export went to the sample Confluence.
      expect(ext.foreignRequests(sample.origins)).toEqual([]);
      expect(ext.requests.length).toBeGreaterThan(0);
    });
  }
}

test('on a tab that is not Confluence the button says so and nothing breaks', async ({
  ext,
  sample,
}) => {
  const page = await ext.context.newPage();
  await page.goto(`${sample.dcUrl}/robots.txt`);
  const { outcome } = await ext.exportViaAction(page);
  expect(outcome).toMatchObject({ ok: false, code: 'not-confluence' });
  const badge = await ext.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const [tab] = await api.tabs.query({ active: true });
    return api.action.getBadgeText({ tabId: tab?.id ?? -1 });
  });
  expect(badge).toBe('N/A');

  // The extension still works for the next export.
  await page.goto(sample.loginUrl('dc'));
  await page.goto(sample.pageUrl('dc', 'Architecture Overview'));
  const next = await ext.exportViaAction(page);
  expect(next.outcome.ok).toBe(true);
});
