/**
 * Named CSS selectors for Confluence markup, in one place: when Confluence changes its markup,
 * this file changes. Each comment names the markup it was seen in:
 * - "view": legacy view / export_view markup (Data Center/Server page DOM 7.x–8.x, REST
 *   `body.view` / `body.export_view` of Cloud and DC, Cloud "HTML export" 2025);
 * - "cloud": the Cloud renderer DOM (`@atlaskit/renderer` 124–127, confluence.atlassian.net).
 */

// ---------------------------------------------------------------- content roots

/** cloud: the renderer's document element. */
export const cloudDocument = '.ak-renderer-document';
/** view: DC/Server page body and HTML exports (`div#main-content.wiki-content`). */
export const viewMainContent = '#main-content';
/** view: the wiki markup container (page body, export_view wrappers, DC 7.x–8.x). */
export const viewWikiContent = '.wiki-content';
/** cloud + view: the element holding the page body when `#main-content` is missing. */
export const anyContentRoot = '#content .wiki-content, .page-content, #content-body';

// ---------------------------------------------------------------- ignored: never content

/** all: non-rendered elements. */
export const nonRendered = 'script, style, noscript, template, link, meta, title, head';
/** all: form controls and buttons are UI (task checkboxes are read by the task handler). */
export const controls = 'button, input, select, textarea, form, fieldset, label';
// Text Confluence hides (`hidden`, AUI `.hidden`, `.aui-icon`, `.assistive`, `aria-hidden`):
// lib/read/hidden-text.ts, shared with the word-recall check.
/** view (DC 7–8): page chrome that can end up inside a content root. */
export const viewChrome = [
  '#breadcrumb-section',
  '#likes-and-labels-container',
  '#comments-section',
  '#page-metadata-banner',
  '.page-metadata',
  '.page-metadata-modification-info',
  '#children-section',
  '.pageSection.group', // HTML export: "Attachments:" / "Comments:" sections after the body
  '#footer',
  '.footer-body',
  '.plugin_pagetree_childtoggle_container',
  '.plugin_attachments_upload_container',
  '.confluence-information-macro-icon',
  '.expand-control-icon',
].join(', ');
/** cloud (renderer 124–127): heading anchor buttons, copy/wrap buttons, media badges. */
export const cloudChrome = [
  '.heading-anchor-wrapper',
  '[data-testid="visually-hidden-heading-anchor"]',
  '.copy-to-clipboard',
  '.wrap-code',
  '[data-media-badges]',
  '.ak-renderer-tableHeader-sorting-icon__wrapper',
  '.ak-editor-panel__icon',
  '.sentinel-left',
  '.sentinel-right',
  '.pm-table-sticky-sentinel-top',
  '.pm-table-sticky-sentinel-bottom',
].join(', ');
/** all: decorative graphics (diagram macros are not read as text). */
export const graphics = 'svg, canvas, video, audio, iframe, object, embed, map';

// ---------------------------------------------------------------- text and marks

/** all: elements that only change the look of their text. */
export const markElements =
  'strong, b, em, i, u, ins, s, del, strike, code, kbd, samp, tt, sub, sup, mark, font, span, small, big, abbr, cite, dfn, q, var, bdi, bdo, time:not([datetime])';

// ---------------------------------------------------------------- blocks

/** all: headings. */
export const heading = 'h1, h2, h3, h4, h5, h6';
/** all: paragraphs. */
export const paragraph = 'p';
/** cloud (124–127): alignment mark wrapper `div.fabric-editor-block-mark[data-align]`. */
export const cloudAlignment = '.fabric-editor-alignment, .fabric-editor-block-mark[data-align]';
/** all: ordered and bulleted lists (cloud: `ul.ak-ul`, `ol.ak-ol`). */
export const list = 'ul, ol';
/** view: inline task lists `ul.inline-task-list > li.checked` (DC 6–8, Cloud export_view). */
export const viewTaskList = 'ul.inline-task-list';
/** cloud (127): `div[role=group][data-task-list-local-id]`; older: `[data-node-type=actionList|taskList]`. */
export const cloudTaskList =
  '[data-task-list-local-id], [data-node-type="actionList"], [data-node-type="taskList"]';
