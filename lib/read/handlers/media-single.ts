import * as S from '../../confluence/selectors';
import type { Block, ImageBlock } from '../../model/types';
import { imageAlign, imageInline } from '../image-info';
import type { ReadState } from '../state';
import { cleanText, find, findAll, is, num, styleOf } from '../util';
import { readTidyInlines } from '../walk';

/** Width of Confluence Cloud's fixed-width content column, in CSS pixels. */
const CONTENT_WIDTH = 760;

/**
 * Cloud media: `div[data-node-type=mediaSingle][data-width][data-width-type]` around
 * `div[data-node-type=media]` and `img[data-testid=media-image]`, caption in
 * `div[data-media-caption]`; `data-width` is a percentage of the content width unless
 * `data-width-type=pixel`. Media groups give one image per file.
 */
export function mediaSingle(state: ReadState, el: Element): Block[] {
  if (el.getAttribute('data-node-type') === 'mediaGroup') {
    return findAll(el, '[data-node-type="media"]').map((m) => one(state, m, m));
  }
  return [one(state, el, find(el, '[data-node-type="media"]') ?? el)];
}

function one(state: ReadState, single: Element, media: Element): ImageBlock {
  const img = findAll(media, 'img').find((i) => !is(i, S.emoji)) ?? null;
  const block: ImageBlock = { type: 'image' };
  if (img) {
    const inline = imageInline(state, img);
    if (inline.asset !== undefined) block.asset = inline.asset;
    if (inline.alt !== undefined) block.alt = inline.alt;
    if (inline.src !== undefined) block.src = inline.src;
  } else {
    const name =
      media.getAttribute('data-alt') ??
      media.getAttribute('data-file-name') ??
      media.getAttribute('data-test-media-name');
    if (name) block.alt = name;
  }
  const size = displaySize(single, media, img);
  if (size.width !== undefined) block.width = size.width;
  if (size.height !== undefined) block.height = size.height;
  const caption = find(single, S.cloudCaption);
  if (caption) {
    const inl = readTidyInlines(state, caption);
    if (inl.length) block.caption = inl;
  }
  const align = imageAlign(single);
  if (align) block.align = align;
  const link = single.closest('a[href]') ?? find(single, 'a[href]');
  const href = link?.getAttribute('href');
  if (href && link && !link.hasAttribute('data-testid')) {
    const abs = state.resolve(href);
    if (abs && /^https?:/.test(abs)) block.href = abs;
  }
  void cleanText;
  return block;
}

function displaySize(
  single: Element,
  media: Element,
  img: Element | null,
): { width?: number; height?: number } {
  // Aspect ratio: the media node's own size (real Cloud), the card's CSS variables (renderer 127).
  const card = find(media, '[style*="--media-wrapper-width"]') ?? media;
  const cs = styleOf(card);
  const ratioW =
    num(media.getAttribute('data-width')) ??
    num(cs['--media-wrapper-width']) ??
    num(img?.getAttribute('width'));
  const ratioH =
    num(media.getAttribute('data-height')) ??
    num(cs['--media-wrapper-height']) ??
    num(img?.getAttribute('height'));
  const widthAttr = num(single.getAttribute('data-width'));
  const type = single.getAttribute('data-width-type');
  let width: number | undefined;
  if (widthAttr !== undefined)
    width = type === 'pixel' ? widthAttr : Math.round((widthAttr / 100) * CONTENT_WIDTH);
  else if (ratioW !== undefined)
    width = Math.min(ratioW, num(cs['--media-wrapper-width']) ?? ratioW);
  const out: { width?: number; height?: number } = {};
  if (width !== undefined) out.width = width;
  if (width !== undefined && ratioW && ratioH) out.height = Math.round((width * ratioH) / ratioW);
  return out;
}
