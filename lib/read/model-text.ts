/** The plain text a model shows, for word-recall checks and search. */
import { outlineNumbers } from '../model/toc-outline';
import type { Block, Inline } from '../model/types';

/** Text of inlines, as the layout would print them. */
export function inlineText(inlines: Inline[]): string {
  return inlines
    .map((i) => {
      switch (i.type) {
        case 'text':
        case 'status':
        case 'date':
        case 'emoji':
          return i.text;
        case 'mention':
          return i.name;
        case 'link':
          return inlineText(i.inlines);
        case 'break':
          return '\n';
        case 'image':
          return i.alt ? ` ${i.alt} ` : ' ';
        default:
          return '';
      }
    })
    .join('');
}

/**
 * Text of blocks, one block per line. A table of contents shows the page's headings (as
 * lib/layout/blocks/toc.ts prints them), so it repeats their text.
 */
export function modelText(blocks: Block[]): string {
  const headings = collectHeadings(blocks);
  const out: string[] = [];
  const visit = (b: Block): void => {
    switch (b.type) {
      case 'toc': {
        const shown = headings.filter((h) => h.level <= (b.maxLevel ?? 6) && h.text.trim());
        const numbers = outlineNumbers(shown.map((h) => h.level));
        shown.forEach((h, n) => out.push(b.outline ? `${numbers[n]} ${h.text}` : h.text));
        break;
      }
      case 'heading':
      case 'paragraph':
        out.push(inlineText(b.inlines));
        break;
      case 'list':
        b.items.forEach((item) => item.forEach(visit));
        break;
      case 'tasks':
      case 'decisions':
        b.items.forEach((item) => item.blocks.forEach(visit));
        break;
      case 'table':
        b.rows.forEach((row) => row.forEach((cell) => cell.blocks.forEach(visit)));
        break;
      case 'code':
        if (b.title) out.push(b.title);
        out.push(b.text);
        break;
      case 'panel':
        if (b.title) out.push(b.title);
        b.blocks.forEach(visit);
        break;
      case 'expand':
        out.push(b.title);
        b.blocks.forEach(visit);
        break;
      case 'quote':
      case 'unsupported':
        b.blocks.forEach(visit);
        break;
      case 'image':
        if (b.alt) out.push(b.alt);
        if (b.caption) out.push(inlineText(b.caption));
        break;
      case 'columns':
        b.columns.forEach((c) => c.forEach(visit));
        break;
      case 'footnotes':
        b.items.forEach((it) => it.blocks.forEach(visit));
        break;
      default:
        break;
    }
  };
  blocks.forEach(visit);
  return out.join('\n');
}

/** The headings of `blocks` at any depth, in order, with their text. */
function collectHeadings(blocks: Block[]): { level: number; text: string }[] {
  const found: { level: number; text: string }[] = [];
  const visit = (b: Block): void => {
    if (b.type === 'heading') found.push({ level: b.level, text: inlineText(b.inlines) });
    for (const child of childBlocks(b)) visit(child);
  };
  blocks.forEach(visit);
  return found;
}

/** The blocks directly inside `b`. */
function childBlocks(b: Block): Block[] {
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
    case 'unsupported':
      return b.blocks;
    case 'columns':
      return b.columns.flat();
    default:
      return [];
  }
}
