// @vitest-environment jsdom
/**
 * One colour parser for reading and layout (lib/model/colour.ts): every CSS colour form a page
 * gives becomes `#rrggbb`, with alpha blended onto white when the page is read.
 */
import { describe, expect, it } from 'vitest';
import { modelColour } from '../../lib/model/colour';
import type { ParagraphBlock } from '../../lib/model/types';
import { readPage } from '../../lib/read/read-page';

describe('modelColour', () => {
  it.each([
    ['#DEEBFF', '#deebff'],
    ['#abc', '#aabbcc'],
    ['rgb(255, 240, 179)', '#fff0b3'],
    ['rgb(300, 0, 0)', '#ff0000'],
    ['rgba(9, 30, 66, 0.08)', '#ebedf0'],
    ['rgba(9 30 66 / 8%)', '#ebedf0'],
    ['#00000080', '#808080'],
    ['hsl(0, 100%, 50%)', '#ff0000'],
    ['red', '#ff0000'],
    ['DarkRed', '#8b0000'],
    ['var(--ds-text-accent-red, #ae2e24)', '#ae2e24'],
    ['var(--ds-a, var(--ds-b, #0052cc))', '#0052cc'],
    ['#FF5630 !important', '#ff5630'],
    ['transparent', undefined],
    ['rgba(1, 2, 3, 0)', undefined],
    ['var(--ds-background)', undefined],
    ['currentcolor', undefined],
    ['inherit', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s -> %s', (input, expected) => expect(modelColour(input)).toBe(expected));

  it('is the identity on what it returns (layout re-checks model colours with it)', () => {
    for (const c of ['#ebedf0', '#ae2e24', '#000000', '#ffffff']) expect(modelColour(c)).toBe(c);
  });
});

describe('reading blends a translucent colour onto white', () => {
  it('keeps a faint highlight faint instead of dropping its alpha', () => {
    const doc = new DOMParser().parseFromString(
      '<div class="wiki-content"><p><span style="background-color: rgba(9, 30, 66, 0.08)">' +
        'tinted</span></p></div>',
      'text/html',
    );
    const root = doc.querySelector('.wiki-content');
    expect(root).not.toBeNull();
    const read = readPage(root as Element, { pageUrl: 'https://wiki.example/x', markup: 'view' });
    const paragraph = read.blocks[0] as ParagraphBlock;
    expect(paragraph.inlines).toEqual([
      { type: 'text', text: 'tinted', marks: { background: '#ebedf0' } },
    ]);
  });
});
