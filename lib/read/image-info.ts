/** Reading an `<img>` into the model: URL, asset id, display size, alignment. */
import type { Align, ImageInline } from '../model/types';
import type { ReadState } from './state';
import { num, styleOf, unsafeUrl } from './util';

/** The image URL to fetch: view `data-image-src` (full size) before `src`; `data:image/...` kept. */
export function imageUrl(state: ReadState, img: Element): string | undefined {
  const raw =
    img.getAttribute('data-image-src') ?? img.getAttribute('src') ?? img.getAttribute('data-src');
  if (!raw || !raw.trim()) return undefined;
  if (/^\s*data:image\//i.test(raw)) return raw.trim();
  if (unsafeUrl(raw)) return undefined;
  return state.resolve(raw);
}

/**
 * An image inline for `img`: `width`/`height` attributes (display size), else inline style,
 * else view's `data-width`/`data-height` (the file's own size, shown unscaled).
 */
export function imageInline(state: ReadState, img: Element): ImageInline {
  const out: ImageInline = { type: 'image' };
  const url = imageUrl(state, img);
  if (url) {
    out.asset = state.asset(url);
    out.src = url;
  }
  const st = styleOf(img);
  const natW = num(img.getAttribute('data-width'));
  const natH = num(img.getAttribute('data-height'));
  const w = num(img.getAttribute('width')) ?? num(st['width']);
  let h = num(img.getAttribute('height')) ?? num(st['height']);
  if (w !== undefined && h === undefined && natW && natH) h = Math.round((w * natH) / natW);
  const width =
    w ?? (h === undefined ? natW : natW && natH && h ? Math.round((h * natW) / natH) : undefined);
  const height = h ?? (w === undefined ? natH : undefined);
  if (width !== undefined) out.width = width;
  if (height !== undefined) out.height = height;
  const alt = (img.getAttribute('alt') ?? '').trim();
  if (alt) out.alt = alt;
  return out;
}

/** Alignment of an image from its classes or its wrapper's (view `image-center`, Cloud `image-align-start`). */
export function imageAlign(el: Element): Align | undefined {
  const classes = [...Array.from(el.classList), ...Array.from(el.parentElement?.classList ?? [])];
  for (const c of classes) {
    if (/^image-(center|centre|wide|full-width)(-wrapper)?$/.test(c)) return 'center';
    if (/^image-(right|align-end|wrap-right)(-wrapper)?$/.test(c)) return 'right';
    if (/^image-(left|align-start|wrap-left)(-wrapper)?$/.test(c)) return 'left';
  }
  const layout = el.getAttribute('data-layout');
  if (layout === 'center' || layout === 'wide' || layout === 'full-width') return 'center';
  if (layout === 'align-end' || layout === 'wrap-right') return 'right';
  if (layout === 'align-start' || layout === 'wrap-left') return 'left';
  return undefined;
}
