import type { Block } from '../../model/types';
import type { ReadState } from '../state';
import { findAll } from '../util';
import { readBlocks } from '../walk';

/**
 * Footnote lists (view: footnote macro plugins and Markdown-style exports write
 * `ol.footnotes > li#fn1` or `section.footnotes`; references are `sup > a[href="#fn1"]`, read by
 * the link handler as same-page anchors). Each note keeps its id so the references jump to it.
 */
export function footnotes(state: ReadState, el: Element): Block[] {
  const items = findAll(el, 'ol > li[id]')
    .map((li) => ({ id: li.getAttribute('id') ?? '', blocks: readBlocks(state, li) }))
    .filter((item) => item.id && item.blocks.length > 0);
  return items.length ? [{ type: 'footnotes', items }] : readBlocks(state, el);
}
