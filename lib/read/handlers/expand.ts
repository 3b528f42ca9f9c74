import * as S from '../../confluence/selectors';
import type { Block } from '../../model/types';
import type { ReadState } from '../state';
import { cleanText, findAll, is, tag } from '../util';
import { readBlocks, readBlocksExcept } from '../walk';

/** The first descendant of `el` matching `selector` that no nested expand owns. */
function own(el: Element, selector: string): Element | undefined {
  const container = `${S.viewExpand}, ${S.cloudExpand}`;
  return findAll(el, selector).find((d) => d.parentElement?.closest(container) === el);
}

/**
 * Expand macro. View: `div.expand-container` with `.expand-control-text` (title) and
 * `.expand-content`. Cloud: `div[data-node-type=expand|nestedExpand][data-title]`, the title
 * shown in the toggle button (`span#expand-title-N`, "Click here to expand..." when empty), the
 * content in `.expand-content-wrapper` (present even while collapsed).
 */
export function expand(state: ReadState, el: Element): Block[] {
  if (is(el, S.cloudExpand)) {
    const titleEl = own(el, '[id^="expand-title"]') ?? own(el, 'button');
    const title = cleanText(titleEl) || (el.getAttribute('data-title') ?? '');
    const content = own(el, '.expand-content-wrapper, .nestedExpand-content-wrapper');
    const blocks = content ? readBlocks(state, content) : contentWithout(state, el, 'button');
    return [{ type: 'expand', title, blocks }];
  }
  const title = cleanText(own(el, '.expand-control-text')) || cleanText(own(el, '.expand-control'));
  const content = own(el, '.expand-content');
  const blocks = content
    ? readBlocks(state, content)
    : contentWithout(state, el, '.expand-control');
  return [{ type: 'expand', title, blocks }];
}

function contentWithout(state: ReadState, el: Element, skip: string): Block[] {
  return readBlocksExcept(state, el, (c) => is(c, skip) || tag(c) === 'button');
}
