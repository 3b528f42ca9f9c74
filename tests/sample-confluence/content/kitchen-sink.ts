import { b, code, i, link, page, type Block, type PageDef } from './dsl.ts';

const LONG_LINE =
  'const query = ' +
  JSON.stringify(
    Array.from({ length: 12 }, (_, n) => `field_${String(n).padStart(2, '0')}=value`).join('&'),
  ) +
  '; // ' +
  'x'.repeat(300);

const WIDE_HEADER = Array.from({ length: 14 }, (_, n) => `Col ${n + 1}`);
const WIDE_ROWS = [1, 2, 3].map((r) => Array.from({ length: 14 }, (_, c) => `R${r}C${c + 1}`));

const headings: Block[] = [
  { h: 1, text: 'Heading level 1' },
  { h: 2, text: 'Heading level 2' },
  { h: 3, text: 'Heading level 3' },
  { h: 4, text: 'Heading level 4' },
  { h: 5, text: 'Heading level 5' },
  { h: 6, text: 'Heading level 6' },
];

const text: Block[] = [
  { h: 2, text: 'Text and marks' },
  {
    p: [
      'Plain, ',
      b('bold'),
      ', ',
      i('italic'),
      ', ',
      { text: 'underline', marks: ['u'] },
      ', ',
      { text: 'strike', marks: ['s'] },
      ', ',
      code('inline code'),
      ', H',
      { text: '2', marks: ['sub'] },
      'O, E=mc',
      { text: '2', marks: ['sup'] },
      ', ',
      { text: 'red text', colour: '#de350b' },
      ', ',
      { text: 'highlighted', highlight: '#fff0b3' },
      ', ',
      { text: 'bold italic', marks: ['b', 'i'] },
      '.',
    ],
  },
  { p: ['First line', { br: true }, 'second line after a break', { br: true }, 'third line.'] },
  { p: 'This paragraph is centred.', align: 'center' },
  { p: 'This paragraph is right-aligned.', align: 'right' },
  {
    p: [
      'External ',
      link('https://www.atlassian.com/software/confluence', 'Confluence'),
      ', same-page ',
      { anchor: 'Tables', body: ['jump to Tables'] },
      ', other page ',
      page('Architecture Overview'),
      ', other page with anchor ',
      { page: 'Release Process', anchor: 'Steps', body: ['release steps'] },
      '.',
    ],
  },
];

const lists: Block[] = [
  { h: 2, text: 'Lists' },
  { ul: ['Apples', 'Pears', ['Plums with ', b('bold')]] },
  { ol: ['Third', 'Fourth', 'Fifth'], start: 3 },
  {
    ul: [
      {
        text: 'Level 1',
        sub: {
          ul: [{ text: 'Level 2', sub: { ul: [{ text: 'Level 3', sub: { ul: ['Level 4'] } }] } }],
        },
      },
      'Level 1 again',
    ],
  },
  {
    ol: [
      {
        text: 'Numbered parent',
        sub: {
          ul: [
            'Bullet child',
            { text: 'Bullet with numbered children', sub: { ol: ['one', 'two'] } },
          ],
        },
      },
      'Numbered sibling',
    ],
  },
  { h: 3, text: 'Tasks and decisions' },
  {
    tasks: [
      { done: true, text: 'A finished task' },
      { done: false, text: ['An open task due ', { date: '2025-01-31' }] },
    ],
  },
  { decisions: ['We store dates in UTC', ['We use ', code('pnpm'), ' workspaces']] },
];

const tables: Block[] = [
  { h: 2, text: 'Tables' },
  {
    table: {
      header: true,
      widths: [120, 200, 200],
      rows: [
        ['Header A', 'Header B', 'Header C'],
        [
          { body: 'Spans two rows', rowspan: 2, bg: '#deebff' },
          { body: 'Spans two columns', colspan: 2 },
        ],
        [
          { body: 'Green cell', bg: '#e3fcef' },
          { body: 'Red cell', bg: '#ffebe6' },
        ],
        [{ body: 'Row header', th: true }, 'plain', [b('bold'), ' in a cell']],
      ],
    },
  },
  {
    table: {
      header: true,
      numbered: true,
      rows: [
        ['Step', 'Owner'],
        ['Plan', 'Alice'],
        ['Build', 'Bram'],
        ['Ship', 'Chen'],
      ],
    },
  },
  {
    table: {
      rows: [
        [
          'Outer cell',
          {
            body: [
              { p: 'Outer cell with a nested table:' },
              {
                table: {
                  header: true,
                  rows: [
                    ['Inner 1', 'Inner 2'],
                    ['a', 'b'],
                  ],
                },
              },
            ],
          },
        ],
      ],
    },
  },
  { table: { header: true, rows: [WIDE_HEADER, ...WIDE_ROWS] } },
];

