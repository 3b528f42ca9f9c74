import type { Inline, LinkInline } from '../../model/types';
import { linkTarget } from '../link-target';
import type { ReadState } from '../state';
import { cleanText, find, unsafeUrl } from '../util';

/**
 * Smart links shown inline: Cloud `span.inlineCardView-content-wrap[data-card-url]` /
 * `a[data-testid=inline-card-resolved-view]` (icon, title, optional status lozenge); view
 * `a[data-card-appearance=inline]` (its text is the title or the URL). Title as a link, then
 * the lozenge as a status.
 */
export function inlineCard(state: ReadState, el: Element): Inline[] {
  const a = el.matches('a[href]') ? el : find(el, 'a[href]');
  const href = el.getAttribute('data-card-url') ?? a?.getAttribute('href') ?? '';
  const titleEl = find(el, '[data-testid="inline-card-icon-and-title"]');
  const lozenge = find(el, '[data-testid="inline-card-resolved-view-lozenge"]');
  let title = cleanText(titleEl);
  if (!title) {
    const all = cleanText(el);
    const loz = cleanText(lozenge);
    title = loz && all.endsWith(loz) ? all.slice(0, -loz.length).trim() : all;
  }
  if (!title) title = href;
  const out: Inline[] = [];
  if (href && !unsafeUrl(href)) {
    const linkEl = a ?? el;
    const l: LinkInline = {
      type: 'link',
      target: linkTarget(state, linkEl, href),
      inlines: [{ type: 'text', text: title }],
    };
    out.push(l);
  } else if (title) {
    out.push({ type: 'text', text: title });
  }
  const status = cleanText(lozenge);
  if (status)
    out.push({ type: 'text', text: ' ' }, { type: 'status', text: status, colour: 'neutral' });
  return out;
}
