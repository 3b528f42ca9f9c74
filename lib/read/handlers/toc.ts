import type { Block, TocBlock } from '../../model/types';
import type { ReadState } from '../state';
import { find, intAttr } from '../util';

/**
 * Table-of-contents macro (view `div.toc-macro` / `[data-macro-name=toc]`, Cloud extension key
 * `toc`, or the renderer's placeholder titled "Table of Contents"): the layout renders the page's
 * own headings with their PDF page numbers, so the list on the page is not read.
 */
export function toc(_state: ReadState, el: Element): Block[] {
  const block: TocBlock = { type: 'toc' };
  const holder = el.hasAttribute('data-headerelements')
    ? el
    : (find(el, '[data-headerelements]') ?? el);
  const levels = (holder.getAttribute('data-headerelements') ?? '')
    .split(',')
    .map((h) => Number(/^h(\d)$/i.exec(h.trim())?.[1]))
    .filter((n) => n >= 1 && n <= 6);
  const max =
    intAttr(el, 'data-maxlevel') ??
    intAttr(el, 'data-max-level') ??
    (levels.length ? Math.max(...levels) : undefined);
  if (max !== undefined && max >= 1 && max < 6) block.maxLevel = max;
  // view (DC 5–8, Cloud HTML export): the "outline" option numbers entries `span.TOCOutline`.
  if (find(el, '.TOCOutline')) block.outline = true;
  return [block];
}
