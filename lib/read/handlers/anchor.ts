import type { Inline } from '../../model/types';
import type { ReadState } from '../state';

/** Anchor macro: view `span.confluence-anchor-link[id]`, old `a[name]`. */
export function anchor(_state: ReadState, el: Element): Inline[] {
  const id = el.getAttribute('id') ?? el.getAttribute('name') ?? el.getAttribute('data-anchor-id');
  return id ? [{ type: 'anchor', id }] : [];
}
