import type { Block, Inline } from '../../model/types';
import { linkTarget } from '../link-target';
import type { ReadState } from '../state';
import { cleanText, find, unsafeUrl } from '../util';

/**
 * Smart links shown as cards. Cloud: `div.blockCardView-content-wrap[data-card-url]` (title,
 * snippet, provider), embed cards. View (Cloud export_view): `a[data-card-appearance=embed|block]`
 * whose text is the URL. One paragraph: the title as a link, then the snippet and the provider.
 */
export function blockCard(state: ReadState, el: Element): Block[] {
  const a = el.matches('a[href]') ? el : find(el, 'a[data-smart-element="Title"], a[href]');
  const href = el.getAttribute('data-card-url') ?? a?.getAttribute('href') ?? '';
  const title =
    cleanText(find(el, '[data-smart-element="Title"], [data-testid="smart-element-link"]')) ||
    cleanText(a) ||
    href;
  const inlines: Inline[] = [];
  if (href && !unsafeUrl(href)) {
    inlines.push({
      type: 'link',
      target: linkTarget(state, a ?? el, href),
      inlines: [{ type: 'text', text: title }],
    });
  } else if (title) inlines.push({ type: 'text', text: title });
  for (const sel of [
    '[data-testid="smart-block-snippet-resolved-view"]',
    '[data-testid="smart-footer-block-provider-label"]',
  ]) {
    const t = cleanText(find(el, sel));
    if (t) inlines.push({ type: 'break' }, { type: 'text', text: t });
  }
  return inlines.length ? [{ type: 'paragraph', inlines }] : [];
}
