import type { Inline } from '../../model/types';
import type { ReadState } from '../state';
import { find } from '../util';

const SHORTNAME = /^:[\w+-]+:$/;
/** `data-emoji-id` of a Unicode emoji: its code points in hex, joined by "-" ("1f9d1-200d-1f3eb"). */
const HEX_ID = /^[0-9a-f]{2,6}(?:-[0-9a-f]{2,6})*$/i;

/**
 * Atlassian's own emoji (`data-emoji-id="atlassian-check_mark"`, shortname ":check_mark:") and
 * the legacy Confluence emoticons (`img.emoticon-tick`, alt "(tick)") have no Unicode form on the
 * page: the nearest Unicode emoji, by name (lower case, "_" for "-" and spaces).
 */
const ATLASSIAN: Readonly<Record<string, string>> = {
  check_mark: '\u2705',
  tick: '\u2705',
  cross_mark: '\u274c',
  cross: '\u274c',
  error: '\u274c',
  plus: '\u2795',
  minus: '\u2796',
  info: '\u2139\ufe0f',
  information: '\u2139\ufe0f',
  warning: '\u26a0\ufe0f',
  question: '\u2753',
  question_mark: '\u2753',
  light_bulb_on: '\u{1f4a1}',
  light_on: '\u{1f4a1}',
  light_bulb_off: '\u{1f4a1}',
  light_off: '\u{1f4a1}',
  yellow_star: '\u2b50',
  red_star: '\u2b50',
  green_star: '\u2b50',
  blue_star: '\u2b50',
  heart: '\u2764\ufe0f',
  broken_heart: '\u{1f494}',
  smile: '\u{1f642}',
  sad: '\u{1f641}',
  cheeky: '\u{1f61b}',
  tongue: '\u{1f61b}',
  laugh: '\u{1f603}',
  biggrin: '\u{1f603}',
  wink: '\u{1f609}',
  thumbs_up: '\u{1f44d}',
  thumbsup: '\u{1f44d}',
  thumbs_down: '\u{1f44e}',
  thumbsdown: '\u{1f44e}',
};

const nameKey = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/^atlassian-|^emoticon-/, '')
    .replace(/^[:(]|[:)]$/g, '')
    .replace(/[\s-]+/g, '_');

/** A `data-emoji-id` as the emoji it names, when it names a Unicode one. */
function fromHexId(id: string | null): string | undefined {
  if (!id || !HEX_ID.test(id.trim())) return undefined;
  const cps = id
    .trim()
    .split('-')
    .map((h) => parseInt(h, 16));
  return cps.every((cp) => cp <= 0x10ffff) ? String.fromCodePoint(...cps) : undefined;
}

/**
 * Emoji as text, never an image fetch. View: `img.emoticon[data-emoji-fallback]` (unicode),
 * `data-emoji-id` (hex code points), or only a legacy emoticon name; Cloud:
 * `span[data-emoji-short-name][data-emoji-text]` around `img.emoji`. The emoji character
 * wherever the page identifies one; Confluence's own text or the short name only for a custom
 * emoji with no Unicode form.
 */
export function emoji(_state: ReadState, el: Element): Inline[] {
  const src =
    el.hasAttribute('data-emoji-text') ||
    el.hasAttribute('data-emoji-fallback') ||
    el.hasAttribute('data-emoji-id')
      ? el
      : (find(el, '[data-emoji-text], [data-emoji-fallback], [data-emoji-id]') ?? el);
  const attr = (name: string): string | null =>
    src.getAttribute(name) ?? el.getAttribute(name) ?? null;
  const unicode = [attr('data-emoji-text'), attr('data-emoji-fallback')].find(
    (t): t is string => !!t?.trim() && !SHORTNAME.test(t.trim()),
  );
  const alt = el.getAttribute('alt') || find(el, 'img[alt]')?.getAttribute('alt') || undefined;
  const shortname = attr('data-emoji-short-name') ?? attr('data-emoji-shortname') ?? undefined;
  const legacy = [...el.classList].find((c) => c.startsWith('emoticon-'));
  const named = [attr('data-emoji-id'), shortname, attr('data-emoticon-name'), legacy, alt]
    .map((n) => (n ? ATLASSIAN[nameKey(n)] : undefined))
    .find((t) => t !== undefined);
  const text =
    unicode ??
    fromHexId(attr('data-emoji-id')) ??
    named ??
    alt ??
    shortname ??
    el.textContent ??
    '';
  return text.trim() ? [{ type: 'emoji', text: text.trim() }] : [];
}
