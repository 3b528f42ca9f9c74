import type { Content } from 'pdfmake/interfaces';
import { childInlines, ownInlines, walkBlocks, walkInlines } from '../model/block-tree';
import type { Block, ExportModel, HeadingBlock, Inline, PageModel } from '../model/types';
import type { Prefs } from '../prefs/schema';
import type { PageGeometry } from './units';
import type { WordLedger } from './word-ledger';
import type { Theme } from './styles';

/** A heading of a page, as the outline, the TOC macro and links see it. */
export interface HeadingRef {
  level: number;
  text: string;
  /** pdfmake node id = PDF named destination. */
  dest: string;
  /** Destination of the bookmark this heading's bookmark nests under. */
  outlineParent: string;
}

/** Per-page destinations: anchor (as on the Confluence page) -> PDF destination id. */
export interface PageDests {
  /** Destination of the page title. */
  titleDest: string;
  anchors: Map<string, string>;
  headings: HeadingRef[];
  byBlock: Map<HeadingBlock, HeadingRef>;
}

/** Shared state of one layoutDocument() run. */
export interface DocState {
  model: ExportModel;
  prefs: Prefs;
  theme: Theme;
  /** Page geometry in the preferred orientation. */
  geometry: PageGeometry;
  landscape: PageGeometry;
  /** Page id -> destinations, filled by the pre-pass before any block is laid out. */
  pages: Map<string, PageDests>;
  /** Destinations already given to a node (pdfmake throws on duplicate node ids). */
  placed: Set<string>;
  /**
   * Data URL -> its name in the definition's `images` (assets with the same bytes share one).
   * pdfmake embeds a named image once however often it is used, an inline data URL once per use.
   */
  imageNames: Map<string, string>;
  /** Page-number cells made so far (see page-refs.ts). */
  pageRefs: Record<string, unknown>[];
  /**
   * Which words each laid-out block must draw (the conservation check); layoutDocument always
   * keeps one, unit tests that build a DocState by hand may leave it out.
   */
  ledger?: WordLedger;
}

/** Returns `dest` the first time it is asked for, undefined after (one node per id). */
export function claimId(ctx: LayoutContext, dest: string | undefined): string | undefined {
  if (!dest || ctx.doc.placed.has(dest)) return undefined;
  ctx.doc.placed.add(dest);
  return dest;
}

/** What a block layout function needs; `width` is the width available at this nesting. */
export interface LayoutContext {
  doc: DocState;
  page: PageModel;
  dests: PageDests;
  width: number;
  /** True for blocks directly in the page (not nested in tables, panels, ...). */
  topLevel: boolean;
  /** True inside a table cell (at any depth). */
  inTable?: boolean;
  /** Nesting depth of lists, for bullet styles. */
  listDepth: number;
  /** Body font size here (smaller inside wide tables). */
  fontSize: number;
}

/** A child context for nested content of the given width. */
export const nested = (ctx: LayoutContext, width: number): LayoutContext => ({
  ...ctx,
  width: Math.max(10, width),
  topLevel: false,
});

export type BlockLayout<B extends Block> = (block: B, ctx: LayoutContext) => Content;

/** Plain text of inlines (for bookmarks, TOC entries, measuring). */
export function plainText(inlines: readonly Inline[]): string {
  let out = '';
  for (const inline of inlines) out += ownPlainText(inline) + plainText(childInlines(inline));
  return out.replace(/\s+/g, ' ').trim();
}

/** The plain text `inline` shows itself (a link shows only its inlines'). */
function ownPlainText(inline: Inline): string {
  switch (inline.type) {
    case 'text':
    case 'date':
    case 'emoji':
    case 'status':
      return inline.text;
    case 'mention':
      return '@' + inline.name;
    case 'break':
      return ' ';
    case 'link':
    case 'image':
    case 'anchor':
      return '';
    default: {
      const _exhaustive: never = inline;
      void _exhaustive; // a type unknown to this build (a model made elsewhere) shows nothing
      return '';
    }
  }
}

/** Re-exported for the helpers that walked blocks through this module before the model had its walk. */
export { walkBlocks } from '../model/block-tree';

const safeId = (s: string): string => s.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 80);

/** Visible text of blocks, for measuring (space separated). */
export function blocksText(blocks: readonly Block[]): string {
  const parts: string[] = [];
  walkBlocks(blocks, (b) => {
    if (b.type === 'heading' || b.type === 'paragraph') parts.push(plainText(b.inlines));
    else if (b.type === 'code') parts.push(b.text);
  });
  return parts.join(' ');
}

/**
 * Pre-pass: gives every page a title destination and every heading, anchor macro and footnote a
 * unique destination, so links can be resolved before layout (pdfmake dangling destinations would
 * produce broken links).
 */
export function collectDests(pages: readonly PageModel[]): Map<string, PageDests> {
  const result = new Map<string, PageDests>();
  const used = new Set<string>();
  const unique = (base: string): string => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}~${n}`;
    used.add(id);
    return id;
  };
  pages.forEach((page, index) => {
    const prefix = `p${index}`;
    const dests: PageDests = {
      titleDest: unique(prefix),
      anchors: new Map(),
      headings: [],
      byBlock: new Map(),
    };
    let headingNo = 0;
    // Open bookmark per heading level, for nesting h3 under the h2 before it.
    const open: HeadingRef[] = [];
    walkBlocks(page.blocks, (b) => {
      if (b.type === 'heading') {
        headingNo++;
        const dest = unique(`${prefix}-${b.anchor ? safeId(b.anchor) : `h${headingNo}`}`);
        if (b.anchor && !dests.anchors.has(b.anchor)) dests.anchors.set(b.anchor, dest);
        while (open.length > 0 && (open[open.length - 1]?.level ?? 0) >= b.level) open.pop();
        const ref: HeadingRef = {
          level: b.level,
          text: plainText(b.inlines),
          dest,
          outlineParent: open[open.length - 1]?.dest ?? dests.titleDest,
        };
        open.push(ref);
        dests.headings.push(ref);
        dests.byBlock.set(b, ref);
      }
      if (b.type === 'footnotes') {
        for (const item of b.items) {
          if (!dests.anchors.has(item.id)) {
            dests.anchors.set(item.id, unique(`${prefix}-fn-${safeId(item.id)}`));
          }
        }
      }
      walkInlines(ownInlines(b), (i) => {
        if (i.type === 'anchor' && !dests.anchors.has(i.id)) {
          dests.anchors.set(i.id, unique(`${prefix}-a-${safeId(i.id)}`));
        }
      });
    });
    result.set(page.id, dests);
  });
  return result;
}
