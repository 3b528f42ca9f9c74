// @vitest-environment node
/**
 * The word ledger, the layout's side of the conservation check: the ids it stamps on text runs,
 * the words each block owes (its own, not its children's), the heading it stands under, and the
 * text each model node draws. A word missed here is a word the check never asks the PDF for.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../lib/model/types';
import {
  attachLedger,
  blockText,
  countWords,
  inlinesText,
  LEDGER_KEY,
  ledgerOf,
  WordLedger,
  wordsOf,
} from '../../lib/layout/word-ledger';

const text = (t: string): Inline => ({ type: 'text', text: t });
const para = (t: string): Block => ({ type: 'paragraph', inlines: [text(t)] });
const heading = (t: string): Block => ({ type: 'heading', level: 2, inlines: [text(t)] });
const owed = (ledger: WordLedger, id: number) =>
  Object.fromEntries(ledger.owedWords().get(id) ?? new Map());

describe('wordsOf and countWords', () => {
  it('splits on anything but letters, digits and combining marks, lower-cased', () => {
    expect(wordsOf('Hello, World! 42x — ÉTÉ_1')).toEqual(['hello', 'world', '42x', 'été', '1']);
  });

  it('keeps combining marks in their word and normalises to NFC', () => {
    const decomposed = 'cafe\u0301 nai\u0308ve';
    expect(wordsOf(decomposed)).toEqual(['café', 'naïve']);
    expect(wordsOf('क्षत्रिय')).toEqual(['क्षत्रिय']);
  });

  it('has no words in punctuation and space', () => {
    expect(wordsOf(' — , . ')).toEqual([]);
  });

  it('counts each word', () => {
    expect(Object.fromEntries(countWords('a B a b c'))).toEqual({ a: 2, b: 2, c: 1 });
  });
});

describe('inlinesText', () => {
  it('draws text, dates, statuses, mentions and link text; nothing for emoji pictures', () => {
    const inlines: Inline[] = [
      text('one'),
      { type: 'date', text: '2025-01-02' },
      { type: 'status', text: 'DONE', colour: 'green' },
      { type: 'mention', name: '@Ana Lima' },
      {
        type: 'link',
        target: { kind: 'url', url: 'https://x.test/hidden' },
        inlines: [text('two')],
      },
      { type: 'emoji', text: ':pic:', asset: 'a1' },
      { type: 'emoji', text: '🎯' },
      { type: 'break' },
      text('three'),
      { type: 'image', alt: 'alt words', asset: 'i1' },
      text('four'),
      { type: 'anchor', id: 'anchor-id' },
      text('five'),
    ];
    expect(inlinesText(inlines)).toBe('one2025-01-02DONE @Ana Lima two🎯\nthree four five');
  });

  it('is empty for no inlines', () => {
    expect(inlinesText([])).toBe('');
  });
});

describe('blockText', () => {
  it('draws own lines before nested blocks: captions, code and panel titles, expand titles', () => {
    const block: Block = {
      type: 'panel',
      kind: 'info',
      title: 'Panel title',
      blocks: [
        { type: 'code', title: 'Code title', text: 'let x' },
        { type: 'expand', title: 'More', blocks: [para('inside')] },
        { type: 'image', caption: [text('Caption')], alt: 'not drawn' } as Block,
        { type: 'image', alt: 'no caption' } as Block,
        { type: 'quote', blocks: [heading('Quoted')] },
        { type: 'rule' },
      ],
    };
    expect(blockText(block)).toBe('Panel title\nCode title\nlet x\nMore\ninside\nCaption\nQuoted');
  });

  it('draws an empty line for a panel or code block without a title', () => {
    expect(blockText({ type: 'panel', kind: 'note', blocks: [para('a')] })).toBe('\na');
    expect(blockText({ type: 'code', text: 'b' })).toBe('\nb');
  });
});

describe('WordLedger', () => {
  it('numbers blocks from 1 and stamps runs no child claimed', () => {
    const ledger = new WordLedger();
    const outer = ledger.enter({ type: 'quote', blocks: [para('inner words')] }, 'Page');
    const inner = ledger.enter(para('inner words'), 'Page');
    expect([outer, inner]).toEqual([1, 2]);
    const innerRun: Record<string, unknown> = { text: 'inner words' };
    ledger.close(inner, { text: [innerRun] });
    const ownRun: Record<string, unknown> = { text: 'quote mark' };
    const laid = ledger.close(outer, { stack: [{ text: [innerRun] }, { text: [ownRun] }] });
    expect(innerRun[LEDGER_KEY]).toBe(2);
    expect(ownRun[LEDGER_KEY]).toBe(1);
    expect(laid).toEqual({ stack: [{ text: [innerRun] }, { text: [ownRun] }] });
  });

  it('records each block under the block it was entered in, and none after it closed', () => {
    const ledger = new WordLedger();
    const a = ledger.enter({ type: 'quote', blocks: [] }, 'P');
    const b = ledger.enter(para('b'), 'P');
    ledger.close(b, {});
    const c = ledger.enter(para('c'), 'P');
    ledger.close(c, {});
    ledger.close(a, {});
    const d = ledger.enter(para('d'), 'P');
    expect([...ledger.entries].map(([id, e]) => [id, e.parent])).toEqual([
      [a, undefined],
      [b, a],
      [c, a],
      [d, undefined],
    ]);
  });

  it("owes a parent's words minus each child's, counted per word", () => {
    const child1 = para('alpha beta');
    const child2 = para('beta');
    const parent: Block = { type: 'quote', blocks: [child1, child2] };
    const panel: Block = { type: 'panel', kind: 'info', title: 'Title beta', blocks: [parent] };
    const ledger = new WordLedger();
    const p = ledger.enter(panel, 'P');
    const q = ledger.enter(parent, 'P');
    const c1 = ledger.enter(child1, 'P');
    ledger.close(c1, {});
    const c2 = ledger.enter(child2, 'P');
    ledger.close(c2, {});
    ledger.close(q, {});
    ledger.close(p, {});
    expect(owed(ledger, c1)).toEqual({ alpha: 1, beta: 1 });
    expect(owed(ledger, c2)).toEqual({ beta: 1 });
    expect(owed(ledger, q)).toEqual({});
    // the panel's own title: the quote (its registered child) owes the rest
    expect(owed(ledger, p)).toEqual({ title: 1, beta: 1 });
  });

  it('does not take an unregistered child off its parent', () => {
    const ledger = new WordLedger();
    const q = ledger.enter({ type: 'quote', blocks: [para('kept words')] }, 'P');
    ledger.close(q, {});
    expect(owed(ledger, q)).toEqual({ kept: 1, words: 1 });
  });

  it('remembers the heading above each block, on its own page only', () => {
    const ledger = new WordLedger();
    const before = ledger.enter(para('x'), 'Page A');
    ledger.close(before, {});
    const h = ledger.enter(
      { type: 'heading', level: 1, inlines: [text('  Setup \n'), text(' guide ')] },
      'Page A',
    );
    ledger.close(h, {});
    const under = ledger.enter(para('y'), 'Page A');
    ledger.close(under, {});
    const next = ledger.enter(para('z'), 'Page B');
    ledger.close(next, {});
    const heading = (id: number) => ledger.entries.get(id)?.heading;
    expect([heading(before), heading(h), heading(under), heading(next)]).toEqual([
      undefined,
      'Setup guide',
      'Setup guide',
      undefined,
    ]);
    expect(ledger.entries.get(next)?.pageTitle).toBe('Page B');
  });
});

describe('ledgerOf', () => {
  it('finds the ledger attached to a definition, and none for another', () => {
    const ledger = new WordLedger();
    const definition = { content: [] };
    attachLedger(definition, ledger);
    expect(ledgerOf(definition)).toBe(ledger);
    expect(ledgerOf({ content: [] })).toBeUndefined();
  });
});
