import type { Inline, StatusInline } from '../../model/types';
import type { ReadState } from '../state';
import { cleanText } from '../util';

/** AUI lozenge classes (view status macro, Jira statuses) -> Confluence status colours. */
const LOZENGE: Record<string, string> = {
  'aui-lozenge-success': 'green',
  'aui-lozenge-error': 'red',
  'aui-lozenge-current': 'yellow',
  'aui-lozenge-complete': 'blue',
  'aui-lozenge-moved': 'yellow',
  'aui-lozenge-new': 'purple',
  'aui-lozenge-progress': 'blue',
  'aui-lozenge-default': 'grey',
};

/** Lozenge colour from a view element's AUI classes (grey when none). */
export function lozengeColour(el: Element): string {
  for (const c of Array.from(el.classList)) {
    const hit = LOZENGE[c];
    if (hit) return hit;
  }
  return 'grey';
}

/**
 * Status lozenges. View: `span.status-macro.aui-lozenge[-success|-error|-current|-complete|
 * -moved]` (`aui-lozenge-subtle` for the outline style). Cloud: `span[data-node-type=status]
 * [data-color]`.
 */
export function status(_state: ReadState, el: Element): Inline[] {
  const text = cleanText(el);
  if (!text) return [];
  const colour = el.getAttribute('data-color') ?? lozengeColour(el);
  const out: StatusInline = { type: 'status', text, colour };
  if (el.classList.contains('aui-lozenge-subtle') || el.getAttribute('data-style') === 'subtle')
    out.subtle = true;
  return [out];
}
