import type { Content } from 'pdfmake/interfaces';
import type { Block } from '../../model/types';
import { plainText, type LayoutContext } from '../context';
import { keepSpace } from '../keep-together';
import { KEEP, markKeep, noteStartNeeds, startNeedsOf } from '../keep-with-next';
import { tagContent } from '../tag';
import { code } from './code';
import { columns } from './columns';
import { decisions } from './decisions';
import { expand } from './expand';
import { footnotes } from './footnotes';
import { heading } from './heading';
import { fileNameOf, image } from './image';
import { list } from './list';
import { pageBreak } from './page-break';
import { panel } from './panel';
import { paragraph } from './paragraph';
import { quote } from './quote';
import { rule } from './rule';
import { section } from './section';
import { table } from './table';
import { tasks } from './tasks';
import { toc } from './toc';
import { unsupported } from './unsupported';

/**
 * One model block -> pdfmake content, marked with its structure element for tagged PDFs
 * (lists, task lists and tables mark their own parts; containers such as panels and columns
 * leave their blocks to speak for themselves).
 */
export function layoutBlock(block: Block, ctx: LayoutContext): Content {
  const ledger = ctx.doc.ledger;
  if (!ledger) return layoutTagged(block, ctx);
  const id = ledger.enter(block, ctx.page.title);
  return ledger.close(id, layoutTagged(block, ctx));
}

function layoutTagged(block: Block, ctx: LayoutContext): Content {
  const content = layoutUntagged(block, ctx);
  switch (block.type) {
    case 'heading':
      return tagContent(content, `H${block.level}`, ctx);
    case 'paragraph':
      return tagContent(content, 'P', ctx);
    case 'code':
      return tagContent(content, 'Code', ctx);
    case 'quote':
      return tagContent(content, 'BlockQuote', ctx);
    case 'image': {
      const caption = block.caption ? plainText(block.caption).trim() : '';
      const alt = block.alt?.trim() || caption || fileNameOf(block.src);
      return tagContent(content, 'Figure', ctx, { alt });
    }
    default:
      return content;
  }
}

/** The switch is exhaustive: a new block type fails tsc. */
function layoutUntagged(block: Block, ctx: LayoutContext): Content {
  switch (block.type) {
    case 'heading':
      return heading(block, ctx);
    case 'paragraph':
      return paragraph(block, ctx);
    case 'list':
      return list(block, ctx);
    case 'tasks':
      return tasks(block, ctx);
    case 'decisions':
      return decisions(block, ctx);
    case 'table':
      return table(block, ctx);
    case 'code':
      return code(block, ctx);
    case 'panel':
      return panel(block, ctx);
    case 'expand':
      return expand(block, ctx);
    case 'quote':
      return quote(block, ctx);
    case 'rule':
      return rule(block, ctx);
    case 'image':
      return image(block, ctx);
    case 'columns':
      return columns(block, ctx);
    case 'pageBreak':
      return pageBreak(block, ctx);
    case 'section':
      return section(block, ctx);
    case 'toc':
      return toc(block, ctx);
    case 'unsupported':
      return unsupported(block, ctx);
    case 'footnotes':
      return footnotes(block, ctx);
    default: {
      // A block type added to the model after this file: keep its text rather than crash.
      const unknown = block as { type?: unknown };
      return { text: `[${String(unknown.type)}]`, color: '#6b778c' };
    }
  }
}

/** Short enough to move to the next page whole with the heading above it. */
function isShort(block: Block): boolean {
  if (block.type === 'paragraph') return plainText(block.inlines).length < 600;
  return block.type === 'image' || block.type === 'rule';
}

/**
 * Marks the parts of a top-level block that must not end a page (keep-with-next.ts): a short
 * block after a heading; a code block's, panel's or expand's title (the frame is marked); an
 * image above its caption, and a short caption. Headings carry their level already.
 */
function markKeeps(block: Block, content: Content, previous: Block | undefined): void {
  if (!content || typeof content !== 'object' || Array.isArray(content)) return;
  if (previous?.type === 'heading' && isShort(block)) markKeep(content, KEEP.whole);
  const titled =
    (block.type === 'code' && Boolean(block.title || block.language)) ||
    (block.type === 'panel' && Boolean(block.title)) ||
    block.type === 'expand';
  if (titled) markKeep(content, KEEP.frame);
  const [figure, caption] = (content as { stack?: unknown[] }).stack ?? [];
  if (block.type === 'image' && figure && typeof figure === 'object' && caption) {
    markKeep(figure, KEEP.title);
    const short = plainText(block.caption ?? []).length < 600;
    if (short && typeof caption === 'object') markKeep(caption, KEEP.whole);
  }
}

/**
 * Blocks -> content. `tight` (inside cells, panels, list items) removes the gap after the last
 * block so boxes have even padding. Top-level headings and titles are kept with what follows
 * by the definition's pageBreakBefore (keep-with-next.ts), not by unbreakable stacks: pdfmake
 * drops an unbreakable block taller than a page.
 */
export function layoutBlocks(
  blocks: readonly Block[],
  ctx: LayoutContext,
  opts: { tight?: boolean; compact?: boolean } = {},
): Content[] {
  const out: Content[] = [];
  /** Top-level headings in a row, waiting for what follows them. */
  const headings: Content[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block) continue;
    const content = layoutBlock(block, ctx);
    if (ctx.topLevel) {
      markKeeps(block, content, blocks[i - 1]);
      if (block.type === 'heading') headings.push(content);
      else {
        noteStartNeeds(headings, content, keepSpace(ctx), startNeedsOf(ctx.doc));
        headings.length = 0;
      }
    }
    out.push(content);
  }
  if (opts.compact) {
    // List items: paragraphs sit close together, as in Confluence.
    const small = ctx.fontSize * 0.3;
    for (const c of out) {
      const node = c as { margin?: unknown };
      if (c && typeof c === 'object' && Array.isArray(node.margin) && node.margin.length === 4) {
        const m = node.margin as number[];
        node.margin = [m[0], m[1], m[2], Math.min(m[3] ?? 0, small)];
      }
    }
  }
  if (opts.tight) {
    const last = out[out.length - 1];
    if (last && typeof last === 'object' && !Array.isArray(last)) {
      const node = last as { margin?: unknown };
      if (Array.isArray(node.margin) && node.margin.length === 4) {
        node.margin = [node.margin[0], node.margin[1], node.margin[2], 0];
      }
    }
    const first = out[0];
    if (first && typeof first === 'object' && !Array.isArray(first)) {
      const node = first as { margin?: unknown; style?: unknown };
      // Headings open with space above; at the top of a box that space is padding already.
      if (
        Array.isArray(node.margin) &&
        node.margin.length === 4 &&
        typeof node.style === 'string'
      ) {
        node.margin = [node.margin[0], 0, node.margin[2], node.margin[3]];
      }
    }
  }
  return out;
}
