import type { Block, DecisionItem } from '../../model/types';
import type { ReadState } from '../state';
import { find, kids, tag } from '../util';
import { readBlocks } from '../walk';

/**
 * Decision lists. Cloud: `ol[data-node-type=decisionList] > li[data-decision-state=DECIDED]`
 * with `div[data-component=content]`; view: `ul.decision-list > li[data-decision-state]`.
 */
export function decisionList(state: ReadState, el: Element): Block[] {
  const items: DecisionItem[] = [];
  for (const li of kids(el)) {
    if (tag(li) !== 'li' && !li.hasAttribute('data-decision-local-id')) continue;
    const st = (li.getAttribute('data-decision-state') ?? 'DECIDED').toUpperCase();
    const content = find(li, '[data-component="content"]') ?? li;
    items.push({
      state: st === 'DECIDED' ? 'decided' : 'undecided',
      blocks: readBlocks(state, content),
    });
  }
  return items.length ? [{ type: 'decisions', items }] : [];
}
