/** The page title of a whole saved Confluence page (HTML export, browser "save as", DC or Cloud). */
export function pageTitle(doc: Document): string | undefined {
  const meta = doc.querySelector('meta[name="ajs-page-title"]')?.getAttribute('content')?.trim();
  if (meta) return meta;
  const heading = doc
    .querySelector(
      '#title-text, [data-testid="title-text"], [data-test-id="title-text"], h1#title-heading, h1',
    )
    ?.textContent?.replace(/\s+/g, ' ')
    .trim();
  if (heading) return heading.replace(/^[^:]+ : /, '');
  // HTML exports title pages "Space : Page"; browsers add " - Space - Confluence".
  const title = doc.title.replace(/\s+-\s+[^-]+-\s+Confluence\s*$/, '').replace(/^[^:]+ : /, '');
  return title.trim() || undefined;
}
