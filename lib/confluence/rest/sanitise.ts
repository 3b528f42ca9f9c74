/**
 * Confluence REST `export_view` HTML -> a sanitised, inert element for `readPage`. Works with the
 * content script's DOMPurify (`DOMPurify(window)`) and with one made on a jsdom window in tests.
 */
import type { DOMPurify } from 'dompurify';
import { PURIFY_CONFIG, UNSAFE_STYLE } from '../purify-config';

/**
 * Parses and sanitises `html` (DOMPurify parses with the window's DOMParser into an inert
 * document: nothing loads or runs) and returns a `<div class="wiki-content">` holding the result,
 * ready for `readPage(root, { flavour: 'view', pageUrl, pageId })`.
 */
export function sanitiseExportView(html: string, purify: DOMPurify): Element {
  const body = purify.sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM: true });
  const doc = body.ownerDocument;
  if (!doc) throw new Error('DOMPurify returned a node without a document');
  const root = doc.createElement('div');
  root.className = 'wiki-content';
  while (body.firstChild) root.appendChild(body.firstChild);
  for (const el of root.querySelectorAll('[style]')) {
    const kept = (el.getAttribute('style') ?? '')
      .split(';')
      .filter((decl) => decl.trim() && !UNSAFE_STYLE.test(decl))
      .join(';');
    if (kept) el.setAttribute('style', kept);
    else el.removeAttribute('style');
  }
  return root;
}
