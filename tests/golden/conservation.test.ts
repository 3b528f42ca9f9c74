// @vitest-environment node
/**
 * The conservation check (lib/export/conservation.ts) fires when words do not reach the PDF and
 * stays quiet when they do. Losses are made on purpose: a block removed from the definition
 * after layout (a layout bug), and a block pdfmake itself drops (an unbreakable block taller
 * than a page, upstream issue 2211).
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { buildChecked, looseCopy } from '../../lib/export/build-checked';
import { conservationWarnings } from '../../lib/export/conservation';
import { layoutDocument } from '../../lib/layout/layout-document';
import { LEDGER_KEY } from '../../lib/layout/word-ledger';
import type { Block, ExportModel } from '../../lib/model/types';
import type { PdfEngine } from '../../lib/pdf/build-pdf';
import { createNodeEngine } from '../../lib/pdf/node-engine';
import type { DrawnText } from '../../lib/pdf/renderer/drawn-words';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import type { Warning } from '../../lib/model/types';
import { readPdf } from '../helpers/read-pdf';
import { cell, h, LONG_CODE_LINE, p, sampleModel } from '../helpers/sample-model';

let engine: Promise<PdfEngine> | undefined;

const model = (blocks: Block[], title = 'Ledger page'): ExportModel => ({
  title,
  site: '',
  pages: [{ id: 'ledger', title, url: '', depth: 0, blocks }],
  assets: {},
  warnings: [],
});

const layout = (m: ExportModel): TDocumentDefinitions =>
  layoutDocument(m, { prefs: DEFAULT_PREFS, exportedAt: new Date('2026-01-01') });

async function check(
  dd: TDocumentDefinitions,
  built: TDocumentDefinitions = dd,
): Promise<{ warnings: Warning[]; bytes: Uint8Array }> {
  engine ??= createNodeEngine();
  let drawn: DrawnText | undefined;
  const bytes = await (await engine).build(built, undefined, undefined, (t) => (drawn = t));
  return { warnings: conservationWarnings(dd, drawn), bytes };
}

/** The top-level content node whose runs belong to the block with this first text. */
function indexOfBlock(dd: TDocumentDefinitions, text: string): number {
  const content = dd.content as Content[];
  const index = content.findIndex((node) => JSON.stringify(node).includes(text));
  expect(index).toBeGreaterThan(-1);
  return index;
}

const words = (n: number, tag: string): string =>
  Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ');

