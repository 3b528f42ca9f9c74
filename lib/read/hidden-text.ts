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

/**
 * Content the page's author keeps out of exports on purpose: Scroll Exporter Extensions' "Scroll
 * Ignore" macros (K15t), which show their body on the page and leave it out of every export
 * (`scroll-ignore`, `scroll-ignore-inline`), or out of PDF exports (`scroll-pdf-ignore`,
 * `scroll-pdf-ignore-inline`); names as in xwiki-contrib/confluence's
 * ScrollExporterMacrosConverter. view (DC/Server, REST body.view / export_view): the macro's
 * `div.conf-macro[data-macro-name]` (or `span` for the inline ones) around its body; cloud: the
 * extension node keyed `data-extension-key`. The reader drops them without a warning (the
 * author asked for it), and the word-recall check does not expect their words
 * (tests/helpers/recall.ts), so this list is their one home.
 */
export const EXCLUDED_FROM_EXPORT_MACROS: readonly string[] = [
  'scroll-ignore',
  'scroll-ignore-inline',
  'scroll-pdf-ignore',
  'scroll-pdf-ignore-inline',
];

/** A selector for the elements of macros named `names`, in both markups. */
export const macroSelector = (names: readonly string[]): string =>
  names.map((n) => `[data-macro-name="${n}"], [data-extension-key="${n}"]`).join(', ');

/** The excluded macros as one selector list. */
export const EXCLUDED_FROM_EXPORT = macroSelector(EXCLUDED_FROM_EXPORT_MACROS);

/**
 * The opposite: content hidden on the page and shown in exports, Scroll's "Scroll Only" macros
 * (`scroll-only`, `scroll-only-inline`; PDF only: `scroll-pdf-only`, `scroll-pdf-only-inline`).
 * The reader reads them as their children, in their place (block or inline).
 */
export const EXPORT_ONLY = macroSelector([
  'scroll-only',
  'scroll-only-inline',
  'scroll-pdf-only',
  'scroll-pdf-only-inline',
]);
