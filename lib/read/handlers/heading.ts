import type { Block, HeadingBlock } from '../../model/types';
import type { ReadState } from '../state';
import { tag } from '../util';
import { fresh, hasContent, readTidyInlines } from '../walk';

/** `h1`–`h6`; the anchor is the heading's `id` (view: `Page-Heading`, Cloud: `Heading`). */
export function heading(state: ReadState, el: Element): Block[] {
  const level = Number(tag(el).slice(1)) as HeadingBlock['level'];
  const inlines = fresh(state, () => readTidyInlines(state, el));
  if (!hasContent(inlines)) return [];
  const block: HeadingBlock = { type: 'heading', level, inlines };
  const id = el.getAttribute('id');
  if (id) block.anchor = id;
  return [block];
}
