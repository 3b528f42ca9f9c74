// @vitest-environment node
/**
 * Every text role of a PDF prints every script as glyphs: a purpose-built document per role
 * (code block, inline code, table cell, heading, header and footer, cover, contents, caption,
 * status lozenge, appendix, ...) holds Japanese, Chinese, Korean, Arabic, Hebrew, Greek,
 * Cyrillic and emoji text. Building it must draw no .notdef glyph (tests/helpers/notdef.ts)
 * and pdfjs must read the text back.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutDocument } from '../../lib/layout/layout-document';
import type { Block, ExportModel, Inline, Marks } from '../../lib/model/types';
import type { PdfEngine } from '../../lib/pdf/build-pdf';
import { createNodeEngine } from '../../lib/pdf/node-engine';
import { DEFAULT_PREFS, type Prefs } from '../../lib/prefs/schema';
import { EXPORTED_AT } from '../helpers/build-pdf';
import { takeNotdefs, watchNotdef } from '../helpers/notdef';
import { readPdf } from '../helpers/read-pdf';

/** One word or phrase per script; the Arabic word has no ligature, so pdfjs reads it as typed. */
const SAMPLES = {
  japanese: 'こんにちは、世界。カタカナ',
  chinese: '你好世界',
  korean: '안녕하세요',
  arabic: 'مرحبا',
  hebrew: 'שלום',
  greek: 'Καλημέρα',
  cyrillic: 'Привет',
  emoji: '👋🎉👩‍💻🇯🇵1️⃣❤️',
};
const MIXED = Object.values(SAMPLES).join(' ');

/** What pdfjs gives back, compared without whitespace, emoji selectors and joiners. */
const squash = (s: string): string => s.normalize('NFC').replace(/[\s\ufe0f\u200d]/g, '');

const text = (t: string, marks?: Marks): Inline =>
  marks ? { type: 'text', text: t, marks } : { type: 'text', text: t };
const para = (...inlines: Inline[]): Block => ({ type: 'paragraph', inlines });
const cell = (blocks: Block[], header = false) => ({ blocks, colspan: 1, rowspan: 1, header });

function model(
  blocks: Block[],
  extra: Partial<ExportModel> = {},
  title = 'Plain title',
): ExportModel {
  return {
    title,
    site: 'https://example.atlassian.net/wiki',
    pages: [{ id: '1', title, url: 'https://example.atlassian.net/wiki/x', depth: 0, blocks }],
    assets: {},
    warnings: [],
    ...extra,
  };
}

const NO_CHROME: Partial<Prefs> = {
  headerTemplate: '',
  footerTemplate: '',
  cover: false,
  toc: false,
};

interface Role {
  name: string;
  model: ExportModel;
  prefs?: Partial<Prefs>;
  /** The text the PDF must read back (default: MIXED). */
  expect?: string;
}

