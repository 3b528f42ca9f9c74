/**
 * The title of the Confluence page a document shows: the one title reader, for the open tab
 * (./page-identity.ts) and for saved pages (lib/convert): DC or Cloud, live, saved by the
 * browser, or Confluence's HTML export.
 */

/** Where the title stands, most specific first (a site header may hold an earlier `h1`). */
const HEADINGS = [
  '#title-text',
  '[data-testid="title-text"]',
  '[data-test-id="title-text"]',
  'h1#title-heading',
  'h1',
];

/** "Space : " before the page title, as HTML exports write it. */
const EXPORT_PREFIX = /^[^:]+ : /;
/** " - Space - Confluence" after the page title, as browsers show it. */
const SITE_SUFFIX = /\s+-\s+[^-]+-\s+Confluence\s*$/;

const collapse = (text: string | null | undefined): string =>
  (text ?? '').replace(/\s+/g, ' ').trim();

export function pageTitle(doc: Document): string | undefined {
  const meta = doc.querySelector('meta[name="ajs-page-title"]')?.getAttribute('content')?.trim();
  if (meta) return meta;
  const documentTitle = collapse(doc.title);
  for (const selector of HEADINGS) {
    const heading = collapse(doc.querySelector(selector)?.textContent);
    if (!heading) continue;
    // An export's heading repeats its <title>, "Space : Page"; a live page's <title> has the
    // site suffix, so a title with " : " of its own is kept whole.
    return heading === documentTitle ? heading.replace(EXPORT_PREFIX, '') : heading;
  }
  return documentTitle.replace(SITE_SUFFIX, '').replace(EXPORT_PREFIX, '').trim() || undefined;
}
