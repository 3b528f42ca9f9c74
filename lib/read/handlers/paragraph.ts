import type { Block } from '../../model/types';
import type { ReadState } from '../state';
import { alignOf, styleOf } from '../util';
import { readBlocks, withAlign } from '../walk';

/** `p`, aligned by `style="text-align"` (view) — blocks nested inside (bad markup) split it. */
export function paragraph(state: ReadState, el: Element): Block[] {
  const align = alignOf(styleOf(el)['text-align'] ?? el.getAttribute('align'));
  return withAlign(state, align, () => readBlocks(state, el));
}
