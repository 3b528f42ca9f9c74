import type { Inline } from '../../model/types';
import { imageAlign, imageInline } from '../image-info';
import type { ReadState } from '../state';

/**
 * Images in running text. View: `img.confluence-embedded-image` in
 * `span.confluence-embedded-file-wrapper[.image-center-wrapper]`, `data-image-src`, `width`,
 * `data-width`/`data-height`. A paragraph holding only an image becomes an image block.
 */
export function image(state: ReadState, el: Element): Inline[] {
  const img = imageInline(state, el);
  const align = imageAlign(el);
  if (align) state.imageAlign.set(img, align);
  return [img];
}