const ROLES: Role[] = [
  { name: 'paragraph', model: model([para(text(MIXED))]) },
  {
    name: 'code block',
    model: model([
      { type: 'code', text: `{"ja": "こんにちは"}\n# 👋\n${MIXED}`, language: 'json' },
    ]),
    expect: `{"ja": "こんにちは"} # 👋 ${MIXED}`,
  },
  {
    name: 'code block with line numbers and colour tokens',
    model: model([
      {
        type: 'code',
        text: `x = "${MIXED}"`,
        tokens: [{ text: 'x = ' }, { text: `"${MIXED}"`, colour: '#a31515', bold: true }],
        lineNumbers: true,
      },
    ]),
    expect: `x = "${MIXED}"`,
  },
  { name: 'code block title', model: model([{ type: 'code', text: 'x', title: MIXED }]) },
  { name: 'inline code', model: model([para(text(MIXED, { code: true }))]) },
  {
    name: 'bold italic inline code',
    model: model([para(text(MIXED, { code: true, bold: true, italic: true }))]),
  },
  {
    name: 'table cells',
    model: model([
      {
        type: 'table',
        headerRows: 1,
        rows: [[cell([para(text(`H ${MIXED}`))], true)], [cell([para(text(`B ${MIXED}`))])]],
      },
    ]),
    expect: `H ${MIXED} B ${MIXED}`,
  },
  { name: 'heading', model: model([{ type: 'heading', level: 2, inlines: [text(MIXED)] }]) },
  {
    name: 'header and footer',
    model: model([para(text('body'))]),
    prefs: { headerTemplate: `H ${MIXED}`, footerTemplate: `F ${MIXED}` },
    expect: `H ${MIXED}`,
  },
  {
    name: 'cover',
    model: model([para(text('body'))], { title: MIXED }),
    prefs: { ...NO_CHROME, cover: true },
  },
  {
    name: 'page title and author line',
    model: {
      ...model([para(text('body'))], {}, MIXED),
      pages: [
        {
          id: '1',
          title: MIXED,
          url: 'https://example.atlassian.net/wiki/x',
          depth: 0,
          author: MIXED,
          blocks: [para(text('body'))],
        },
      ],
    },
    prefs: { metadataLine: true },
    expect: `${MIXED} By ${MIXED}`,
  },
  {
    name: 'contents',
    model: model([{ type: 'heading', level: 1, inlines: [text(MIXED)] }], {}, `T ${MIXED}`),
    prefs: { ...NO_CHROME, toc: true },
    expect: `T ${MIXED}`,
  },
  {
    name: 'image caption and placeholder',
    model: model([{ type: 'image', src: `${SAMPLES.japanese}.png`, caption: [text(MIXED)] }]),
  },
  {
    name: 'status lozenge',
    model: model([para({ type: 'status', text: MIXED, colour: 'green' })]),
    expect: MIXED.toUpperCase(),
  },
  {
    name: 'mention, date and emoji inlines',
    model: model([
      para(
        { type: 'mention', name: SAMPLES.japanese },
        { type: 'date', text: SAMPLES.chinese },
        { type: 'emoji', text: SAMPLES.emoji },
      ),
    ]),
    expect: `${SAMPLES.japanese}${SAMPLES.chinese}${SAMPLES.emoji}`,
  },
  {
    name: 'list item, quote, panel and expand titles',
    model: model([
      { type: 'list', ordered: false, items: [[para(text(`L ${MIXED}`))]] },
      { type: 'quote', blocks: [para(text(`Q ${MIXED}`))] },
      { type: 'panel', kind: 'info', title: `P ${MIXED}`, blocks: [para(text('p'))] },
      { type: 'expand', title: `E ${MIXED}`, blocks: [para(text('e'))] },
    ]),
    expect: `L ${MIXED} Q ${MIXED} P ${MIXED} p ▾ E ${MIXED}`,
  },
  {
    name: 'table of contents macro',
    model: model([{ type: 'toc' }, { type: 'heading', level: 2, inlines: [text(MIXED)] }]),
  },
  {
    name: 'appendix of pages not exported',
    model: model([para(text('body'))], {
      warnings: [{ kind: 'page-skipped', message: `S ${MIXED}` }],
    }),
    expect: `S ${MIXED}`,
  },
  {
    name: 'watermark',
    model: model([para(text('body'))]),
    prefs: { watermarkText: 'Draft 草稿' },
    expect: 'Draft 草稿',
  },
  {
    name: 'watermark in scripts no one font has',
    model: model([para(text('body'))]),
    prefs: { watermarkText: MIXED },
    expect: 'body',
  },
  {
    name: 'body font DejaVu Sans Mono',
    model: model([para(text(MIXED)), { type: 'heading', level: 1, inlines: [text(MIXED)] }]),
    prefs: { fontFamily: 'Mono' },
    expect: `${MIXED} ${MIXED}`,
  },
];

let engine: PdfEngine;

beforeAll(async () => {
  watchNotdef();
  engine = await createNodeEngine();
}, 60_000);

describe.each(ROLES)('$name', (role) => {
  let dd: TDocumentDefinitions;
  let notdefs: string[];
  let pdfText: string;

  beforeAll(async () => {
    takeNotdefs();
    dd = layoutDocument(role.model, {
      prefs: { ...DEFAULT_PREFS, ...NO_CHROME, ...role.prefs },
      exportedAt: EXPORTED_AT,
    });
    const bytes = await engine.build(dd);
    notdefs = takeNotdefs();
    pdfText = (await readPdf(bytes)).text;
  }, 60_000);

  it('draws no .notdef glyph', () => {
    expect(notdefs).toEqual([]);
  });

  it('reads back the text as typed', () => {
    expect(squash(pdfText)).toContain(squash(role.expect ?? MIXED));
  });
});
