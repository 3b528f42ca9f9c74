// @vitest-environment jsdom
/**
 * A page tree's read must not wait on timers: Chrome runs a background tab's timers once a
 * second at most, so one `setTimeout` per page made exports crawl while the user looked at
 * another tab. With every timer frozen, the read still completes.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { snapshotSubtree } from '../../lib/confluence/snapshot-subtree';
import type { ConfluenceApi, RestPage } from '../../lib/confluence/rest/types';

const PAGES = 40;

const api: ConfluenceApi = {
  deployment: 'datacenter',
  siteBase: 'https://wiki.example.com',
  async getPage(id: string): Promise<RestPage> {
    return {
      id,
      title: `Page ${id}`,
      webUrl: `https://wiki.example.com/pages/viewpage.action?pageId=${id}`,
      exportViewHtml: `<p>Body of ${id}</p>`,
      type: 'page',
    };
  },
  async *children(id: string) {
    if (id === '0') for (let n = 1; n < PAGES; n++) yield { id: String(n), title: `Page ${n}` };
  },
  async getSummary(id: string) {
    return { id, title: `Page ${id}` };
  },
  async findByTitle() {
    return undefined;
  },
};

afterEach(() => {
  vi.useRealTimers();
});

it('reads a tree of 40 pages with every timer frozen', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'setImmediate'] });
  const model = await snapshotSubtree(api, '0', {
    concurrency: 4,
    signal: new AbortController().signal,
    sanitise: (html) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      return div;
    },
    readPage: (root) => ({
      blocks: [{ type: 'paragraph', inlines: [{ type: 'text', text: root.textContent ?? '' }] }],
      images: {},
      warnings: [],
      stats: { handled: {}, fallback: {} },
    }),
  });
  expect(model.pages).toHaveLength(PAGES);
  expect(model.pages[PAGES - 1]?.blocks).toEqual([
    { type: 'paragraph', inlines: [{ type: 'text', text: `Body of ${PAGES - 1}` }] },
  ]);
}, 10_000);
