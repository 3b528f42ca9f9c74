import type { Inline } from '../../model/types';
import type { ReadState } from '../state';

/** `br` (both markups; Cloud hardBreak). */
export function lineBreak(_state: ReadState, _el: Element): Inline[] {
  return [{ type: 'break' }];
}
