/** Finds the page body in a Confluence document, leaving the chrome around it out. */
import * as S from '../confluence/selectors';
import type { Markup } from './read-page';

/**
 * The element holding the page content, and which markup it uses: the Cloud renderer document
 * (`.ak-renderer-document`), DC/Server and HTML exports (`#main-content`, `.wiki-content`), or
 * a bare export_view / body.view fragment (the body itself). Null for an empty document.
 */
export function findContentRoot(doc: Document): { root: Element; markup: Markup } | null {
  const cloud = first(doc, S.cloudDocument);
  if (cloud) return { root: cloud, markup: 'cloud' };
  for (const sel of [S.viewMainContent, S.viewWikiContent, S.anyContentRoot]) {
    const el = first(doc, sel);
    if (el) return { root: el, markup: 'view' };
  }
  const body = doc.body ?? doc.documentElement;
  if (!body || (!(body.textContent ?? '').trim() && !body.querySelector('img, table'))) return null;
  return { root: body, markup: 'view' };
}

function first(doc: Document, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    return null;
  }
}
