/**
 * The document model: the contract between reading (lib/read) and layout (lib/layout).
 * Plain JSON only — no functions, no DOM nodes — so it crosses extension messages and is what
 * golden tests snapshot.
 */

/** A whole export: one or more Confluence pages plus the images they reference. */
export interface ExportModel {
  title: string;
  /** Origin (and context path) of the Confluence site, e.g. `https://acme.atlassian.net/wiki`. */
  site: string;
  pages: PageModel[];
  /** Images by id; blocks reference them by that id. */
  assets: Record<string, Asset>;
  warnings: Warning[];
  /** BCP 47 language of the content (the page's `lang`), e.g. `en`, `de-DE`; 'en' if unknown. */
  lang?: string;
  /**
   * Where the reader's time went, in ms (for the benchmark and progress reporting; not shown in
   * the PDF): `read` = DOM -> model, `assets` = fetching and normalising images.
   */
  timings?: ReadTimings;
}

/** Milliseconds spent by the reader (see `ExportModel.timings`). */
export interface ReadTimings {
  read: number;
  assets: number;
}

export interface PageModel {
  id: string;
  title: string;
  url: string;
  spaceKey?: string;
  /** 0 for the root page of an export, 1 for its children, ... */
  depth: number;
  author?: string;
  updated?: string;
  blocks: Block[];
}

export interface Warning {
  /** Page id the warning is about, when known. */
  pageId?: string;
  /** Short machine-friendly kind: 'unhandled-macro', 'image-failed', 'page-skipped', ... */
  kind: string;
  message: string;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export type PanelKind = 'info' | 'note' | 'warning' | 'tip' | 'success' | 'error' | 'custom';

export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3 | 4 | 5 | 6;
  /** Anchor id as on the page (used for in-PDF links and bookmarks). */
  anchor?: string;
  inlines: Inline[];
}

export interface ParagraphBlock {
  type: 'paragraph';
  inlines: Inline[];
  align?: Align;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  start?: number;
  /** Each item is a sequence of blocks (paragraphs, nested lists, ...). */
  items: Block[][];
}

export interface TaskItem {
  done: boolean;
  blocks: Block[];
}

export interface TasksBlock {
  type: 'tasks';
  items: TaskItem[];
}

export interface DecisionItem {
  /** 'decided' (a decision made) or 'undecided'. */
  state: 'decided' | 'undecided';
  blocks: Block[];
}

export interface DecisionsBlock {
  type: 'decisions';
  items: DecisionItem[];
}

export interface TableCell {
  blocks: Block[];
  colspan: number;
  rowspan: number;
  header: boolean;
  /** CSS colour, e.g. `#deebff`. */
  background?: string;
  align?: Align;
}

export interface TableBlock {
  type: 'table';
  rows: TableCell[][];
  /** Leading rows that are headers (repeated on every PDF page). */
  headerRows: number;
  /** Relative column widths as on the page (pixels or percentages; only ratios matter). */
  widths?: number[];
  /** Confluence "numbered column" tables. */
  numbered?: boolean;
}

export interface CodeBlock {
  type: 'code';
  text: string;
  language?: string;
  title?: string;
  /** Colour runs when the page shows syntax highlighting; their texts concatenate to `text`. */
  tokens?: { text: string; colour?: string; bold?: boolean; italic?: boolean }[];
  lineNumbers?: boolean;
  firstLine?: number;
}

export interface PanelBlock {
  type: 'panel';
  kind: PanelKind;
  title?: string;
  blocks: Block[];
  /** Background colour of custom panels. */
  colour?: string;
  /** Emoji or short text shown as the panel's icon in custom panels. */
  icon?: string;
}

export interface ExpandBlock {
  type: 'expand';
  title: string;
  blocks: Block[];
}

export interface QuoteBlock {
  type: 'quote';
  blocks: Block[];
}

export interface RuleBlock {
  type: 'rule';
}

