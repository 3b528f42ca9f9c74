import type { Inline } from '../../model/types';
import { linkTarget } from '../link-target';
import type { ReadState } from '../state';
import { unsafeUrl } from '../util';
import { readInlines } from '../walk';

/**
 * Links (`a[href]`): `#anchor` on this page, Confluence pages by id
 * (`data-linked-resource-id`, `?pageId=N`, `/spaces/KEY/pages/N/...`), else the URL.
 * `javascript:`, `data:` and `vbscript:` links keep their text and lose the link.
 */
export function link(state: ReadState, el: Element): Inline[] {
  const inlines = readInlines(state, el);
  const href = el.getAttribute('href') ?? '';
  if (!href.trim() || unsafeUrl(href)) return inlines;
  return [{ type: 'link', target: linkTarget(state, el, href), inlines }];
}
