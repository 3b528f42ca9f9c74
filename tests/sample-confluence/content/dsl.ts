// A tiny content language for the sample pages. Pages are data in this shape; render-view.ts
// and render-cloud.ts turn the same data into Confluence's two markups.

/** Text marks. */
export type Mark = 'b' | 'i' | 'u' | 's' | 'code' | 'sub' | 'sup';

/** Lozenge colours (DC `aui-lozenge-*` / Cloud `data-color`). */
export type StatusColour = 'grey' | 'blue' | 'green' | 'yellow' | 'red' | 'purple';

/** Users known to the sample site (see space.ts). */
export type UserKey = 'amoreau' | 'bokafor' | 'cwei' | 'jdoe';

/** Emoji known to both renderers (see emoji table in space.ts). */
export type EmojiKey = 'smile' | 'thumbsup' | 'warning' | 'tick' | 'bulb';

export type Inline =
  | string
  | { text: string; marks?: Mark[]; colour?: string; highlight?: string }
  | { link: string; body: Inline[] }
  /** A link to another page of the space, by title; `anchor` is a heading anchor there. */
  | { page: string; anchor?: string; body?: Inline[] }
  /** A same-page link to a heading anchor (the DSL anchor name, see Heading.anchor). */
  | { anchor: string; body: Inline[] }
  | { br: true }
  | { status: string; colour: StatusColour; subtle?: boolean }
  | { mention: UserKey }
  /** ISO date, yyyy-mm-dd. */
  | { date: string }
  | { emoji: EmojiKey }
  | { smartLink: string; title: string }
  | { jira: { key: string; summary: string; status: string; colour: StatusColour } };

/** Text content: a plain string or a run of inlines. */
export type Text = string | Inline[];

export type ListItem = Text | { text: Text; sub: ListBlock };
export type ListBlock = { ul: ListItem[] } | { ol: ListItem[]; start?: number };

export interface Cell {
  body: Block[] | Text;
  th?: boolean;
  colspan?: number;
  rowspan?: number;
  /** Background colour, e.g. '#deebff'. */
  bg?: string;
}

export interface Table {
  rows: (Cell | Text)[][];
  /** Column widths in px. */
  widths?: number[];
  /** First row is a header row (its plain cells become th). */
  header?: boolean;
  /** Confluence's "numbered rows" option. */
  numbered?: boolean;
}

export type PanelKind = 'info' | 'note' | 'warning' | 'tip' | 'success' | 'error' | 'custom';
export type LayoutKind = 'two-equal' | 'three-equal' | 'two-right-sidebar' | 'two-left-sidebar';

export type Block =
  | { h: 1 | 2 | 3 | 4 | 5 | 6; text: Text }
  | { p: Text; align?: 'center' | 'right' }
  | ListBlock
  | { tasks: { done: boolean; text: Text }[] }
  | { decisions: Text[] }
  | { table: Table }
  | { code: { lang: string; text: string; title?: string; lineNumbers?: boolean } }
  | { panel: { kind: PanelKind; title?: string; blocks: Block[]; bg?: string; emoji?: EmojiKey } }
  | { expand: { title: string; blocks: Block[] } }
  | { quote: Block[] }
  | { hr: true }
  | { toc: true }
  | { layout: { kind: LayoutKind; columns: Block[][] } }
  /** An image attached to this page. */
  | {
      img: {
        file: string;
        width?: number;
        alt?: string;
        caption?: string;
        align?: 'center' | 'left';
      };
    }
  /** An image by URL; a path is resolved against the site's own origin. */
  | { externalImg: { url: string; alt?: string; width?: number } }
  /** The attachments macro (lists this page's attachments). */
  | { attachments: true }
  /** The page properties ("details") macro: a two-column key/value table. */
  | { properties: [string, Text][] }
  | { excerpt: Block[] }
  /** A third-party macro the exporter cannot know; it renders visible placeholder text. */
  | { macro: { name: string; title: string; text: string } };

/** One page of the sample space. */
export interface PageDef {
  id: number;
  title: string;
  /** Parent page id; the space home has none. */
  parent?: number;
  author: UserKey;
  /** ISO date-time of the last change. */
  updated: string;
  version: number;
  type?: 'page' | 'blogpost';
  /** Names from images/library.ts attached to this page. */
  attachments?: string[];
  /** The page exists but the user may not read it: 403 everywhere. */
  restricted?: boolean;
  /** The user may read the page but not add attachments to it: uploads answer 403. */
  readOnly?: boolean;
  labels?: string[];
  blocks: Block[];
}

// Small constructors to keep page data readable.
export const b = (text: string): Inline => ({ text, marks: ['b'] });
export const i = (text: string): Inline => ({ text, marks: ['i'] });
export const code = (text: string): Inline => ({ text, marks: ['code'] });
export const link = (url: string, text: string): Inline => ({ link: url, body: [text] });
export const page = (title: string, text?: string): Inline =>
  text === undefined ? { page: title } : { page: title, body: [text] };
