import type { Inline } from '../../model/types';
import type { ReadState } from '../state';
import { cleanText } from '../util';

/**
 * User mentions. View: `a.confluence-userlink` / `a.user-mention` (`data-username`,
 * `data-account-id`); Cloud: `span[data-mention-id]` showing "@Name". The name is kept as the page
 * shows it: Cloud writes "@Name", Data Center the bare name.
 */
export function mention(_state: ReadState, el: Element): Inline[] {
  const name = (cleanText(el) || el.getAttribute('data-username') || '').trim();
  return name ? [{ type: 'mention', name }] : [];
}
