/**
 * Word recall between what a page shows and what we produced: the measure of "every word of the
 * page is in the PDF". Independent of the reader's selectors on purpose, but for the rules of
 * text Confluence hides, written down once in the reader.
 */
import { EXCLUDED_FROM_EXPORT, HIDDEN_TEXT } from '../../lib/read/hidden-text';

/**
 * Never visible to a reader: non-rendered elements, form controls, graphics, upload widgets, and
 * the text Confluence hides, and content its author excludes from exports (lib/read/hidden-text.ts:
 * the lists the reader uses too; excluded content is seen on the page but not owed to the PDF).
 */
const NOT_VISIBLE = [
  'script, style, noscript, template',
  HIDDEN_TEXT,
  EXCLUDED_FROM_EXPORT,
  'button, input, select, textarea, form, fieldset, label',
  'svg',
  '.plugin_attachments_upload_container, .attachment-buttons',
].join(', ');

/**
 * cloud (renderer 124–127 `div.ak-renderer-extension`, older `[data-node-type=extension]`): a
 * macro the renderer cannot draw shows a placeholder holding only the macro's title ("Table of
 * Contents"); on the live site the macro's own output stands there, and that output (a TOC: the
 * page's headings) is what the PDF shows.
 */
const PLACEHOLDER = '.ak-renderer-extension, [data-node-type="extension"]';
const isPlaceholder = (el: Element): boolean =>
  el.children.length === 1 && el.children[0]?.children.length === 0;

/**
 * Inline boxes drawn apart from the text beside them (padding, margin): view `.aui-lozenge`
 * (status, Jira status), cloud status `[data-node-type=status]` and the smart link's status
 * lozenge (`[data-testid=inline-card-resolved-view-lozenge]`). A person reads their text as
 * separate words even when no space separates them in the markup.
 */
const SEPARATE_BOXES =
  '.aui-lozenge, [data-node-type="status"], [data-testid="inline-card-resolved-view-lozenge"]';

/** The text a person sees in a content root (block boundaries separate words). */
export function visibleText(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  for (const el of Array.from(copy.querySelectorAll(NOT_VISIBLE))) el.remove();
  for (const el of Array.from(copy.querySelectorAll(PLACEHOLDER))) {
    if (isPlaceholder(el)) el.remove();
  }
  for (const el of Array.from(
    copy.querySelectorAll(`p, div, li, td, th, br, h1, h2, h3, h4, h5, h6, tr, ${SEPARATE_BOXES}`),
  )) {
    // Both sides: a block after inline text (`<span>a</span><p>b</p>`) starts a new word too.
    el.before(copy.ownerDocument.createTextNode(' '));
    el.append(copy.ownerDocument.createTextNode(' '));
  }
  return copy.textContent ?? '';
}

export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
}

/** Multiset recall of `reference` words in `candidate`, plus the missing words. */
export function recall(
  reference: readonly string[],
  candidate: readonly string[],
): { recall: number; missing: string[] } {
  const bag = new Map<string, number>();
  for (const w of candidate) bag.set(w, (bag.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of reference) {
    const n = bag.get(w) ?? 0;
    if (n > 0) bag.set(w, n - 1);
    else missing.push(w);
  }
  return { recall: reference.length ? 1 - missing.length / reference.length : 1, missing };
}
