/**
 * The layout's side of the conservation check ("every word of the page is in the PDF"): every
 * model block laid out gets an id, stamped on the text runs that hold its words, and the ledger
 * remembers which words each block must draw. The renderer counts the words it actually writes
 * per id (lib/pdf/renderer/drawn-words.ts); lib/export/conservation.ts compares the two.
 *
 * Blocks nest (a paragraph in a table cell in a panel). A run carries the id of the innermost
 * block that laid it out: children stamp their runs first, the parent only what is left (a
 * panel's title). So a block owes its own words: all of its text minus its children's text.
 */
import { childBlocks, childInlines } from '../model/block-tree';
import type { Block, Inline } from '../model/types';
import { forEachLeaf } from './tag';

/** The property, on pdfmake text runs, holding the id of the model block they draw. */
export const LEDGER_KEY = 'offprintBlock';

/** One laid-out block: where it stands and what it must draw. */
export interface LedgerEntry {
  block: Block;
  parent: number | undefined;
  pageTitle: string;
  /** The nearest heading above the block on its page (its own text, for a heading). */
  heading: string | undefined;
}

/** Blocks laid out in one layoutDocument() run, by id (1, 2, ...). */
export class WordLedger {
  readonly entries = new Map<number, LedgerEntry>();
  private readonly open: number[] = [];
  private lastHeading: { pageTitle: string; text: string } | undefined;

  /** Registers `block` (call before laying it out; `close` after). */
  enter(block: Block, pageTitle: string): number {
    const id = this.entries.size + 1;
    if (block.type === 'heading') {
      this.lastHeading = {
        pageTitle,
        text: inlinesText(block.inlines).replace(/\s+/g, ' ').trim(),
      };
    }
    const heading = this.lastHeading?.pageTitle === pageTitle ? this.lastHeading.text : undefined;
    this.entries.set(id, { block, parent: this.open.at(-1), pageTitle, heading });
    this.open.push(id);
    return id;
  }

  /** Stamps the block's id on every run of `content` that no child block claimed. */
  close<T>(id: number, content: T): T {
    this.open.pop();
    return forEachLeaf(content, (leaf) => {
      if (typeof leaf[LEDGER_KEY] !== 'number') leaf[LEDGER_KEY] = id;
    });
  }

  /** The words each block owes (its text minus its registered children's), by id. */
  owedWords(): Map<number, Map<string, number>> {
    const owed = new Map<number, Map<string, number>>();
    for (const [id, entry] of this.entries) owed.set(id, countWords(blockText(entry.block)));
    for (const entry of this.entries.values()) {
      if (entry.parent === undefined) continue;
      const parent = owed.get(entry.parent);
      if (!parent) continue;
      for (const [word, n] of countWords(blockText(entry.block))) {
        const left = (parent.get(word) ?? 0) - n;
        if (left > 0) parent.set(word, left);
        else parent.delete(word);
      }
    }
    return owed;
  }
}

const definitions = new WeakMap<object, WordLedger>();

/** Remembers the ledger of a definition layout made (the engine's copy keeps the stamps). */
export function attachLedger(definition: object, ledger: WordLedger): void {
  definitions.set(definition, ledger);
}

/** The ledger layout made for `definition`, if layout made it. */
export function ledgerOf(definition: object): WordLedger | undefined {
  return definitions.get(definition);
}

/**
 * Words as the check counts them: runs of letters, digits and combining marks, lower-cased
 * and NFC-normalised, so case changes (status lozenges) and run boundaries do not matter.
 */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of wordsOf(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** The text layout draws for inlines: emoji with a picture and inline images draw no words. */
export function inlinesText(inlines: readonly Inline[]): string {
  let out = '';
  for (const inline of inlines) out += ownInlineText(inline) + inlinesText(childInlines(inline));
  return out;
}

/** The text `inline` draws itself (a link draws only its inlines'). */
function ownInlineText(inline: Inline): string {
  switch (inline.type) {
    case 'text':
    case 'date':
    case 'status':
      return inline.text;
    case 'emoji':
      return inline.asset ? '' : inline.text;
    case 'mention':
      return ` ${inline.name} `;
    case 'link':
      return '';
    case 'break':
      return '\n';
    case 'image':
    case 'anchor':
      return ' ';
    default: {
      const _exhaustive: never = inline;
      void _exhaustive; // a type unknown to this build (a model made elsewhere) draws a space
      return ' ';
    }
  }
}

/**
 * All the text a block draws, its nested blocks included (one block per line): an image's
 * caption but not its alt text, a code block's title, no table of contents (it draws headings
 * counted where they stand).
 */
export function blockText(block: Block): string {
  const out: string[] = [];
  const visit = (b: Block): void => {
    out.push(...ownLines(b));
    childBlocks(b).forEach(visit);
  };
  visit(block);
  return out.join('\n');
}

/** The lines `b` draws itself, before those of its nested blocks. */
function ownLines(b: Block): string[] {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return [inlinesText(b.inlines)];
    case 'code':
      return [b.title ?? '', b.text];
    case 'panel':
      return [b.title ?? ''];
    case 'expand':
      return [b.title];
    case 'image':
      return b.caption ? [inlinesText(b.caption)] : [];
    case 'list':
    case 'tasks':
    case 'decisions':
    case 'table':
    case 'quote':
    case 'section':
    case 'unsupported':
    case 'columns':
    case 'footnotes':
    case 'rule':
    case 'pageBreak':
    case 'toc':
      return [];
    default: {
      const _exhaustive: never = b;
      void _exhaustive;
      return [];
    }
  }
}