/** cloud (127): one task: `div[data-task-local-id]` (a nested list is also wrapped in one). */
export const cloudTaskItem = '[data-task-local-id], [data-node-type="taskItem"]';
/** cloud (124–127): `ol[data-node-type=decisionList]`; view (DC 6+): `ul.decision-list`. */
export const decisionList =
  '[data-node-type="decisionList"], ul.decision-list, [data-decision-list-local-id]';
/** all: tables (view `table.confluenceTable`, cloud `table[data-testid=renderer-table]`). */
export const table = 'table';
/** view: wrappers around tables. cloud: `div.pm-table-container > div.pm-table-wrapper`. */
export const tableWrappers = '.table-wrap, .pm-table-container, .pm-table-wrapper';
/** view: numbered-column cell `td.numberingColumn`; cloud: `td.ak-renderer-table-number-column`. */
export const numberCell = '.numberingColumn, .ak-renderer-table-number-column';
/** view: code macro `div.code.panel` (DC 5–8, exports), old `div.syntaxhighlighter`, `pre.syntaxhighlighter-pre`. */
export const viewCode =
  'div.code.panel, div.codeContent, pre.syntaxhighlighter-pre, div.syntaxhighlighter, [data-macro-name="code"], [data-macro-name="noformat"], div.preformatted';
/** cloud (124–127): `div.code-block`; older renderers `[data-node-type=codeBlock]`. */
export const cloudCode = '.code-block, [data-node-type="codeBlock"]';
/** all: bare preformatted text. */
export const pre = 'pre';
/** view: information macros (info, note, warning, tip), DC 5–8 and exports. */
export const viewInfoMacro = '.confluence-information-macro';
/** view: generic panel macro `div.panel` with `.panelHeader` / `.panelContent`. */
export const viewPanel = 'div.panel, [data-macro-name="panel"]';
/** cloud (124–127): panels `div.ak-editor-panel[data-panel-type]`. */
export const cloudPanel = '[data-panel-type]';
/** view: expand macro `div.expand-container` (DC 5–8, exports). */
export const viewExpand = '.expand-container, [data-macro-name="expand"]';
/** cloud (124–127): `div[data-node-type=expand|nestedExpand]`. */
export const cloudExpand = '[data-node-type="expand"], [data-node-type="nestedExpand"]';
/** all: quotations. */
export const blockquote = 'blockquote';
/** all: horizontal rules. */
export const rule = 'hr';
/** view: page layouts `div.contentLayout2 > div.columnLayout > div.cell > div.innerCell` (DC 5.7+). */
export const viewLayoutSection = '.columnLayout';
/** view: the layout container (sections inside it are read one by one). */
export const viewLayout = '.contentLayout2, .contentLayout';
/** cloud (124–127): `div[data-layout-section] > div[data-layout-column][data-column-width]`. */
export const cloudLayoutSection = '[data-layout-section]';
/** cloud (124–127): a layout column. */
export const cloudLayoutColumn = '[data-layout-column]';
/** view: TOC macro `div.toc-macro` (DC 5–8, exports); cloud: extension key `toc`. */
export const toc =
  '.toc-macro, [data-macro-name="toc"], [data-extension-key="toc"], [data-macro-name="toc-zone"] > .toc-macro';
/** cloud (124–127): single media `div[data-node-type=mediaSingle]`, media groups. */
export const cloudMedia =
  '[data-node-type="mediaSingle"], [data-node-type="mediaGroup"], [data-node-type="media"], .mediaSingleView-content-wrap';
/** cloud (124–127): media caption. */
export const cloudCaption = '[data-media-caption], [data-node-type="caption"], figcaption';
/** cloud (124–127): block smart card `div.blockCardView-content-wrap[data-card-url]`, embeds. */
export const cloudBlockCard =
  '[data-block-card], .blockCardView-content-wrap, [data-embed-card], .embedCardView-content-wrap';
/** view (Cloud export_view 2025): embedded smart link `a[data-card-appearance=embed|block]`. */
export const viewBlockCard = 'a[data-card-appearance="embed"], a[data-card-appearance="block"]';
/** view: attachments macro (DC 5–8, Cloud HTML export). */
export const attachments =
  '.plugin_attachments_container, [data-macro-name="attachments"], [data-extension-key="attachments"]';
