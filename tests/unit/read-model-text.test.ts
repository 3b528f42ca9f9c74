// @vitest-environment node
/**
 * modelText: the text a model shows, which the word-recall checks compare with the page. Each
 * node's own text is tested here, so a word the model holds but modelText leaves out (or one it
 * makes up) fails here rather than passing a recall check by accident.
 */
import { describe, expect, it } from 'vitest';
import { inlineText, modelText } from '../../lib/read/model-text';
import type { Block, Inline } from '../../lib/model/types';

const text = (t: string): Inline => ({ type: 'text', text: t });
const heading = (level: 1 | 2 | 3 | 4 | 5 | 6, t: string): Block => ({
  type: 'heading',
  level,
  inlines: [text(t)],
});
const para = (t: string): Block => ({ type: 'paragraph', inlines: [text(t)] });

describe('inlineText', () => {
  it('shows every inline as the layout prints it', () => {
    const inlines: Inline[] = [
      text('a'),
      { type: 'status', text: 'DONE', colour: 'green' },
      { type: 'date', text: '2 Jan' },
      { type: 'emoji', text: '🎯', asset: 'e1' },
      { type: 'mention', name: '@Ana' },
      { type: 'break' },
      { type: 'image', alt: 'Logo' },
      { type: 'image' },
      {
        type: 'link',
        target: { kind: 'url', url: 'https://x.test/url-words' },
        inlines: [text('go')],
      },
      { type: 'anchor', id: 'anchor-words' },
      text('z'),
    ];
    expect(inlineText(inlines)).toBe('aDONE2 Jan🎯@Ana\n Logo  goz');
  });
});

describe('modelText', () => {
  it('puts one block per line, own lines before nested blocks', () => {
    const blocks: Block[] = [
      { type: 'panel', kind: 'info', title: 'Panel title', blocks: [para('in panel')] },
      { type: 'panel', kind: 'note', blocks: [para('untitled panel')] },
      { type: 'code', title: 'Code title', text: 'let x' },
      { type: 'code', text: 'let y' },
      { type: 'expand', title: 'More', blocks: [para('hidden')] },
      { type: 'image', alt: 'Alt', caption: [text('Caption')] },
      { type: 'image', caption: [text('Only caption')] },
      { type: 'image', alt: 'Only alt' },
      { type: 'image' },
      { type: 'quote', blocks: [para('quoted')] },
      { type: 'rule' },
    ];
    expect(modelText(blocks).split('\n')).toEqual([
      'Panel title',
      'in panel',
      'untitled panel',
      'Code title',
      'let x',
      'let y',
      'More',
      'hidden',
      'Alt',
      'Caption',
      'Only caption',
      'Only alt',
      'quoted',
    ]);
  });

  it('repeats the headings a table of contents lists, up to its level, skipping empty ones', () => {
    const blocks: Block[] = [
      { type: 'toc', maxLevel: 2 },
      heading(1, 'Intro'),
      heading(2, 'Scope'),
      heading(3, 'Deep'),
      heading(2, '  '),
      { type: 'quote', blocks: [heading(2, 'Nested')] },
    ];
    expect(modelText(blocks).split('\n')).toEqual([
      'Intro',
      'Scope',
      'Nested',
      'Intro',
      'Scope',
      'Deep',
      '  ',
      'Nested',
    ]);
  });

  it('numbers the entries of an outline table of contents, all levels by default', () => {
    const blocks: Block[] = [
      { type: 'toc', outline: true },
      heading(2, 'A'),
      heading(3, 'B'),
      heading(6, 'C'),
      heading(2, 'D'),
    ];
    expect(modelText(blocks).split('\n').slice(0, 4)).toEqual([
      '1 A',
      '1.1 B',
      '1.1.0.0.1 C',
      '2 D',
    ]);
  });

  it('is empty for no blocks', () => {
    expect(modelText([])).toBe('');
  });
});
