import type { Inline } from '../../model/types';
import { linkTarget } from '../link-target';
import type { ReadState } from '../state';
import { cleanText, unsafeUrl } from '../util';

/**
 * File previews: view `a.confluence-embedded-file[data-linked-resource-default-alias]` (a
 * thumbnail of a PDF, Office file, ...). The file name as a link to the file.
 */
export function embeddedFile(state: ReadState, el: Element): Inline[] {
  const href = el.getAttribute('href') ?? el.getAttribute('data-file-src') ?? '';
  const name =
    el.getAttribute('data-linked-resource-default-alias') ?? (cleanText(el) || decodeName(href));
  if (!name) return [];
  if (!href || unsafeUrl(href)) return [{ type: 'text', text: name }];
  return [
    { type: 'link', target: linkTarget(state, el, href), inlines: [{ type: 'text', text: name }] },
  ];
}

function decodeName(href: string): string {
  const last = href.split(/[?#]/)[0]?.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
