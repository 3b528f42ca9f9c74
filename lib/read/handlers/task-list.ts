import * as S from '../../confluence/selectors';
import type { Block, TaskItem } from '../../model/types';
import type { ReadState } from '../state';
import { child, find, findAll, is, kids, tag } from '../util';
import { Flow, readBlocks, walkNode } from '../walk';

/**
 * Task lists. View: `ul.inline-task-list > li[.checked]`. Cloud (127): `div[role=group]
 * [data-task-list-local-id] > div[data-task-local-id]` with a checkbox and
 * `div[data-component=content]`; a nested list comes in its own `div[data-task-local-id]`.
 */
export function taskList(state: ReadState, el: Element): Block[] {
  const items: TaskItem[] = [];
  if (tag(el) === 'ul' || tag(el) === 'ol') {
    for (const node of Array.from(el.childNodes)) {
      const li = node.nodeType === 1 ? (node as Element) : undefined;
      if (li && tag(li) === 'li') {
        const done =
          li.classList.contains('checked') || li.getAttribute('data-task-status') === 'complete';
        items.push({ done, blocks: readBlocks(state, li) });
        continue;
      }
      // A nested task list written straight into the parent list (DC editor output) joins
      // the previous task.
      const flow = new Flow(state, false);
      walkNode(state, node, flow);
      const blocks = flow.blocks();
      if (!blocks.length) continue;
      const last = items[items.length - 1];
      if (last) last.blocks.push(...blocks);
      else items.push({ done: false, blocks });
    }
    return items.length ? [{ type: 'tasks', items }] : [];
  }
  for (const item of kids(el)) {
    const nested = is(item, S.cloudTaskList) ? item : child(item, S.cloudTaskList);
    if (nested) {
      const blocks = taskList(state, nested);
      const last = items[items.length - 1];
      if (last) last.blocks.push(...blocks);
      else items.push({ done: false, blocks });
      continue;
    }
    if (!is(item, S.cloudTaskItem)) continue;
    const box = find(item, 'input[type="checkbox"]');
    const stateAttr = (item.getAttribute('data-task-state') ?? '').toUpperCase();
    const done = stateAttr ? stateAttr === 'DONE' : box?.hasAttribute('checked') === true;
    const content = findAll(item, '[data-component="content"]')[0] ?? item;
    items.push({ done, blocks: readBlocks(state, content) });
  }
  return items.length ? [{ type: 'tasks', items }] : [];
}