/** view: Jira issues table macro. */
export const jiraTable = '.jira-table, [data-macro-name="jira"] table, .jira-issues';
/**
 * view: page-properties, excerpt, include, section/column macros: transparent wrappers.
 * cloud (124–127): the same macros as extensions keyed by `data-extension-key`, body rendered inside.
 */
const TRANSPARENT_MACRO_NAMES = [
  'details',
  'excerpt',
  'excerpt-include',
  'include',
  'multiexcerpt',
  'multiexcerpt-include',
  'section',
  'column',
  'div',
  'span',
  'toc-zone',
];
export const transparentMacros = [
  ...TRANSPARENT_MACRO_NAMES.map((name) => `[data-extension-key="${name}"]`),
  '.plugin-tabmeta-details',
  '[data-macro-name="details"]',
  '[data-macro-name="excerpt"]',
  '.excerpt',
  '[data-macro-name="excerpt-include"]',
  '[data-macro-name="include"]',
  '.include-content',
  '[data-macro-name="multiexcerpt"]',
  '[data-macro-name="section"]',
  '[data-macro-name="column"]',
  '[data-macro-name="div"]',
  '[data-macro-name="span"]',
  '[data-macro-name="html"]',
  '[data-macro-name="toc-zone"]',
].join(', ');
/** cloud (124–127): layout-only wrappers (sortable header cells, extension frames, indentation). */
export const cloudWrappers =
  '.ak-renderer-tableHeader-sortable-column, .ak-renderer-extension-inner-wrapper, .ak-renderer-extension-overflow-container, .fabric-editor-indentation-mark, .ak-renderer-wrapper, .ak-renderer-document';
/** view: footnotes (footnote macro plugins). */
export const footnotes = '.footnotes, ol.footnotes, section.footnotes';
/** view: macros rendered server-side but unknown to us. */
export const anyMacro = '[data-macro-name]';
/** cloud (124–127): extensions (macros): `div.ak-renderer-extension`, `[data-node-type=extension]`. */
export const cloudExtension =
  '.ak-renderer-extension, [data-node-type="extension"], [data-node-type="bodiedExtension"], [data-node-type="inlineExtension"], [data-extension-key]';

// ---------------------------------------------------------------- inline

/** all: line breaks. */
export const lineBreak = 'br';
/** view: status macro `span.status-macro.aui-lozenge`; cloud: `span[data-node-type=status]`. */
export const status = '.status-macro, [data-node-type="status"], [data-macro-name="status"]';
/** view: user links `a.confluence-userlink`, `a.user-mention`; cloud: `[data-mention-id]`. */
export const mention =
  'a.confluence-userlink, a.user-mention, a[data-linked-resource-type="userinfo"], [data-mention-id], [data-node-type="mention"]';
/** view: `time[datetime]` (DC 6+); cloud: `span[data-node-type=date]`. */
export const date = 'time[datetime], [data-node-type="date"]';
/** view: `img.emoticon` (data-emoji-fallback / alt); cloud: `[data-emoji-short-name]`, `img.emoji`. */
export const emoji = 'img.emoticon, [data-emoji-short-name], [data-node-type="emoji"], img.emoji';
/** cloud (124–127): inline smart links; view (Cloud export_view 2025): `a[data-card-appearance=inline]`. */
export const inlineCard =
  '[data-inline-card], .inlineCardView-content-wrap, [data-node-type="inlineCard"], a[data-testid="inline-card-resolved-view"], a[data-card-appearance="inline"]';
/** view: single Jira issue macro `span.jira-issue[data-jira-key]`. */
export const jiraIssue = '.jira-issue, [data-jira-key]';
/** view: embedded file previews `a.confluence-embedded-file`, attachment links. */
export const embeddedFile =
  'a.confluence-embedded-file, .confluence-embedded-file-wrapper > a[data-linked-resource-type="attachment"]';
/** view: images `img.confluence-embedded-image`, `img.confluence-external-resource`; any `img`. */
export const image = 'img';
/** view: anchor macro `span.confluence-anchor-link[id]`; cloud: `[data-node-type=anchor]`. */
export const anchor = '.confluence-anchor-link, [data-node-type="anchor"], a[name]:not([href])';
/** all: links. */
export const link = 'a[href]';
/** view: image alignment wrappers `span.confluence-embedded-file-wrapper.image-center-wrapper`. */
export const viewImageWrapper = '.confluence-embedded-file-wrapper';
