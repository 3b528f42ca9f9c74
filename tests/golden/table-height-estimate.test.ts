// @vitest-environment node
/**
 * The table height estimate (lib/layout/content-height.ts) decides what is kept with a table's
 * header: it must never come out below what pdfmake really lays out, or a kept block taller than
 * a page would be dropped. Each table is built, laid out by the real engine and measured back.
 */
import { describe, expect, it } from 'vitest';
import { tableRowHeights } from '../../lib/layout/content-height';
import { layoutDocument } from '../../lib/layout/layout-document';
import type { Block, ExportModel, TableBlock } from '../../lib/model/types';
import { createNodeEngine } from '../../lib/pdf/node-engine';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import { readPdf } from '../helpers/read-pdf';
import { cell, p } from '../helpers/sample-model';

/** Table words all start with "q" and a letter, so the page title is never measured. */
const text = (tag: string, n: number, every = 0, long = ''): string =>
  Array.from({ length: n }, (_, i) =>
    every && i % every === 0 ? `q${tag}${long}${i}` : `q${tag}${i}`,
  ).join(' ');
const TABLE_WORD = /\bq[a-z]/;

const row = (...cells: string[]) => cells.map((c) => cell(c));

const CASES: { name: string; block: TableBlock }[] = [
  {
    name: 'two columns of plain text',
    block: { type: 'table', headerRows: 0, rows: [row(text('a', 150), text('b', 40))] },
  },
  {
    name: 'a bold header row',
    block: {
      type: 'table',
      headerRows: 1,
      rows: [
        [cell(text('h', 60), { header: true }), cell(text('i', 10), { header: true })],
        row('qx1', 'qy1'),
      ],
    },
  },
  {
    name: 'seven narrow columns with long unbreakable ids',
    block: {
      type: 'table',
      headerRows: 0,
      rows: [
        row(
          ...Array.from({ length: 7 }, (_, c) =>
            text(String.fromCharCode(97 + c), 25, 4, 'Z'.repeat(30)),
          ),
        ),
      ],
    },
  },
  {
    name: 'twelve columns at a reduced font size',
    block: {
      type: 'table',
      headerRows: 0,
      rows: [
        Array.from({ length: 12 }, (_, c) => cell(`qcolumnheading${c}`, { header: true })),
        Array.from({ length: 12 }, (_, c) => cell(text(String.fromCharCode(97 + c), 12))),
      ],
    },
  },
  {
    name: 'a list, a code block and a nested table in cells',
    block: {
      type: 'table',
      headerRows: 0,
      rows: [
        [
          {
            ...cell(''),
            blocks: [
              {
                type: 'list',
                ordered: false,
                items: Array.from({ length: 12 }, (_, i) => [p(text(`l`, 6 + i))]),
              },
            ],
          },
          {
            ...cell(''),
            blocks: [
              {
                type: 'code',
                text: Array.from(
                  { length: 10 },
                  (_, i) => `qcode${i} = qvalue${i} + ${'qlong'.repeat(i)}`,
                ).join('\n'),
              },
              {
                type: 'table',
                headerRows: 0,
                rows: [
                  row(text('n', 20), text('o', 5), text('r', 9)),
                  row('qs1', text('t', 30), 'qu1'),
                ],
              },
            ],
          },
        ],
      ],
    },
  },
];

describe('table height estimate', () => {
  const enginePromise = createNodeEngine();
  it.each(CASES)('is never below the laid-out height: $name', async ({ block }) => {
    const blocks: Block[] = [block];
    const model: ExportModel = {
      title: 'Estimate',
      site: '',
      pages: [{ id: 'e', title: 'Estimate', url: '', depth: 0, blocks }],
      assets: {},
      warnings: [],
    };
    const prefs = { ...DEFAULT_PREFS, headerTemplate: '', footerTemplate: '' };
    const dd = layoutDocument(model, { prefs, exportedAt: new Date('2026-01-01') });
    const find = (n: unknown): Record<string, unknown> | undefined => {
      if (!n || typeof n !== 'object') return undefined;
      const node = n as Record<string, unknown>;
      if (node.table && String(node.layout).startsWith('offprintTable')) return node;
      for (const v of Object.values(node)) {
        const found = find(v);
        if (found) return found;
      }
      return undefined;
    };
    const node = find(dd.content);
    expect(node).toBeDefined();
    const fontSize = typeof node?.fontSize === 'number' ? node.fontSize : prefs.fontSize;
    const font = { fontSize, lineHeight: 1.25, bold: false, mono: false };
    const estimate = tableRowHeights(node ?? {}, 480, font, dd.styles ?? {}).reduce(
      (a, h) => a + h,
      0,
    );

    const pdf = await readPdf(await (await enginePromise).build(dd), { images: false });
    // One page holds the whole table (a wide one is on a landscape page of its own).
    const tablePages = pdf.pages.filter((pg) => pg.items.some((i) => TABLE_WORD.test(i.str)));
    expect(tablePages).toHaveLength(1);
    const items = tablePages[0]?.items.filter((i) => TABLE_WORD.test(i.str)) ?? [];
    const top = Math.max(...items.map((i) => i.y + i.size));
    const bottom = Math.min(...items.map((i) => i.y - i.size * 0.3));
    const laidOut = top - bottom;
    expect(laidOut).toBeGreaterThan(30);
    expect(estimate).toBeGreaterThanOrEqual(laidOut);
    // Generous, not useless: a short first row must still be kept with its header.
    expect(estimate).toBeLessThan(laidOut * 2);
  });
});
