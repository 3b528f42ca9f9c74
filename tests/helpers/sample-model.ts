/** Hand-made export models covering every block and inline type, for layout and PDF tests. */
import type {
  Block,
  ExportModel,
  Inline,
  Marks,
  PageModel,
  TableCell,
} from '../../lib/model/types';
import { pngDataUrl, svgDataUrl } from './images';

export const t = (text: string, marks?: Marks): Inline =>
  marks ? { type: 'text', text, marks } : { type: 'text', text };
export const p = (...inlines: (Inline | string)[]): Block => ({
  type: 'paragraph',
  inlines: inlines.map((i) => (typeof i === 'string' ? t(i) : i)),
});
export const h = (level: 1 | 2 | 3 | 4 | 5 | 6, text: string, anchor?: string): Block => ({
  type: 'heading',
  level,
  inlines: [t(text)],
  ...(anchor !== undefined ? { anchor } : {}),
});
export const cell = (text: string, extra: Partial<TableCell> = {}): TableCell => ({
  blocks: [p(text)],
  colspan: 1,
  rowspan: 1,
  header: false,
  ...extra,
});

/** A 300-character line without spaces (a long token must wrap, not be clipped). */
export const LONG_CODE_LINE =
  'const x = "' +
  Array.from({ length: 287 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('') +
  '";';

/** 14 header texts of a wide table. */
export const WIDE_HEADERS = Array.from(
  { length: 14 },
  (_, i) => `Column${String(i + 1).padStart(2, '0')}Heading`,
);

export function widePage(id = 'wide'): PageModel {
  return {
    id,
    title: 'Wide table page',
    url: `https://acme.atlassian.net/wiki/spaces/ENG/pages/${id}`,
    spaceKey: 'ENG',
    depth: 1,
    blocks: [
      p('Before the wide table.'),
      {
        type: 'table',
        headerRows: 1,
        rows: [
          WIDE_HEADERS.map((hd) => cell(hd, { header: true })),
          ...Array.from({ length: 3 }, (_, r) =>
            WIDE_HEADERS.map((_hd, c) => cell(`r${r + 1}c${c + 1} value${r}${c}`)),
          ),
        ],
      },
      p('After the wide table.'),
    ],
  };
}

/** Two pages (root + child) using every block and inline type. */
export function sampleModel(): ExportModel {
  const root: PageModel = {
    id: '100',
    title: 'Engineering Handbook',
    url: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/100',
    spaceKey: 'ENG',
    depth: 0,
    author: 'Ada Lovelace',
    updated: '2025-03-14T10:00:00Z',
    blocks: [
      { type: 'toc' },
      h(1, 'Introduction', 'Introduction'),
      p(
        'Plain text, ',
        t('bold', { bold: true }),
        ', ',
        t('italic', { italic: true }),
        ', ',
        t('underlined', { underline: true }),
        ', ',
        t('struck', { strike: true }),
        ', ',
        t('inlineCode()', { code: true }),
        ', E=mc',
        t('2', { sup: true }),
        ', H',
        t('2', { sub: true }),
        'O, ',
        t('red text', { colour: '#de350b' }),
        ', ',
        t('highlighted', { background: 'rgb(255, 240, 179)' }),
        '.',
      ),
      p(
        'Links: ',
        {
          type: 'link',
          target: { kind: 'url', url: 'https://example.com/docs' },
          inlines: [t('external site')],
        },
        ', ',
        {
          type: 'link',
          target: { kind: 'anchor', anchor: 'Details' },
          inlines: [t('jump to details')],
        },
        ', ',
        { type: 'link', target: { kind: 'page', pageId: '200' }, inlines: [t('child page')] },
        ', ',
        {
          type: 'link',
          target: { kind: 'page', pageId: '999', url: 'https://acme.atlassian.net/wiki/x/999' },
          inlines: [t('page outside export')],
        },
        ', ',
        {
          type: 'link',
          target: { kind: 'url', url: 'javascript:alert(1)' },
          inlines: [t('unsafe link')],
        },
        '.',
      ),
      p(
        'Status ',
        { type: 'status', text: 'In progress', colour: 'blue' },
        ' mention ',
        { type: 'mention', name: '@Grace Hopper' },
        ' date ',
        { type: 'date', text: '14 Mar 2025' },
        ' emoji ',
        { type: 'emoji', text: ':smile:' },
        { type: 'break' },
        'after break',
      ),
      { type: 'paragraph', align: 'center', inlines: [t('Centred paragraph')] },
      h(2, 'Lists'),
      {
        type: 'list',
        ordered: false,
        items: [
          [p('Bullet one')],
          [
            p('Bullet two'),
            {
              type: 'list',
              ordered: true,
              start: 3,
              items: [[p('Nested three')], [p('Nested four')]],
            },
          ],
        ],
      },
      {
        type: 'tasks',
        items: [
          { done: true, blocks: [p('Task done')] },
          { done: false, blocks: [p('Task open')] },
        ],
      },
      {
        type: 'decisions',
        items: [{ state: 'decided', blocks: [p('Decision made')] }],
      },
      h(2, 'Details', 'Details'),
      {
        type: 'table',
        headerRows: 1,
        widths: [0.25, 1, 2, 1],
        // Confluence's numbered tables carry their numbers as cells of their own.
        numbered: true,
        rows: [
          [
            cell('', { header: true }),
            cell('Name', { header: true }),
            cell('Description', { header: true }),
            cell('Owner', { header: true }),
          ],
          [
            cell('1'),
            cell('Alpha', { rowspan: 2, background: '#deebff' }),
            cell('First row'),
            cell('Ann'),
          ],
          [cell('2'), cell('Spans two columns', { colspan: 2 })],
          [cell('3'), cell('Short row')],
          [
            cell('4'),
            cell('Nested'),
            {
              blocks: [
                { type: 'table', headerRows: 0, rows: [[cell('inner A'), cell('inner B')]] },
              ],
              colspan: 1,
              rowspan: 5,
              header: false,
            },
            cell('Zed'),
          ],
        ],
      },
      {
        type: 'code',
        language: 'typescript',
        title: 'example.ts',
        text: 'function greet(name: string) {\n\treturn `Hello ${name}`;\n}\n' + LONG_CODE_LINE,
      },
      {
        type: 'code',
        lineNumbers: true,
        text: 'let a = 1;\nlet b = 2;',
        tokens: [
          { text: 'let', colour: '#0052cc', bold: true },
          { text: ' a = ' },
          { text: '1', colour: '#de350b' },
          { text: ';\n' },
          { text: 'let', colour: '#0052cc', bold: true },
          { text: ' b = 2;' },
        ],
      },
    ],
  };
  const child: PageModel = {
    id: '200',
    title: 'Child Page',
    url: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/200',
    spaceKey: 'ENG',
    depth: 1,
    author: 'Grace Hopper',
    blocks: [
      h(1, 'Panels'),
      { type: 'panel', kind: 'info', title: 'Info title', blocks: [p('Info panel body')] },
      { type: 'panel', kind: 'note', blocks: [p('Note panel body')] },
      { type: 'panel', kind: 'warning', blocks: [p('Warning panel body')] },
      { type: 'panel', kind: 'error', blocks: [p('Error panel body')] },
      { type: 'panel', kind: 'success', blocks: [p('Success panel body')] },
      { type: 'panel', kind: 'custom', colour: '#eae6ff', blocks: [p('Custom panel body')] },
      { type: 'expand', title: 'Expand title', blocks: [p('Expanded content')] },
      { type: 'quote', blocks: [p('Quoted words')] },
      { type: 'rule' },
      h(2, 'Images'),
      { type: 'image', asset: 'png1', width: 200, caption: [t('PNG caption')], align: 'center' },
      { type: 'image', asset: 'svg1', width: 120 },
      {
        type: 'image',
        src: 'https://acme.atlassian.net/download/attachments/200/missing%20diagram.png?version=1',
      },
      p('Inline image ', { type: 'image', asset: 'png2', width: 16 }, ' in text'),
      {
        type: 'columns',
        widths: [1, 2],
        columns: [[p('Left column')], [p('Right column')]],
      },
      { type: 'pageBreak' },
      { type: 'unsupported', name: 'jira-issues', blocks: [p('Macro fallback text')] },
      p('Footnote ref', {
        type: 'link',
        target: { kind: 'anchor', anchor: 'fn1' },
        inlines: [t('1', { sup: true })],
      }),
      { type: 'footnotes', items: [{ id: 'fn1', blocks: [p('Footnote text')] }] },
    ],
  };
  return {
    title: 'Engineering Handbook',
    site: 'https://acme.atlassian.net/wiki',
    pages: [root, child],
    assets: {
      png1: {
        mime: 'image/png',
        dataUrl: pngDataUrl(160, 90),
        width: 160,
        height: 90,
        sourceUrl: 'https://acme/png1.png',
      },
      png2: {
        mime: 'image/png',
        dataUrl: pngDataUrl(16, 16),
        width: 16,
        height: 16,
        sourceUrl: 'https://acme/png2.png',
      },
      svg1: {
        mime: 'image/svg+xml',
        dataUrl: svgDataUrl(),
        width: 120,
        height: 60,
        sourceUrl: 'https://acme/a.svg',
      },
    },
    warnings: [],
  };
}
