// The "bench tree" family: a page tree of about N PDF pages for `npm run bench -- --subtree`.
// Root `Bench tree N` (a child of the space home) -> sections of up to 20 pages -> pages of four
// bench units each (the same realistic content as the long bench page, with its images). Pages
// are generated on demand and kept, never listed in the registry's PAGES (search, listings and
// other tests do not see them); registry.ts falls back here for ids and children.
import type { PageDef } from '../content/dsl.ts';
import { BENCH_IMAGES, benchUnits } from './content.ts';

/** Root ids: BENCH_TREE_BASE_ID + N; other pages: BENCH_TREE_PAGE_ID + N * 10_000 + k. */
export const BENCH_TREE_BASE_ID = 900_000;
const BENCH_TREE_PAGE_ID = 10_000_000;
export const BENCH_TREE_MAX_PAGES = 5000;

// Calibrated against Offprint's default layout: a four-unit page starting on a new PDF page is
// about 3 PDF pages; a section page (one unit) about 1.
const PDF_PAGES_PER_PAGE = 3;
const UNITS_PER_PAGE = 4;
const PAGES_PER_SECTION = 20;

const made = new Map<number, PageDef>();
const children = new Map<number, PageDef[]>();

function keep(p: PageDef): PageDef {
  made.set(p.id, p);
  return p;
}

const base = (id: number, title: string, parent: number, units: number, first: number) =>
  keep({
    id,
    title,
    parent,
    author: 'jdoe',
    updated: '2024-12-01T10:00:00.000Z',
    version: 1,
    attachments: [...BENCH_IMAGES],
    blocks: benchUnits(units, first),
  });

/** The root of the tree of about `pdfPages` PDF pages, its descendants generated with it. */
export function benchTreeRoot(pdfPages: number): PageDef | undefined {
  if (!Number.isInteger(pdfPages) || pdfPages < 1 || pdfPages > BENCH_TREE_MAX_PAGES)
    return undefined;
  const rootId = BENCH_TREE_BASE_ID + pdfPages;
  const existing = made.get(rootId);
  if (existing) return existing;
  const root = base(rootId, `Bench tree ${pdfPages}`, 1000, 1, 0);
  const leaves = Math.max(1, Math.round(pdfPages / PDF_PAGES_PER_PAGE));
  const sections = Math.ceil(leaves / PAGES_PER_SECTION);
  const idOf = (k: number): number => BENCH_TREE_PAGE_ID + pdfPages * 10_000 + k;
  const sectionPages: PageDef[] = [];
  let k = 0;
  for (let s = 0; s < sections; s++) {
    const section = base(idOf(k++), `Bench tree ${pdfPages} section ${s + 1}`, rootId, 1, s);
    sectionPages.push(section);
    const count = Math.min(PAGES_PER_SECTION, leaves - s * PAGES_PER_SECTION);
    const pages = Array.from({ length: count }, (_, i) => {
      const n = s * PAGES_PER_SECTION + i;
      return base(
        idOf(k++),
        `Bench tree ${pdfPages} page ${n + 1}`,
        section.id,
        UNITS_PER_PAGE,
        n * UNITS_PER_PAGE,
      );
    });
    children.set(section.id, pages);
  }
  children.set(rootId, sectionPages);
  return root;
}

/** A page of a bench tree by id (its tree is generated on first use). */
export function benchTreePage(id: number): PageDef | undefined {
  const known = made.get(id);
  if (known) return known;
  if (id > BENCH_TREE_BASE_ID && id <= BENCH_TREE_BASE_ID + BENCH_TREE_MAX_PAGES)
    return benchTreeRoot(id - BENCH_TREE_BASE_ID);
  if (id > BENCH_TREE_PAGE_ID) {
    benchTreeRoot(Math.floor((id - BENCH_TREE_PAGE_ID) / 10_000));
    return made.get(id);
  }
  return undefined;
}

/** Children of a bench tree page, in order (none for pages outside the family). */
export function benchTreeChildren(id: number): PageDef[] {
  if (!benchTreePage(id)) return [];
  return children.get(id) ?? [];
}

/** Every bench tree page generated so far (for the media index). */
export const benchTreePages = (): Iterable<PageDef> => made.values();