describe('conservation check', () => {
  it('finds nothing lost in a document with every block and inline type', async () => {
    const { warnings } = await check(layout(sampleModel()));
    expect(warnings).toEqual([]);
  });

  it('names the block a layout bug dropped: page, nearest heading, first words', async () => {
    const dd = layout(
      model([
        h(2, 'Rollout plan'),
        p('Kept paragraph stays.'),
        p('Dropped paragraph vanishes quietly from the layout.'),
        p('Another kept paragraph.'),
      ]),
    );
    const content = dd.content as Content[];
    content.splice(indexOfBlock(dd, 'Dropped paragraph'), 1);
    const { warnings, bytes } = await check(dd);
    expect((await readPdf(bytes, { images: false })).text).not.toContain('Dropped');
    expect(warnings).toEqual([
      {
        kind: 'words-lost',
        message:
          '7 words of a paragraph on "Ledger page", under "Rollout plan" did not reach the PDF: ' +
          '"Dropped paragraph vanishes quietly from the layout." ' +
          '(missing: dropped paragraph vanishes quietly from the layout)',
      },
    ]);
  });

  it('catches what pdfmake itself drops: an unbreakable block taller than a page', async () => {
    const tall = words(1500, 'tallword');
    const dd = layout(model([p('Before the tall block.'), p(tall), p('After the tall block.')]));
    const content = dd.content as Content[];
    const at = indexOfBlock(dd, 'tallword0 ');
    content[at] = { stack: [content[at] as Content], unbreakable: true };
    const { warnings, bytes } = await check(dd);
    const text = (await readPdf(bytes, { images: false })).text;
    // pdfmake 0.3.11 loses the block without an error: the check is the only one to tell.
    expect(text).not.toContain('tallword0 ');
    expect(text).toContain('After the tall block');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(
      /^1500 words of a paragraph on "Ledger page" did not reach the PDF: "tallword0 tallword1 /,
    );
  });

  it('builds again without keep-together when pdfmake dropped a kept block, and says so', async () => {
    const tall = words(1500, 'tallword');
    const dd = layout(model([p('Before the tall block.'), p(tall), p('After the tall block.')]));
    const content = dd.content as Content[];
    const at = indexOfBlock(dd, 'tallword0 ');
    content[at] = { stack: [content[at] as Content], unbreakable: true };
    engine ??= createNodeEngine();
    const { bytes, report, loosened } = await buildChecked(await engine, dd);
    expect(loosened).toBe(true);
    expect(report.lost).toBe(0);
    expect(report.warnings).toEqual([
      {
        kind: 'layout-loosened',
        message:
          '1500 words would have been lost in blocks kept together on one page; the PDF was ' +
          'typeset again without keeping blocks together.',
      },
    ]);
    const text = (await readPdf(bytes, { images: false })).text;
    expect(text).toContain('tallword0 ');
    expect(text).toContain('tallword1499');
  });

  it('loose copy: no keep-together or repeated headers at any depth, functions kept', () => {
    const footer = (): string => 'f';
    const dd = {
      content: [
        { stack: [{ text: 'a' }], unbreakable: true },
        {
          table: {
            headerRows: 1,
            keepWithHeaderRows: 1,
            dontBreakRows: true,
            body: [[{ table: { headerRows: 2, body: [[{ text: 'b' }]] } }]],
          },
        },
      ],
      footer,
    } as unknown as TDocumentDefinitions;
    const loose = looseCopy(dd);
    expect(loose.content).toEqual([
      { stack: [{ text: 'a' }] },
      { table: { body: [[{ table: { body: [[{ text: 'b' }]] } }]] } },
    ]);
    expect(loose.footer).toBe(footer);
    // The original is untouched.
    expect((dd.content as { unbreakable?: boolean }[])[0]?.unbreakable).toBe(true);
  });

  it('keeps the first build when nothing was lost', async () => {
    engine ??= createNodeEngine();
    const { report, loosened } = await buildChecked(
      await engine,
      layout(model([p('Nothing to lose here.')])),
    );
    expect({ loosened, lost: report.lost, owed: report.owed, warnings: report.warnings }).toEqual({
      loosened: false,
      lost: 0,
      // The page title (2 words) and the paragraph (4).
      owed: 6,
      warnings: [],
    });
  });

  it('counts words broken over lines, right-to-left text and table cells as kept', async () => {
    const dd = layout(
      model([
        p(LONG_CODE_LINE),
        { type: 'code', text: `${LONG_CODE_LINE}\nsecond line`, language: 'js' },
        p('أتمنى لك يوما سعيدا في إلى العمل ٢٠٢٤ و 2024'),
        p('שלום עולם בשנת 2024 למדנו'),
        {
          type: 'table',
          headerRows: 1,
          rows: [
            [cell('Name', { header: true }), cell('Value', { header: true })],
            [cell('alpha'), cell(words(400, 'cellword'))],
          ],
        },
      ]),
    );
    const { warnings } = await check(dd);
    expect(warnings).toEqual([]);
  });

  it('stamps the ledger id on the runs of every block', () => {
    const dd = layout(model([p('First.'), h(2, 'Second'), p('Third.')]));
    const ids = new Set<number>();
    JSON.stringify(dd.content, (key, value: unknown) => {
      if (key === LEDGER_KEY && typeof value === 'number') ids.add(value);
      return value;
    });
    // The page title (1) and the three blocks.
    expect([...ids].sort()).toEqual([1, 2, 3, 4]);
  });

  it('says so when it cannot check: a definition layout did not make', async () => {
    const { warnings } = await check({ content: [{ text: 'Hand-made definition' }] });
    expect(warnings).toEqual([
      { kind: 'words-unchecked', message: 'The PDF could not be checked for lost words.' },
    ]);
  });

  it('names 20 blocks one by one and sums up the rest', async () => {
    const blocks = Array.from({ length: 25 }, (_, i) => p(`Block${i} lost words here`));
    const dd = layout(model(blocks));
    const kept: Content[] = [];
    for (const node of dd.content as Content[]) {
      if (!JSON.stringify(node).includes('lost words here')) kept.push(node);
    }
    const built = { ...dd, content: kept };
    const { warnings } = await check(dd, built);
    expect(warnings).toHaveLength(21);
    expect(warnings[0]?.message).toContain('"Block0 lost words here"');
    expect(warnings[20]).toEqual({
      kind: 'words-lost',
      message: '20 more words of 5 more blocks did not reach the PDF.',
    });
  });
});