export interface ImageBlock {
  type: 'image';
  /** Key into `ExportModel.assets`; absent when the image could not be loaded. */
  asset?: string;
  /** Display size on the page in CSS pixels, when known. */
  width?: number;
  height?: number;
  alt?: string;
  caption?: Inline[];
  align?: Align;
  /** Original source URL or file name, shown in the placeholder when the image is missing. */
  src?: string;
  /** Makes the image a link. */
  href?: string;
}

export interface ColumnsBlock {
  type: 'columns';
  columns: Block[][];
  /** Relative widths (e.g. [1, 2] for a sidebar layout). */
  widths?: number[];
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

/**
 * Blocks printed on pages of their own orientation (Scroll's landscape and portrait macros): they
 * start a new page, and the page orientation of the export resumes after them.
 */
export interface SectionBlock {
  type: 'section';
  orientation: 'portrait' | 'landscape';
  blocks: Block[];
}

/** Confluence's table-of-contents macro: the layout renders the page's headings. */
export interface TocBlock {
  type: 'toc';
  maxLevel?: number;
  /** Confluence's "outline" option: entries numbered 1, 1.1, 1.2, 2, ... (lib/model/toc-outline.ts). */
  outline?: boolean;
}

/** Something we have no dedicated handler for: its visible content is kept. */
export interface UnsupportedBlock {
  type: 'unsupported';
  name: string;
  blocks: Block[];
}

export interface FootnotesBlock {
  type: 'footnotes';
  items: { id: string; blocks: Block[] }[];
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TasksBlock
  | DecisionsBlock
  | TableBlock
  | CodeBlock
  | PanelBlock
  | ExpandBlock
  | QuoteBlock
  | RuleBlock
  | ImageBlock
  | ColumnsBlock
  | PageBreakBlock
  | SectionBlock
  | TocBlock
  | UnsupportedBlock
  | FootnotesBlock;

export interface Marks {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  sup?: boolean;
  sub?: boolean;
  /** CSS colour of the text. */
  colour?: string;
  /** CSS colour of the highlight. */
  background?: string;
}

export interface TextInline {
  type: 'text';
  text: string;
  marks?: Marks;
}

/** A link target: a web URL, or a Confluence page (and optional anchor on it). */
export type LinkTarget =
  | { kind: 'url'; url: string }
  | { kind: 'anchor'; anchor: string }
  | { kind: 'page'; pageId: string; anchor?: string; url?: string };

export interface LinkInline {
  type: 'link';
  target: LinkTarget;
  inlines: Inline[];
}

export interface StatusInline {
  type: 'status';
  text: string;
  /** Confluence lozenge colour: neutral, grey, red, yellow, green, blue, purple. */
  colour: string;
  subtle?: boolean;
}

export interface MentionInline {
  type: 'mention';
  /** As the page shows it ("@Ana Lima" on Cloud, "Ana Lima" on Data Center). */
  name: string;
}

export interface DateInline {
  type: 'date';
  text: string;
}

export interface EmojiInline {
  type: 'emoji';
  /** The emoji character(s) or shortname text shown when no image is available. */
  text: string;
  asset?: string;
}

export interface ImageInline {
  type: 'image';
  asset?: string;
  width?: number;
  height?: number;
  alt?: string;
  src?: string;
}

export interface BreakInline {
  type: 'break';
}

/** An anchor target in running text (Confluence anchor macro). */
export interface AnchorInline {
  type: 'anchor';
  id: string;
}

export type Inline =
  | TextInline
  | LinkInline
  | StatusInline
  | MentionInline
  | DateInline
  | EmojiInline
  | ImageInline
  | BreakInline
  | AnchorInline;

/** An image's bytes, fetched by the reader where it has the page's cookies. */
export interface Asset {
  /** `image/png`, `image/jpeg` or `image/svg+xml` after normalisation. */
  mime: string;
  /** A `data:` URL holding the bytes (SVG: `data:image/svg+xml;base64,...`). */
  dataUrl: string;
  /** Intrinsic size in pixels. */
  width: number;
  height: number;
  sourceUrl: string;
}
