/**
 * Page breaks written as CSS in the view markup: `page-break-before/after: always` (CSS 2, what
 * Confluence's own PDF export stylesheet and the HTML or user macros authors use for a page
 * break emit) and `break-before/after: page` (CSS Fragmentation 3). Only on block elements: an
 * inline element cannot start a page (CSS 2.1 §13.3.1).
 */
import type { Block } from '../../model/types';
import type { ReadState } from '../state';
import { styleOf } from '../util';
import { readBlocks } from '../walk';

const BLOCK_TAGS = ['div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol'];
const BLOCK_TAGS_MORE = ['blockquote', 'pre', 'hr', 'section', 'article', 'figure'];

/** Block elements whose inline style may ask for a page break. */
export const breakStyled = [...BLOCK_TAGS, ...BLOCK_TAGS_MORE]
  .map((t) => `${t}[style*="break-before" i], ${t}[style*="break-after" i]`)
  .join(', ');

/** CSS values that force a page break (`avoid`, `auto`, `column` do not). */
const FORCED = new Set(['always', 'page', 'left', 'right', 'recto', 'verso']);
const BREAK_DECLARATION = /(?:^|;)\s*(?:page-)?break-(?:before|after)\s*:[^;]*/gi;

function forced(style: Record<string, string>, side: 'before' | 'after'): boolean {
  const value = style[`page-break-${side}`] ?? style[`break-${side}`];
  return value !== undefined && FORCED.has(value.toLowerCase().replace(/\s*!important$/, ''));
}

/**
 * The element as if it had no break declarations (read from a copy, the page is never changed),
 * between the page breaks it asks for.
 */
export function breakStyle(state: ReadState, el: Element): Block[] {
  const style = styleOf(el);
  const copy = el.cloneNode(true) as Element;
  copy.setAttribute('style', (el.getAttribute('style') ?? '').replace(BREAK_DECLARATION, ''));
  const holder = el.ownerDocument.createElement('div');
  holder.append(copy);
  const blocks = readBlocks(state, holder);
  return [
    ...(forced(style, 'before') ? [{ type: 'pageBreak' } as const] : []),
    ...blocks,
    ...(forced(style, 'after') ? [{ type: 'pageBreak' } as const] : []),
  ];
}
