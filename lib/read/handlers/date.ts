import type { Inline } from '../../model/types';
import type { ReadState } from '../state';
import { cleanText } from '../util';

/** Dates: view `time[datetime]` ("19 Feb 2025"), Cloud `span[data-node-type=date][data-timestamp]`. Text as shown. */
export function date(_state: ReadState, el: Element): Inline[] {
  const text = cleanText(el) || (el.getAttribute('datetime') ?? '');
  return text ? [{ type: 'date', text }] : [];
}
