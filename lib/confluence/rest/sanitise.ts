/**
 * Confluence REST `export_view` HTML -> a sanitised, inert element for `readPage`. Works with the
 * content script's DOMPurify (`DOMPurify(window)`) and with one made on a jsdom window in tests.
 */
import type { DOMPurify } from 'dompurify';
import { PURIFY_CONFIG, UNSAFE_STYLE } from '../purify-config';

/**
 * Parses and sanitises `html` (DOMPurify parses with the window's DOMParser into an inert
 * document: nothing loads or runs) and returns that document's `<body class="wiki-content">`,
 * ready for `readPage(root, { markup: 'view', pageUrl, pageId })`.
 */
export function sanitiseExportView(html: string, purify: DOMPurify): Element {
  const root = purify.sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM: true });
  if (!(root.nodeType === 1)) throw new Error('DOMPurify did not return an element');
  const body = root as Element;
  // The body of DOMPurify's own inert document, marked as the wiki content it is. Not moved into
  // a fresh element: moving a 10,000-deep tree overflows jsdom's (recursive) detach.
  body.classList.add('wiki-content');
  for (const el of body.querySelectorAll('[style]')) {
    const kept = (el.getAttribute('style') ?? '')
      .split(';')
      .filter((decl) => decl.trim() && !UNSAFE_STYLE.test(decl))
      .join(';');
    if (kept) el.setAttribute('style', kept);
    else el.removeAttribute('style');
  }
  return body;
}
