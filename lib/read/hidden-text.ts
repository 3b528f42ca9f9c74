/**
 * Text that Confluence itself keeps out of sight: it is in the DOM but nobody sees it, so it is
 * not content. Each rule is written down once, here: the reader ignores these elements
 * (lib/read/handlers/index.ts) and the word-recall check leaves them out of what a page shows
 * (tests/helpers/recall.ts). A rule belongs here only when it names a real Confluence construct
 * whose text Confluence's own markup or CSS hides; anything a person can see does not.
 */
export const HIDDEN_TEXT_RULES: readonly string[] = [
  // all: the HTML `hidden` attribute (display: none), e.g. DC dialogs kept in the page.
  '[hidden]',
  // view (DC/Server 5–8, Cloud export_view): AUI's `.hidden` class (display: none), e.g. the
  // recently-updated macro's `div.hidden.parameters`, the page tree's `fieldset.hidden`.
  '.hidden',
  // view (DC/Server 5–8, Cloud HTML export): AUI icon glyphs. Their text is a label for screen
  // readers ("Blog:" before a blog-post title, "PNG File" before an attachment, "Page:" in
  // content-by-label) that AUI moves out of the box with `text-indent`; only the glyph shows.
  '.aui-icon',
  // view (DC/Server 5–8): AUI `.assistive` spans, positioned off-screen for screen readers.
  '.assistive',
  // cloud (renderer 124–127): decorative copies hidden from assistive technology (heading anchor
  // buttons, task-checkbox and decision icons: `span[aria-hidden=true]` around an SVG); view
  // (DC 7–8): closed dropdown layers of the page chrome (`div.aui-dropdown2[aria-hidden=true]`).
  '[aria-hidden="true"]',
];

/** The rules as one selector list. */
export const HIDDEN_TEXT = HIDDEN_TEXT_RULES.join(', ');
