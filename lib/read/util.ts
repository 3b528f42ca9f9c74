/** Small DOM and text helpers shared by the handlers. No globals but `URL`. */
import type { Align } from '../model/types';

/** Lower-case tag name. */
export function tag(el: Element): string {
  return el.localName.toLowerCase();
}

/** `el.matches(selector)`, false on an invalid selector instead of throwing. */
export function is(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** Element children of `el` (live `children` copied to an array). */
export function kids(el: Element): Element[] {
  return Array.from(el.children);
}

/** First descendant matching `selector`, or null. */
export function find(el: Element, selector: string): Element | null {
  try {
    return el.querySelector(selector);
  } catch {
    return null;
  }
}

/** All descendants matching `selector`. */
export function findAll(el: Element, selector: string): Element[] {
  try {
    return Array.from(el.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The first direct child matching `selector`. */
export function child(el: Element, selector: string): Element | undefined {
  return kids(el).find((c) => is(c, selector));
}

/** HTML whitespace collapsing of a text run (no trimming; nbsp is kept). */
export function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}

/** Collapsed, trimmed text content. */
export function cleanText(el: Element | null | undefined): string {
  return el ? collapse(el.textContent ?? '').trim() : '';
}

/** Parses an inline `style` attribute into a property map (lower-case names). */
export function styleOf(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  const style = el.getAttribute('style');
  if (!style) return out;
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':');
    if (i < 0) continue;
    const name = decl.slice(0, i).trim().toLowerCase();
    const value = decl.slice(i + 1).trim();
    if (name && value) out[name] = value;
  }
  return out;
}

/** A number from an attribute or CSS length (`340`, `340px`, `340.0px`); undefined otherwise. */
export function num(value: string | null | undefined): number | undefined {
  if (value == null) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/i.exec(value);
  if (!m || m[1] === undefined) return undefined;
  const n = Number(m[1]);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** A percentage (`33.33%`), or undefined. */
export function percent(value: string | null | undefined): number | undefined {
  if (value == null) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
  return m && m[1] !== undefined ? Number(m[1]) : undefined;
}

/** Integer attribute, or undefined. */
export function intAttr(el: Element, name: string): number | undefined {
  const v = el.getAttribute(name);
  if (v == null || !/^\s*-?\d+\s*$/.test(v)) return undefined;
  return Number.parseInt(v, 10);
}

/** Text alignment from `style="text-align"` or `align=`; `start`/`end` as on Cloud marks. */
export function alignOf(value: string | null | undefined): Align | undefined {
  switch ((value ?? '').trim().toLowerCase()) {
    case 'center':
    case 'centre':
    case 'middle':
      return 'center';
    case 'right':
    case 'end':
      return 'right';
    case 'justify':
      return 'justify';
    case 'left':
    case 'start':
      return 'left';
    default:
      return undefined;
  }
}

/** Resolves `href` against `base`; undefined when it cannot be parsed. */
export function absolute(href: string, base: string): string | undefined {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** True for hrefs we never follow: `javascript:`, `data:`, `vbscript:` (whitespace-obfuscated too). */
export function unsafeUrl(href: string): boolean {
  // eslint-disable-next-line no-control-regex -- browsers strip control characters from schemes
  const compact = href.replace(/[\u0000-\u0020]+/g, '').toLowerCase();
  return /^(javascript|data|vbscript):/.test(compact);
}

/**
 * A short stable id for a URL (cyrb53, base 36): the same URL always gives the same id, in any
 * context, without crypto APIs.
 */
export function shortId(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(36).padStart(11, '0');
}

/** Block-level HTML tags: an inline-ish wrapper containing one of these holds blocks. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** True when `el` is a block-level element by tag. */
export function isBlockTag(el: Element): boolean {
  return BLOCK_TAGS.has(tag(el));
}

/** True when `el` has a block-level element anywhere below it. */
export function holdsBlocks(el: Element): boolean {
  for (const d of Array.from(el.getElementsByTagName('*'))) if (isBlockTag(d)) return true;
  return false;
}
