/**
 * The one CSS colour parser: any colour a page gives (hex, `rgb[a]()`, `hsl[a]()`, CSS names,
 * Confluence's design tokens `var(--ds-text-accent-red, #ae2e24)`) -> the model's `#rrggbb`.
 *
 * It lives in lib/model because `#rrggbb` is the model's colour contract and both sides of it
 * need the parser: lib/read writes model colours with it, lib/layout checks them again with it
 * before pdfkit sees them (pdfkit draws black or throws on a string it cannot read). Reading and
 * layout may not import each other; both may import lib/model.
 *
 * Alpha is blended onto white here, so reading blends it and the model holds opaque colours
 * only: Confluence's translucent greys (`rgba(9, 30, 66, 0.08)`) sit on a white page, and
 * dropping the alpha would turn a faint tint into dark navy. Fully transparent is no colour.
 */
import { colord, extend } from 'colord';
import namesPlugin from 'colord/plugins/names';

extend([namesPlugin]);

/** `#rrggbb` (lower case), or undefined for transparent, `inherit`, `currentcolor`, unreadable. */
export function modelColour(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let v = value
    .trim()
    .toLowerCase()
    .replace(/\s*!important$/, '');
  for (let token = TOKEN.exec(v); token?.[1] !== undefined; token = TOKEN.exec(v)) {
    v = token[1].trim();
  }
  const parsed = colord(v);
  if (!parsed.isValid()) return undefined;
  const { r, g, b, a } = parsed.toRgb();
  if (a === 0) return undefined;
  const onWhite = (c: number): string =>
    Math.round(255 - (255 - c) * a)
      .toString(16)
      .padStart(2, '0');
  return `#${onWhite(r)}${onWhite(g)}${onWhite(b)}`;
}

/** A design token with a fallback: `var(--name, fallback)`; the fallback is the colour. */
const TOKEN = /^var\(\s*--[\w-]+\s*,\s*(.+)\)$/;
