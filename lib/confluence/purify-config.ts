/**
 * The DOMPurify configuration for Confluence's REST `export_view` HTML, in one place. The HTML
 * comes from the user's own Confluence, but any editor of any page can put hostile markup in it
 * (HTML macro, pasted content): nothing executable, embedded or form-like survives, only URLs
 * with safe schemes do, and what the reader needs stays: `class`, `id`, `data-*` (macro names,
 * panel types, linked resources), `style` (colours, widths, alignment), table spans, image
 * sources and sizes.
 */
import type { Config } from 'dompurify';

/** Elements removed with their content (scripts, styles) or without (forms keep their text). */
export const FORBIDDEN_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'noscript',
  'template',
  'portal',
  'math',
] as const;

/** Attributes that fetch or navigate on their own, beyond DOMPurify's event-handler removal. */
export const FORBIDDEN_ATTRIBUTES = [
  'srcset',
  'action',
  'formaction',
  'ping',
  'background',
  'poster',
  'xlink:href',
  'http-equiv',
] as const;

/**
 * http(s), mailto, tel, and relative URLs (no scheme before the first `/`, `?` or `#`). Same shape
 * as DOMPurify's default, minus ftp, sms, callto, cid and xmpp.
 */
export const SAFE_URL = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** DOMPurify's config for export_view HTML (spread it; add RETURN_DOM etc. where needed). */
export const PURIFY_CONFIG = {
  // HTML only: Confluence's export_view has no inline SVG or MathML worth reading, and both are
  // common XSS vehicles.
  USE_PROFILES: { html: true },
  FORBID_TAGS: [...FORBIDDEN_TAGS],
  FORBID_ATTR: [...FORBIDDEN_ATTRIBUTES],
  ALLOW_DATA_ATTR: true,
  ALLOW_ARIA_ATTR: true,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
} satisfies Config;

/** CSS inside a kept `style` attribute that could fetch or run something if ever rendered. */
export const UNSAFE_STYLE =
  /url\s*\(|expression\s*\(|@import|javascript:|behavior\s*:|-moz-binding/i;
