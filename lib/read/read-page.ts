/**
 * Confluence DOM -> document model. Works on both markups (Cloud renderer DOM and the legacy
 * view / export_view markup), in jsdom and in a content script: it only uses what the element
 * gives it, never `document`, the network or pdfmake.
 */
import type { Block, Warning } from '../model/types';
import { readBlocks } from './walk';
import { createState } from './state';

/** Which of Confluence's two markups a page is in: the Cloud renderer DOM, or legacy view. */
export type Markup = 'cloud' | 'view';

/** Where the markup came from. */
export interface ReadContext {
  /** Absolute URL of the page, for resolving relative links and images. */
  pageUrl: string;
  markup: Markup;
  pageId?: string;
}

/** What reading a page gives. */
export interface ReadResult {
  blocks: Block[];
  /** Asset id -> absolute image URL to fetch. */
  images: Record<string, string>;
  warnings: Warning[];
  /** Elements read per handler (`handled`) and per unknown construct read as its children (`fallback`). */
  stats: { handled: Record<string, number>; fallback: Record<string, number> };
}

/** Reads the content under `root` (see `findContentRoot`) into model blocks. Never throws on content. */
export function readPage(root: Element, ctx: ReadContext): ReadResult {
  const state = createState(root, ctx);
  const blocks = readBlocks(state, root);
  blocks.push(...state.lifted.splice(0));
  return { blocks, images: state.images, warnings: state.warnings, stats: state.stats };
}
