import type { Block } from '../../model/types';
import type { ReadState } from '../state';
import { readBlocks } from '../walk';

/** `blockquote` (both markups). */
export function blockquote(state: ReadState, el: Element): Block[] {
  return [{ type: 'quote', blocks: readBlocks(state, el) }];
}
