import type { Inline } from '../../model/types';
import type { ReadState } from '../state';
import { find } from '../util';

const SHORTNAME = /^:[\w+-]+:$/;

/**
 * Emoji as text, never an image fetch. View: `img.emoticon[data-emoji-fallback]` (unicode) or
 * its `alt` ("(blue star)"); Cloud: `span[data-emoji-short-name][data-emoji-text]` around
 * `img.emoji`. Unicode first, then Confluence's own text, then the short name.
 */
export function emoji(_state: ReadState, el: Element): Inline[] {
  const src =
    el.hasAttribute('data-emoji-text') || el.hasAttribute('data-emoji-fallback')
      ? el
      : (find(el, '[data-emoji-text], [data-emoji-fallback]') ?? el);
  const candidates = [
    src.getAttribute('data-emoji-text'),
    src.getAttribute('data-emoji-fallback'),
  ].filter((t): t is string => !!t && !SHORTNAME.test(t.trim()));
  const text =
    candidates[0] ??
    (el.getAttribute('alt') || find(el, 'img[alt]')?.getAttribute('alt')) ??
    src.getAttribute('data-emoji-short-name') ??
    src.getAttribute('data-emoji-shortname') ??
    el.textContent ??
    '';
  return text.trim() ? [{ type: 'emoji', text: text.trim() }] : [];
}
