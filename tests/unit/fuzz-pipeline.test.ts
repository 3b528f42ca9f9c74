// @vitest-environment node
/**
 * Fuzz test of the whole pipeline: mutated real markup (the sample Confluence's pages in both
 * renderings, the hostile corpus, and ../shared/confluence-samples when present) goes through
 * findContentRoot -> readPage -> layoutDocument -> pdfmake. No exception may escape and every
 * build must finish within a generous bound. Fixed seed: a failure names its case and replays.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, test } from 'vitest';
import { layoutDocument } from '../../lib/layout/layout-document';
import type { ExportModel } from '../../lib/model/types';
import { createNodeEngine } from '../../lib/pdf/node-engine';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import { findContentRoot } from '../../lib/read/find-content-root';
import { readPage } from '../../lib/read/read-page';
import { PAGES } from '../sample-confluence/content/registry';
import { HOSTILE_CASES } from '../sample-confluence/hostile/cases';
import { renderCloud } from '../sample-confluence/render-cloud';
import { renderView } from '../sample-confluence/render-view';

const SEED = 20250315;
const CASES = 60;
const BOUND_MS = 20_000;

/** mulberry32: a tiny seeded PRNG, good enough to pick mutations reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Source {
  name: string;
  html: string;
}

const SITES = {
  dcOrigin: 'http://127.0.0.1:1',
  cloudOrigin: 'http://127.0.0.1:2',
  mediaOrigin: 'http://127.0.0.1:3',
};
const view = (body: string): string =>
  `<!DOCTYPE html><html><body><div id="main-content" class="wiki-content">${body}</div></body></html>`;

const SHARED = join(import.meta.dirname, '../../../shared/confluence-samples');
const shared: Source[] = ['view', 'cloud-dom'].flatMap((folder) => {
  const dir = join(SHARED, folder);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .map((f) => ({ name: `${folder}/${f}`, html: readFileSync(join(dir, f), 'utf8') }))
    : [];
});
const sources: Source[] = [
  ...PAGES.flatMap((page) => [
    {
      name: `sample dc/${page.title}`,
      html: view(renderView({ flavour: 'dc', sites: SITES, page })),
    },
    {
      name: `sample cloud/${page.title}`,
      html: `<!DOCTYPE html><html><body>${renderCloud({ flavour: 'cloud', sites: SITES, page })}</body></html>`,
    },
  ]),
  // Large and 10,000-deep bodies are too big to mutate (jsdom itself overflows detaching them);
  // the e2e test exports them whole.
  ...HOSTILE_CASES.filter(
    (c) => !['huge-text-node', 'twenty-mb', 'deep-nesting'].includes(c.slug),
  ).map((c) => ({
    name: `hostile/${c.slug}`,
    html: view(c.body({ foreign: 'http://127.0.0.2:9', prefix: '' })),
  })),
  ...shared,
];

type Mutation = (doc: Document, rnd: () => number) => string;

const pick = <T>(list: readonly T[], rnd: () => number): T | undefined =>
  list[Math.floor(rnd() * list.length)];
const elements = (doc: Document): Element[] =>
  Array.from(doc.body.querySelectorAll('*')).filter((e) => e !== doc.body);

const MUTATIONS: Record<string, Mutation> = {
  delete(doc, rnd) {
    const el = pick(elements(doc), rnd);
    el?.remove();
    return `delete <${el?.tagName.toLowerCase()}>`;
  },
  duplicate(doc, rnd) {
    const el = pick(elements(doc), rnd);
    if (el) el.after(el.cloneNode(true));
    return `duplicate <${el?.tagName.toLowerCase()}>`;
  },
  swap(doc, rnd) {
    const all = elements(doc);
    const a = pick(all, rnd);
    const b = pick(all, rnd);
    if (!a || !b || a === b || a.contains(b) || b.contains(a)) return 'swap (skipped)';
    const mark = doc.createComment('swap');
    a.replaceWith(mark);
    b.replaceWith(a);
    mark.replaceWith(b);
    return `swap <${a.tagName.toLowerCase()}> <${b.tagName.toLowerCase()}>`;
  },
  attributes(doc, rnd) {
    const names = [
      'colspan',
      'rowspan',
      'data-macro-name',
      'data-node-type',
      'class',
      'style',
      'href',
      'src',
      'data-layout',
      'width',
      'data-panel-type',
      'data-colwidth',
    ];
    const values = [
      '0',
      '-1',
      '99999',
      'NaN',
      '',
      'javascript:alert(1)',
      'table',
      'code',
      'expand',
      'panel',
      'media',
      'width:-5px;color:red',
      'a b c',
      '1e308',
      '\u0000',
    ];
    let n = 0;
    for (let i = 0; i < 8; i++) {
      const el = pick(elements(doc), rnd);
      const name = pick(names, rnd);
      const value = pick(values, rnd);
      if (el && name && value !== undefined) {
        el.setAttribute(name, value);
        n++;
      }
    }
    return `${n} random attributes`;
  },
  nest(doc, rnd) {
    const el = pick(elements(doc), rnd);
    if (!el) return 'nest (skipped)';
    const tag =
      pick(['div', 'ul', 'li', 'blockquote', 'table', 'span', 'strong', 'td'], rnd) ?? 'div';
    // The wrappers are chained while detached and put in place once: wrapping the attached
    // element level by level costs jsdom time quadratic in the depth (minutes at 1,000).
    const outer = doc.createElement(tag);
    let innermost = outer;
    for (let i = 1; i < 400 + Math.floor(rnd() * 800); i++) {
      const wrap = doc.createElement(tag);
      innermost.append(wrap);
      innermost = wrap;
    }
    el.replaceWith(outer);
    innermost.append(el);
    return `nest in <${tag}> many deep`;
  },
  hugeText(doc, rnd) {
    const el = pick(elements(doc), rnd) ?? doc.body;
    el.append(doc.createTextNode('fuzz '.repeat(20_000 + Math.floor(rnd() * 40_000))));
    return `huge text in <${el.tagName.toLowerCase()}>`;
  },
  colspans(doc, rnd) {
    for (const cell of Array.from(doc.querySelectorAll('td, th')))
      if (rnd() < 0.5) {
        cell.setAttribute('colspan', String(pick([0, -2, 3, 50, 1000, 65534], rnd)));
        cell.setAttribute('rowspan', String(pick([0, -1, 2, 40, 9999], rnd)));
      }
    return 'weird colspans';
  },
};

function truncate(html: string, rnd: () => number): string {
  return html.slice(0, Math.floor(html.length * (0.1 + 0.8 * rnd())));
}

interface Outcome {
  name: string;
  mutations: string[];
  ms: number;
  pdfBytes: number;
}
const outcomes: Outcome[] = [];

describe('fuzzed markup through read, layout and PDF build', () => {
  const engine = createNodeEngine();
  const rnd = prng(SEED);
  const plan = Array.from({ length: CASES }, (_, i) => {
    const source = pick(sources, rnd) ?? sources[0];
    if (!source) throw new Error('no sources');
    return { i, source, seed: Math.floor(rnd() * 2 ** 31), count: 1 + Math.floor(rnd() * 4) };
  });

  test.each(plan)(
    'case $i: $source.name',
    async ({ i, source, seed, count }) => {
      const r = prng(seed);
      const applied: string[] = [];
      let html = source.html;
      if (r() < 0.2) {
        html = truncate(html, r);
        applied.push('truncated HTML');
      }
      const doc = new JSDOM(html, { url: 'http://127.0.0.1:1/display/DOC/Fuzz' }).window.document;
      for (let k = 0; k < count; k++) {
        const [name, mutate] = pick(Object.entries(MUTATIONS), r) ?? [];
        if (name && mutate) applied.push(mutate(doc, r));
      }
      if (process.env.FUZZ_VERBOSE) console.log(`case ${i}: ${applied.join(', ')}`);
      const started = Date.now();
      const run = async (): Promise<Uint8Array> => {
        const found = findContentRoot(doc);
        const read = found
          ? readPage(found.root, { pageUrl: doc.URL, markup: found.markup, pageId: '1' })
          : { blocks: [], warnings: [] };
        const model: ExportModel = {
          title: `Fuzz ${i}`,
          site: 'http://127.0.0.1:1',
          pages: [{ id: '1', title: `Fuzz ${i}`, url: doc.URL, depth: 0, blocks: read.blocks }],
          assets: {},
          warnings: read.warnings,
        };
        const definition = layoutDocument(model, {
          prefs: DEFAULT_PREFS,
          exportedAt: new Date('2025-03-15T12:00:00Z'),
        });
        return (await engine).build(definition);
      };
      const bytes = await run();
      const ms = Date.now() - started;
      outcomes.push({
        name: `${i} ${source.name}`,
        mutations: applied,
        ms,
        pdfBytes: bytes.length,
      });
      expect(bytes.length).toBeGreaterThan(500);
      expect(ms).toBeLessThan(BOUND_MS);
    },
    120_000,
  );

  afterAll(() => {
    const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(
      `fuzz: ${outcomes.length}/${CASES} cases built (seed ${SEED}, ${shared.length} shared samples); slowest:\n` +
        slowest.map((o) => `  ${o.ms} ms  ${o.name}  [${o.mutations.join(', ')}]`).join('\n'),
    );
  });
});
