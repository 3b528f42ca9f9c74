/**
 * The one walk over the document model's tree: the blocks a block holds and the inlines a block
 * or an inline holds. Every other walk (model text, the conservation ledger, destinations, asset
 * references, flattening to inlines) goes through these, so a new block or inline type is taught
 * to the walks here once: each switch fails to compile until the new type has its case.
 */
import type { Block, Inline } from './types';

/** The blocks directly inside `b`, in document order. */
export function childBlocks(b: Block): readonly Block[] {
  switch (b.type) {
    case 'list':
      return b.items.flat();
    case 'tasks':
    case 'decisions':
    case 'footnotes':
      return b.items.flatMap((item) => item.blocks);
    case 'table':
      return b.rows.flatMap((row) => row.flatMap((cell) => cell.blocks));
    case 'panel':
    case 'expand':
    case 'quote':
    case 'section':
    case 'unsupported':
      return b.blocks;
    case 'columns':
      return b.columns.flat();
    case 'heading':
    case 'paragraph':
    case 'code':
    case 'rule':
    case 'image':
    case 'pageBreak':
    case 'toc':
      return [];
    default: {
      const _exhaustive: never = b;
      return none(_exhaustive);
    }
  }
}

/** The inlines `b` holds itself (not those of its nested blocks): its text, an image's caption. */
export function ownInlines(b: Block): readonly Inline[] {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return b.inlines;
    case 'image':
      return b.caption ?? [];
    case 'list':
    case 'tasks':
    case 'decisions':
    case 'footnotes':
    case 'table':
    case 'panel':
    case 'expand':
    case 'quote':
    case 'section':
    case 'unsupported':
    case 'columns':
    case 'code':
    case 'rule':
    case 'pageBreak':
    case 'toc':
      return [];
    default: {
      const _exhaustive: never = b;
      return none(_exhaustive);
    }
  }
}

/** The inlines directly inside `i` (a link's text). */
export function childInlines(i: Inline): readonly Inline[] {
  switch (i.type) {
    case 'link':
      return i.inlines;
    case 'text':
    case 'status':
    case 'mention':
    case 'date':
    case 'emoji':
    case 'image':
    case 'break':
    case 'anchor':
      return [];
    default: {
      const _exhaustive: never = i;
      return none(_exhaustive);
    }
  }
}

/** Visits every block of `blocks`, depth first, in document order (a block before its children). */
export function walkBlocks(blocks: readonly Block[], visit: (b: Block) => void): void {
  for (const b of blocks) {
    visit(b);
    walkBlocks(childBlocks(b), visit);
  }
}

/** Visits every inline of `inlines`, depth first, in document order (a link before its text). */
export function walkInlines(inlines: readonly Inline[], visit: (i: Inline) => void): void {
  for (const i of inlines) {
    visit(i);
    walkInlines(childInlines(i), visit);
  }
}

/**
 * A node of a type this build does not know (a model made elsewhere) holds nothing, as the
 * walks before this one treated it; `never` makes the compiler insist on every known type.
 */
function none(_unknown: never): readonly never[] {
  return [];
}
