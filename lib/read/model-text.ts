/** The plain text a model shows, for word-recall checks and search. */
import { childBlocks, childInlines, walkBlocks } from '../model/block-tree';
import { outlineNumbers } from '../model/toc-outline';
import type { Block, Inline } from '../model/types';

/** Text of inlines, as the layout would print them. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => ownInlineText(i) + inlineText(childInlines(i))).join('');
}

/** The text `i` shows itself (a link shows only its inlines'). */
function ownInlineText(i: Inline): string {
  switch (i.type) {
    case 'text':
    case 'status':
    case 'date':
    case 'emoji':
      return i.text;
    case 'mention':
      return i.name;
    case 'break':
      return '\n';
    case 'image':
      return i.alt ? ` ${i.alt} ` : ' ';
    case 'link':
    case 'anchor':
      return '';
    default: {
      const _exhaustive: never = i;
      void _exhaustive; // a type unknown to this build (a model made elsewhere) shows nothing
      return '';
    }
  }
}

/**
 * Text of blocks, one block per line. A table of contents shows the page's headings (as
 * lib/layout/blocks/toc.ts prints them), so it repeats their text.
 */
export function modelText(blocks: readonly Block[]): string {
  const headings = collectHeadings(blocks);
  const out: string[] = [];
  const visit = (b: Block): void => {
    out.push(...ownLines(b, headings));
    childBlocks(b).forEach(visit);
  };
  blocks.forEach(visit);
  return out.join('\n');
}

/** The lines `b` shows itself, before those of its nested blocks. */
function ownLines(b: Block, headings: readonly Heading[]): string[] {
  switch (b.type) {
    case 'toc': {
      const shown = headings.filter((h) => h.level <= (b.maxLevel ?? 6) && h.text.trim());
      const numbers = outlineNumbers(shown.map((h) => h.level));
      return shown.map((h, n) => (b.outline ? `${numbers[n]} ${h.text}` : h.text));
    }
    case 'heading':
    case 'paragraph':
      return [inlineText(b.inlines)];
    case 'code':
      return b.title ? [b.title, b.text] : [b.text];
    case 'panel':
      return b.title ? [b.title] : [];
    case 'expand':
      return [b.title];
    case 'image':
      return [...(b.alt ? [b.alt] : []), ...(b.caption ? [inlineText(b.caption)] : [])];
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
      return [];
    default: {
      const _exhaustive: never = b;
      void _exhaustive;
      return [];
    }
  }
}

interface Heading {
  level: number;
  text: string;
}

/** The headings of `blocks` at any depth, in order, with their text. */
function collectHeadings(blocks: readonly Block[]): Heading[] {
  const found: Heading[] = [];
  walkBlocks(blocks, (b) => {
    if (b.type === 'heading') found.push({ level: b.level, text: inlineText(b.inlines) });
  });
  return found;
}
