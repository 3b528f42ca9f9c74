/**
 * The model's one tree walk (lib/model/block-tree.ts) and the walks built on it: every
 * container's children in document order, asset references at any depth, and the texts the
 * recall check (modelText) and the conservation ledger (blockText) count.
 */
import { describe, expect, it } from 'vitest';
import { blockText } from '../../lib/layout/word-ledger';
import { walkBlocks } from '../../lib/model/block-tree';
import type { Block, Inline } from '../../lib/model/types';
import { forEachAssetRef } from '../../lib/read/asset-refs';
import { modelText } from '../../lib/read/model-text';

const p = (...inlines: (string | Inline)[]): Block => ({
  type: 'paragraph',
  inlines: inlines.map((i) => (typeof i === 'string' ? { type: 'text', text: i } : i)),
});

/** One of every container, each holding a paragraph named after where it stands. */
const TREE: Block[] = [
  { type: 'list', ordered: false, items: [[p('list1')], [p('list2')]] },
  { type: 'tasks', items: [{ done: false, blocks: [p('task')] }] },
  { type: 'decisions', items: [{ state: 'decided', blocks: [p('decision')] }] },
  {
    type: 'table',
    headerRows: 0,
    rows: [
      [
        { blocks: [p('cellA')], colspan: 1, rowspan: 1, header: false },
        { blocks: [p('cellB')], colspan: 1, rowspan: 1, header: false },
      ],
    ],
  },
  { type: 'panel', kind: 'info', title: 'PanelTitle', blocks: [p('panel')] },
  { type: 'expand', title: 'ExpandTitle', blocks: [p('expand')] },
  { type: 'quote', blocks: [p('quote')] },
  { type: 'section', orientation: 'landscape', blocks: [p('section')] },
  { type: 'unsupported', name: 'x', blocks: [p('unsupported')] },
  { type: 'columns', columns: [[p('col1')], [p('col2')]] },
  { type: 'footnotes', items: [{ id: 'f1', blocks: [p('footnote')] }] },
];

describe('walkBlocks', () => {
  it('visits every container’s children, each block before its children', () => {
    const seen: string[] = [];
    walkBlocks(TREE, (b) => {
      if (b.type !== 'paragraph') seen.push(b.type);
      else if (b.inlines[0]?.type === 'text') seen.push(b.inlines[0].text);
    });
    expect(seen).toEqual([
      ...['list', 'list1', 'list2', 'tasks', 'task', 'decisions', 'decision'],
      ...['table', 'cellA', 'cellB', 'panel', 'panel', 'expand', 'expand', 'quote', 'quote'],
      ...['section', 'section', 'unsupported', 'unsupported', 'columns', 'col1', 'col2'],
      ...['footnotes', 'footnote'],
    ]);
  });
});

describe('forEachAssetRef', () => {
  it('finds image blocks, and image and emoji inlines in captions and links at any depth', () => {
    const blocks: Block[] = [
      {
        type: 'section',
        orientation: 'portrait',
        blocks: [
          {
            type: 'image',
            asset: 'a-block',
            caption: [{ type: 'emoji', text: '🙂', asset: 'a-caption-emoji' }],
          },
          {
            type: 'table',
            headerRows: 0,
            rows: [
              [
                {
                  colspan: 1,
                  rowspan: 1,
                  header: false,
                  blocks: [
                    p({
                      type: 'link',
                      target: { kind: 'url', url: 'https://x.example' },
                      inlines: [{ type: 'image', asset: 'a-linked-image' }],
                    }),
                  ],
                },
              ],
            ],
          },
          { type: 'image' },
          p({ type: 'emoji', text: ':x:' }),
        ],
      },
    ];
    const found: string[] = [];
    forEachAssetRef(blocks, (node) => found.push(node.asset));
    expect(found).toEqual(['a-block', 'a-caption-emoji', 'a-linked-image']);
  });
});

describe('texts built on the walk', () => {
  const panel: Block = {
    type: 'panel',
    kind: 'note',
    title: 'Heads up',
    blocks: [
      p('smile', { type: 'emoji', text: 'drawn', asset: 'e1' }, { type: 'emoji', text: 'typed' }),
      p({ type: 'image', asset: 'i1', alt: 'inlinealt' }, { type: 'mention', name: 'Ana' }),
      { type: 'image', asset: 'i2', alt: 'blockalt', caption: [{ type: 'text', text: 'Caption' }] },
      { type: 'code', title: 'CodeTitle', text: 'print()' },
    ],
  };

  it('blockText: no words for pictured emoji, inline images or alt text; captions and code titles count', () => {
    expect(blockText(panel)).toBe(
      ['Heads up', 'smiletyped', '  Ana ', 'Caption', 'CodeTitle', 'print()'].join('\n'),
    );
  });

  it('modelText: the model’s text, alt texts and emoji included', () => {
    expect(modelText([panel])).toBe(
      [
        'Heads up',
        'smiledrawntyped',
        ' inlinealt Ana',
        'blockalt',
        'Caption',
        'CodeTitle',
        'print()',
      ].join('\n'),
    );
  });
});
