// @vitest-environment jsdom
/**
 * The reader's emoji handler carries the emoji character wherever the page identifies one
 * (Unicode text, hex `data-emoji-id`, Atlassian's own emoji and legacy emoticons by name), so
 * the PDF never prints a ":shortcode:" or "(tick)" in its place.
 */
import { describe, expect, it } from 'vitest';
import { emoji } from '../../lib/read/handlers/emoji';
import type { ReadState } from '../../lib/read/state';

const state = {} as ReadState;

function read(html: string): string | undefined {
  const host = document.createElement('div');
  host.innerHTML = html;
  const [inline] = emoji(state, host.firstElementChild!);
  return inline && inline.type === 'emoji' ? inline.text : undefined;
}

describe('emoji handler', () => {
  it.each([
    [
      'view, Unicode fallback',
      '<img class="emoticon emoticon-blue-star" data-emoji-id="1f3af" data-emoji-shortname=":dart:" data-emoji-fallback="🎯" alt="(blue star)">',
      '🎯',
    ],
    [
      'view, hex id only (a ZWJ sequence)',
      '<img class="emoticon emoticon-blue-star" data-emoji-id="1f9d1-200d-1f3eb" data-emoji-shortname=":teacher:" alt="(blue star)">',
      '🧑‍🏫',
    ],
    [
      'view, Atlassian emoji with a shortname fallback',
      '<img class="emoticon emoticon-plus" data-emoji-id="atlassian-plus" data-emoji-shortname=":plus:" data-emoji-fallback=":plus:" alt="(plus)">',
      '➕',
    ],
    [
      'view, Atlassian emoji without an id',
      '<img class="emoticon emoticon-minus" data-emoji-shortname=":minus:" data-emoji-fallback=":minus:" alt="(minus)">',
      '➖',
    ],
    ['view, legacy emoticon', '<img class="emoticon emoticon-tick" alt="(tick)">', '✅'],
    ['view, legacy emoticon by alt only', '<img class="emoticon" alt="(warning)">', '⚠️'],
    [
      'cloud, Unicode text',
      '<span data-emoji-id="1f389" data-emoji-short-name=":tada:" data-emoji-text="🎉"><img class="emoji" alt=":tada:"></span>',
      '🎉',
    ],
    [
      'cloud, Atlassian emoji',
      '<span data-emoji-id="atlassian-check_mark" data-emoji-short-name=":check_mark:" data-emoji-text=":check_mark:"><span><img class="emoji" alt=":check_mark:"></span></span>',
      '✅',
    ],
    [
      'cloud, img.emoji alone, hex id',
      '<img class="emoji" alt=":rainbow:" data-emoji-short-name=":rainbow:" data-emoji-id="1f308">',
      '🌈',
    ],
    [
      'cloud, a custom emoji (UUID id): its short name is all there is',
      '<span data-emoji-id="6d0b2a4e-8b7c-4d3e-9f1a-2b3c4d5e6f70" data-emoji-short-name=":partyparrot:" data-emoji-text=":partyparrot:"><img class="emoji" alt=":partyparrot:"></span>',
      ':partyparrot:',
    ],
  ])('%s', (_name, html, expected) => {
    expect(read(html)).toBe(expected);
  });
});
