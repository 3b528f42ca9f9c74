import type { Block, ListBlock } from '../../model/types';
import type { ReadState } from '../state';
import { intAttr, tag } from '../util';
import { Flow, readBlocks, walkNode } from '../walk';

/**
 * `ul` / `ol` (Cloud `ul.ak-ul`, `ol.ak-ol` with `start`). Content that sits directly in the list
 * (a nested `ul` next to an `li`, as old editors wrote) joins the previous item.
 */
export function list(state: ReadState, el: Element): Block[] {
  const items: Block[][] = [];
  let loose: Flow | undefined;
  const flushLoose = (): void => {
    if (!loose) return;
    const blocks = loose.blocks();
    loose = undefined;
    if (!blocks.length) return;
    const last = items[items.length - 1];
    if (last) last.push(...blocks);
    else items.push(blocks);
  };
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 1 && tag(node as Element) === 'li') {
      flushLoose();
      items.push(readBlocks(state, node as Element));
      continue;
    }
    loose ??= new Flow(state, false);
    walkNode(state, node, loose);
  }
  flushLoose();
  const block: ListBlock = { type: 'list', ordered: tag(el) === 'ol', items };
  const start = intAttr(el, 'start');
  if (block.ordered && start !== undefined && start !== 1) block.start = start;
  return items.length ? [block] : [];
}