const codeAndPanels: Block[] = [
  { h: 2, text: 'Code blocks' },
  {
    code: {
      lang: 'java',
      title: 'Hello.java',
      lineNumbers: true,
      text: 'public class Hello {\n  public static void main(String[] args) {\n    System.out.println("Hello, <world> & friends");\n  }\n}\n',
    },
  },
  { code: { lang: 'javascript', title: 'A very long line', text: LONG_LINE + '\n' } },
  { code: { lang: 'text', text: 'plain text block\n  indented line\n' } },
  { h: 2, text: 'Panels' },
  { panel: { kind: 'info', blocks: [{ p: 'Info panel.' }] } },
  { panel: { kind: 'note', title: 'Note title', blocks: [{ p: 'Note panel.' }] } },
  { panel: { kind: 'warning', blocks: [{ p: 'Warning panel.' }] } },
  { panel: { kind: 'tip', blocks: [{ p: 'Tip panel.' }] } },
  { panel: { kind: 'success', blocks: [{ p: 'Success panel.' }] } },
  { panel: { kind: 'error', blocks: [{ p: 'Error panel.' }] } },
  {
    panel: {
      kind: 'custom',
      bg: '#eae6ff',
      emoji: 'bulb',
      title: 'Custom panel',
      blocks: [{ p: 'Custom panel with a purple background.' }, { ul: ['with', 'a list'] }],
    },
  },
  { h: 2, text: 'Expand' },
  {
    expand: {
      title: 'Click to expand',
      blocks: [
        { p: 'Hidden content.' },
        { expand: { title: 'Nested expand', blocks: [{ p: 'Deeply hidden content.' }] } },
      ],
    },
  },
];

const inlineNodes: Block[] = [
  { h: 2, text: 'Inline nodes' },
  {
    p: [
      'Status: ',
      { status: 'To do', colour: 'grey' },
      ' ',
      { status: 'In progress', colour: 'blue' },
      ' ',
      { status: 'Done', colour: 'green' },
      ' ',
      { status: 'At risk', colour: 'yellow' },
      ' ',
      { status: 'Blocked', colour: 'red' },
      ' ',
      { status: 'New', colour: 'purple' },
    ],
  },
  {
    p: [
      'Mentions: ',
      { mention: 'amoreau' },
      ' and ',
      { mention: 'cwei' },
      '. Date: ',
      { date: '2024-12-24' },
      '. Emoji: ',
      { emoji: 'smile' },
      ' ',
      { emoji: 'thumbsup' },
      ' ',
      { emoji: 'warning' },
      ' ',
      { emoji: 'tick' },
    ],
  },
  {
    p: [
      'Smart link: ',
      {
        smartLink: 'https://github.com/atlassian/adf-builder-javascript',
        title: 'atlassian/adf-builder-javascript',
      },
      '. Jira: ',
      {
        jira: {
          key: 'OPS-142',
          summary: 'Rotate TLS certificates before expiry',
          status: 'In Progress',
          colour: 'blue',
        },
      },
      ' and ',
      {
        jira: {
          key: 'OPS-97',
          summary: 'Migrate backups to the second region',
          status: 'Done',
          colour: 'green',
        },
      },
    ],
  },
];

const macros: Block[] = [
  { h: 2, text: 'Macros' },
  { h: 3, text: 'Page properties' },
  {
    properties: [
      ['Owner', [{ mention: 'bokafor' }]],
      ['Status', [{ status: 'Draft', colour: 'yellow' }]],
      ['Due', [{ date: '2025-03-01' }]],
    ],
  },
  { h: 3, text: 'Excerpt' },
  { excerpt: [{ p: ['This page shows ', b('every construct'), ' the exporter must handle.'] }] },
  { h: 3, text: 'Attachments' },
  { attachments: true },
  { h: 3, text: 'Third-party macro' },
  {
    macro: {
      name: 'acme-roadmap',
      title: 'Acme Roadmap',
      text: 'Roadmap: Q1 discovery, Q2 beta, Q3 general availability.',
    },
  },
  {
    quote: [
      { p: ['A blockquote. ', b('With bold inside.')] },
      { p: 'Second paragraph of the quote.' },
    ],
  },
  { hr: true },
];

const layouts: Block[] = [
  { h: 2, text: 'Layouts' },
  {
    layout: {
      kind: 'two-equal',
      columns: [[{ p: 'Left column of two.' }], [{ p: 'Right column of two.' }]],
    },
  },
  {
    layout: {
      kind: 'three-equal',
      columns: [
        [{ p: 'Column one of three.' }],
        [{ p: 'Column two of three.' }],
        [{ p: 'Column three of three.' }],
      ],
    },
  },
  {
    layout: {
      kind: 'two-right-sidebar',
      columns: [
        [{ p: 'Main column beside a sidebar.' }],
        [{ panel: { kind: 'info', blocks: [{ p: 'Sidebar column.' }] } }],
      ],
    },
  },
];

const images: Block[] = [
  { h: 2, text: 'Images' },
  {
    img: {
      file: 'architecture-diagram.png',
      width: 640,
      alt: 'PNG diagram',
      caption: 'A PNG attachment',
      align: 'center',
    },
  },
  { img: { file: 'datacentre-photo.jpg', width: 320, alt: 'JPEG photo' } },
  { img: { file: 'build-status.gif', alt: 'Animated GIF' } },
  { img: { file: 'offprint-logo.svg', width: 400, alt: 'SVG logo' } },
  { externalImg: { url: '/static/banner.png', alt: 'External banner', width: 600 } },
  { img: { file: 'missing-diagram.png', alt: 'Broken image' } },
];

export const KITCHEN_SINK: PageDef = {
  id: 1400,
  title: 'Kitchen Sink',
  parent: 1000,
  author: 'jdoe',
  updated: '2024-12-01T12:00:00.000Z',
  version: 42,
  labels: ['test', 'kitchen-sink'],
  attachments: [
    'architecture-diagram.png',
    'datacentre-photo.jpg',
    'build-status.gif',
    'offprint-logo.svg',
    'review-checklist.txt',
  ],
  blocks: [
    { toc: true },
    ...headings,
    ...text,
    ...lists,
    ...tables,
    ...codeAndPanels,
    ...inlineNodes,
    ...macros,
    ...layouts,
    ...images,
  ],
};
