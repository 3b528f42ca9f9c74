import type { Block } from '../../model/types';
import type { ReadState } from '../state';

/** `hr` (both markups). */
export function rule(_state: ReadState, _el: Element): Block[] {
  return [{ type: 'rule' }];
}
