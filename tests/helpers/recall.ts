/**
 * Word recall between what a page shows and what we produced: the measure of "every word of the
 * page is in the PDF". Independent of the reader's selectors on purpose.
 */

/** Never visible to a reader: non-rendered, hidden, controls, and the TOC macro's repeated list. */
const NOT_VISIBLE = [
  'script, style, noscript, template',
  '[hidden], .hidden, [aria-hidden="true"], .aui-icon',
  'button, input, select, textarea, form, fieldset, label',
  '.toc-macro',
  'svg',
  '.plugin_attachments_upload_container, .attachment-buttons',
].join(', ');

/** The text a person sees in a content root (block boundaries separate words). */
export function visibleText(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  for (const el of Array.from(copy.querySelectorAll(NOT_VISIBLE))) el.remove();
  for (const el of Array.from(
    copy.querySelectorAll('p, div, li, td, th, br, h1, h2, h3, h4, h5, h6, tr'),
  )) {
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
