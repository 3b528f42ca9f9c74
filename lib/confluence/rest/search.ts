/**
 * CQL search through the v1 search API, the same on both deployments: `/rest/api/search` on Data
 * Center, `/wiki/rest/api/search` on Cloud (v2 has no CQL search). Answers are capped (25 on
 * Cloud whatever `limit` asks); every `_links.next` is followed (`start=` on DC, `cursor=` on
 * Cloud).
 */
import type { Http } from './http';
import { listingResults, pick, str } from './links';

/** One page a search found (no body). */
export interface SearchHit {
  id: string;
  title: string;
  type: 'page' | 'blogpost';
  /** ISO date-time of the last change, when the search says. */
  lastModified?: string;
  /** Ancestor page ids, root first (for tree order). */
  ancestors: string[];
}

const PAGE_SIZE = 25;
/** A search of more pages than this is cut (an export of them would be unreadable anyway). */
export const MAX_SEARCH_HITS = 1000;
const MAX_ANSWERS = 200;

/** Pages and blog posts matching `cql` on the site `siteBase`, in the search's order. */
export async function searchCql(http: Http, siteBase: string, cql: string): Promise<SearchHit[]> {
  const base = siteBase.replace(/\/+$/, '');
  const q = new URLSearchParams({ cql, limit: String(PAGE_SIZE), expand: 'content.ancestors' });
  const hits: SearchHit[] = [];
  const first = `${base}/rest/api/search?${q.toString()}`;
  for await (const results of listingResults(http, first, base, MAX_ANSWERS)) {
    for (const r of results) {
      const hit = hitOf(r);
      if (hit && hits.length < MAX_SEARCH_HITS) hits.push(hit);
    }
    if (hits.length >= MAX_SEARCH_HITS) break;
  }
  return hits;
}

/** A search result as a hit; attachments, comments, spaces and users are not pages. */
function hitOf(result: unknown): SearchHit | undefined {
  const content = pick(result, 'content');
  const id = str(pick(content, 'id'));
  const type = str(pick(content, 'type'));
  const title = str(pick(content, 'title')) ?? str(pick(result, 'title'));
  if (!id || title === undefined || (type !== 'page' && type !== 'blogpost')) return undefined;
  const ancestors = pick(content, 'ancestors');
  const lastModified = str(pick(result, 'lastModified'));
  return {
    id,
    title,
    type,
    ancestors: Array.isArray(ancestors)
      ? (ancestors as unknown[]).flatMap((a) => {
          const aid = str(pick(a, 'id'));
          return aid ? [aid] : [];
        })
      : [],
    ...(lastModified ? { lastModified } : {}),
  };
}

/** How the chosen pages are ordered in the PDF. */
export type SearchOrder = 'title' | 'modified' | 'tree';

/**
 * Hits in the chosen order: by title (locale-aware, numbers as numbers), newest change first,
 * or tree order — grouped under their ancestors, ancestors before descendants; siblings keep
 * the search's order (the search does not say Confluence's child position).
 */
export function orderHits(hits: readonly SearchHit[], order: SearchOrder): SearchHit[] {
  const byTitle = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  if (order === 'title') return [...hits].sort((a, b) => byTitle.compare(a.title, b.title));
  if (order === 'modified')
    return [...hits].sort((a, b) => (b.lastModified ?? '').localeCompare(a.lastModified ?? ''));
  const position = new Map(hits.map((h, i) => [h.id, i]));
  // Path of positions: a hit's ancestors that are hits themselves come first, then the hit.
  const path = (h: SearchHit): number[] => [
    ...h.ancestors.flatMap((a) => {
      const p = position.get(a);
      return p === undefined ? [] : [p];
    }),
    position.get(h.id) ?? 0,
  ];
  const paths = new Map(hits.map((h) => [h.id, path(h)]));
  return [...hits].sort((a, b) => {
    const pa = paths.get(a.id) ?? [];
    const pb = paths.get(b.id) ?? [];
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const d = (pa[i] ?? 0) - (pb[i] ?? 0);
      if (d) return d;
    }
    return pa.length - pb.length;
  });
}
