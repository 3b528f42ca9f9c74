import type { Marks } from '../../model/types';
import type { ReadState } from '../state';
import { modelColour } from '../../model/colour';
import { styleOf, tag } from '../util';

/** Default highlight of `<mark>`. */
const MARK_YELLOW = '#fff0b3';

/**
 * Marks of a text element, read by its tag (`strong`, `em`, `u`, `s`/`del`, `code`, `sub`,
 * `sup`, `mark`), its inline style (`font-weight`, `color`, `background-color`,
 * `text-decoration`), Cloud's `data-text-custom-color` / `data-background-custom-color` and
 * view's `data-colorid`. Its children are read with these marks added.
 */
export function textMarks(state: ReadState, el: Element): Marks {
  const m: Marks = {};
  switch (tag(el)) {
    case 'strong':
    case 'b':
      m.bold = true;
      break;
    case 'em':
    case 'i':
    case 'cite':
    case 'dfn':
    case 'var':
      m.italic = true;
      break;
    case 'u':
    case 'ins':
      m.underline = true;
      break;
    case 's':
    case 'del':
    case 'strike':
      m.strike = true;
      break;
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      m.code = true;
      break;
    case 'sub':
      m.sub = true;
      break;
    case 'sup':
      m.sup = true;
      break;
    case 'mark':
      m.background = MARK_YELLOW;
      break;
    default:
      break;
  }
  // Cloud (older renderers) marks inline code as `span.code`.
  if (tag(el) === 'span' && el.classList.contains('code')) m.code = true;
  const st = styleOf(el);
  const fw = st['font-weight'];
  if (fw === 'bold' || fw === 'bolder' || (fw !== undefined && Number(fw) >= 600)) m.bold = true;
  else if (fw === 'normal' || (fw !== undefined && Number(fw) < 600)) m.bold = false;
  if (st['font-style'] === 'italic' || st['font-style'] === 'oblique') m.italic = true;
  const deco = `${st['text-decoration'] ?? ''} ${st['text-decoration-line'] ?? ''}`;
  if (deco.includes('underline')) m.underline = true;
  if (deco.includes('line-through')) m.strike = true;
  const va = st['vertical-align'];
  if (va === 'super') m.sup = true;
  if (va === 'sub') m.sub = true;
  const fg =
    modelColour(el.getAttribute('data-text-custom-color')) ??
    modelColour(st['color']) ??
    modelColour(el.getAttribute('color')) ??
    state.colorIds.get(el.getAttribute('data-colorid') ?? '');
  if (fg) m.colour = fg;
  const bg =
    modelColour(el.getAttribute('data-background-custom-color')) ??
    modelColour(st['background-color']) ??
    modelColour(st['background']);
  if (bg) m.background = bg;
  return m;
}
