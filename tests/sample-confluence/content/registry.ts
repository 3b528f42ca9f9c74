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

export const pageById = (id: number): PageDef | undefined => byId.get(id);
export const pageByTitle = (title: string): PageDef | undefined => byTitle.get(title);
/** A blog post by its URL's date (yyyy-mm-dd) and title. */
export const blogPost = (date: string, title: string): PageDef | undefined =>
  PAGES.find((p) => p.type === 'blogpost' && p.title === title && p.updated.startsWith(date));
export const childrenOf = (id: number): PageDef[] => PAGES.filter((p) => p.parent === id);

/** Root first, direct parent last (Confluence's `ancestors` order). */
export function ancestorsOf(p: PageDef): PageDef[] {
  const out: PageDef[] = [];
  for (let cur = p.parent === undefined ? undefined : byId.get(p.parent); cur;) {
    out.unshift(cur);
    cur = cur.parent === undefined ? undefined : byId.get(cur.parent);
  }
  return out;
}

/** All descendants, depth first. */
export function descendantsOf(id: number): PageDef[] {
  return childrenOf(id).flatMap((c) => [c, ...descendantsOf(c.id)]);
}
