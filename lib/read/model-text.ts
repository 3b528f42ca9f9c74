/** The plain text a model shows, for word-recall checks and search. */
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

/** Text of blocks, one block per line. */
export function modelText(blocks: Block[]): string {
  const out: string[] = [];
  const visit = (b: Block): void => {
    switch (b.type) {
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
