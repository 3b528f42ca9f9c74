import { test as base } from '@playwright/test';
import { pageByTitle } from '../../sample-confluence/content/registry';
import { startSampleConfluence } from '../../sample-confluence/server';
import { pagePath } from '../../sample-confluence/urls';
import { ExtensionHarness } from './extension';

export type SampleSite = 'dc' | 'cloud';

export interface Sample {
  dcUrl: string;
  cloudUrl: string;
  /** Every origin that belongs to the sample Confluence (DC, Cloud, Cloud's media service). */
  origins: string[];
  pageUrl(site: SampleSite, title: string): string;
  loginUrl(site: SampleSite): string;
  setFaults: Awaited<ReturnType<typeof startSampleConfluence>>['setFaults'];
}

/** Playwright fixtures: the sample Confluence per worker, a fresh extension-loaded Chromium per test. */
export const test = base.extend<{ ext: ExtensionHarness }, { sample: Sample }>({
  sample: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const server = await startSampleConfluence({});
      const origin = (site: SampleSite): string => (site === 'dc' ? server.dcUrl : server.cloudUrl);
      await use({
        dcUrl: server.dcUrl,
        cloudUrl: server.cloudUrl,
        origins: [server.dcUrl, server.cloudUrl, server.mediaUrl].map((u) => new URL(u).origin),
        pageUrl(site, title) {
          const page = pageByTitle(title);
          if (!page) throw new Error(`no sample page titled ${title}`);
          return origin(site) + pagePath(site, page);
        },
        loginUrl: (site) =>
          site === 'dc' ? `${server.dcUrl}/login` : `${server.cloudUrl}/wiki/login`,
        setFaults: server.setFaults.bind(server),
      });
      await server.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  ext: async ({}, use) => {
    const harness = await ExtensionHarness.launch();
    await use(harness);
    await harness.close();
  },
});

export { expect } from '@playwright/test';
