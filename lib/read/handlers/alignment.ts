import type { Block } from '../../model/types';
import type { ReadState } from '../state';
import { alignOf, styleOf } from '../util';
import { readBlocks, withAlign } from '../walk';

/** Cloud's alignment mark: `div.fabric-editor-block-mark[data-align=center|end]` around blocks. */
export function alignment(state: ReadState, el: Element): Block[] {
  const align = alignOf(el.getAttribute('data-align') ?? styleOf(el)['text-align']);
  return withAlign(state, align, () => readBlocks(state, el));
}
