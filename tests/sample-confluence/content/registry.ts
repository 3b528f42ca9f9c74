import { benchTreeChildren, benchTreePage } from '../bench/tree.ts';
import type { PageDef } from './dsl.ts';
import { ARCHIVE_PAGES } from './pages-archive.ts';
import { BLOG_POSTS } from './pages-blog.ts';
import { COMPLIANCE_PAGES } from './pages-compliance.ts';
import { ENGINEERING_PAGES } from './pages-engineering.ts';
import { HOME, RELEASE_NOTES } from './pages-home.ts';
import { KITCHEN_SINK } from './kitchen-sink.ts';
import { MULTILINGUAL } from './pages-multilingual.ts';
import { OPERATIONS_PAGES } from './pages-operations.ts';

/**
 * Every page of the sample space, in tree order (siblings keep this order). Adding a page is
 * one entry here (or in one of the arrays).
 */
export const PAGES: PageDef[] = [
  HOME,
  ...ENGINEERING_PAGES,
  ...OPERATIONS_PAGES,
  ...COMPLIANCE_PAGES,
  KITCHEN_SINK,
  MULTILINGUAL,
  ...RELEASE_NOTES,
  ...BLOG_POSTS,
  ...ARCHIVE_PAGES,
];

const byId = new Map(PAGES.map((p) => [p.id, p]));
const byTitle = new Map(PAGES.map((p) => [p.title, p]));

// The bench tree family (bench/tree.ts) is generated on demand and answers for its own ids.
export const pageById = (id: number): PageDef | undefined => byId.get(id) ?? benchTreePage(id);
export const pageByTitle = (title: string): PageDef | undefined => byTitle.get(title);
/** A blog post by its URL's date (yyyy-mm-dd) and title. */
export const blogPost = (date: string, title: string): PageDef | undefined =>
  PAGES.find((p) => p.type === 'blogpost' && p.title === title && p.updated.startsWith(date));
export const childrenOf = (id: number): PageDef[] =>
  byId.has(id) ? PAGES.filter((p) => p.parent === id) : benchTreeChildren(id);
/** Index among its siblings (Confluence's `position`); a bench tree root comes after them. */
export function positionOf(p: PageDef): number {
  const siblings =
    p.parent === undefined ? PAGES.filter((x) => x.parent === undefined) : childrenOf(p.parent);
  const at = siblings.indexOf(p);
  return at >= 0 ? at : siblings.length;
}

/** Root first, direct parent last (Confluence's `ancestors` order). */
export function ancestorsOf(p: PageDef): PageDef[] {
  const out: PageDef[] = [];
  for (let cur = p.parent === undefined ? undefined : pageById(p.parent); cur;) {
    out.unshift(cur);
    cur = cur.parent === undefined ? undefined : pageById(cur.parent);
  }
  return out;
}

/** All descendants, depth first. */
export function descendantsOf(id: number): PageDef[] {
  return childrenOf(id).flatMap((c) => [c, ...descendantsOf(c.id)]);
}
