import type { Block } from '../../model/types';
import type { ReadState } from '../state';
import { readBlocks } from '../walk';

/** Listing macros by name: view `data-macro-name`, Cloud `data-extension-key` (same names). */
const LISTING_MACRO_NAMES = [
  'blog-posts', // blog posts: titles, or excerpts with "<author> posted on <date>"
  'recently-updated', // recently updated: titles with "<date> • contributed by <user>"
  'recently-updated-dashboard',
  'contentbylabel', // content by label: titles, spaces, labels
  'children', // children display: child page titles (and excerpts)
  'pagetree', // page tree: the space's pages as a nested list
  'profile', // user profile: name, title, contacts
  'userlister', // user list
  'contributors', // contributors: names
  'contributors-summary', // contributors summary: a table of names and counts
];

/**
 * view (DC/Server 5–8, Cloud export_view): listing macros, also by their own wrapper classes
 * (`div.blog-post-list`, `div.recently-updated`, `div.plugin_pagetree`, `div.profile-macro`,
 * `div.plugin-contributors`); cloud (124–127): the same macros as extensions keyed by
 * `data-extension-key`. Their lists (`ul.content-by-label`, `ul.childpages-macro`) are read as
 * lists inside.
 */
export const listingMacros = [
  ...LISTING_MACRO_NAMES.flatMap((name) => [
    `[data-macro-name="${name}"]`,
    `[data-extension-key="${name}"]`,
  ]),
  'div.blog-post-list',
  'div.recently-updated',
  'div.plugin_pagetree',
  'div.profile-macro',
  'div.plugin-contributors',
].join(', ');

/**
 * Inside a listing, each item's metadata line ("<author> posted on <date>" under a blog post,
 * view `div.page-metadata`) is content: elsewhere that class is the page's own byline (chrome).
 */
const ITEM_METADATA = '.page-metadata, .page-metadata-modification-info';

/**
 * Listing macros (blog posts, recently updated, content by label, children, page tree, profiles,
 * contributors): what Confluence printed is read as ordinary content, every line of it — titles,
 * authors, dates, excerpts — the icons' hidden labels left out (lib/read/hidden-text.ts).
 */
export function listing(state: ReadState, el: Element): Block[] {
  const saved = state.keep;
  state.keep = ITEM_METADATA;
  try {
    return readBlocks(state, el);
  } finally {
    state.keep = saved;
  }
}
