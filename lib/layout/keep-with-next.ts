/**
 * Keep-with-next: a heading (or a block's title) never ends a page; it stands with at least two
 * lines of what follows it, or with all of it when that is short.
 *
 * pdfmake has no keep-with-next, but it calls a definition's `pageBreakBefore` for every node
 * once laid out, with the node's position and the nodes around it; when the callback says so it
 * breaks the page before the node and lays the document out again. The nodes the rule is about
 * are marked with `headlineLevel`, the one property of ours pdfmake passes to the callback (it
 * is there for this purpose): headings with their level (heading.ts), other parts with the
 * levels below. A page break never drops content, unlike a block kept together (`unbreakable`)
 * that turns out taller than a page; and pdfmake reports stale positions for the content of an
 * unbreakable block it moved, so the rule does not look inside one.
 */
import type { Node, NodeQueries, TDocumentDefinitions } from 'pdfmake/interfaces';
import { contentHeight, tableRowHeights } from './content-height';
import type { KeepSpace } from './keep-together';

/** `headlineLevel` values beyond the six heading levels. */
export const KEEP = {
  /** Kept with what follows like a heading: an image above its caption. */
  title: 7,
  /** A titled frame (code block, panel, expand): its title stays with its first lines. */
  frame: 8,
  /** A short block after a heading: the heading moves rather than see it split. */
  whole: 9,
} as const;

/** Marks `node` with `level` (a heading level or a KEEP value); returns it. */
export function markKeep<T extends object>(node: T, level: number): T {
  (node as { headlineLevel?: number }).headlineLevel = level;
  return node;
}

/**
 * Room (points below its first line) a heading needs, by its node id, when what follows starts
 * with content pdfmake keeps together: a table's header rows (and the first body row kept with
 * them). pdfmake reports stale positions for such content when it moved it to the next page, so
 * the heading is judged by an estimate of it instead.
 */
const startNeeds = new WeakMap<object, Map<string, number>>();

/** The start needs of one layout run (keyed by its DocState). */
export function startNeedsOf(run: object): Map<string, number> {
  let needs = startNeeds.get(run);
  if (!needs) startNeeds.set(run, (needs = new Map()));
  return needs;
}

/**
 * Estimated height of the start of a laid-out table that pdfmake keeps together: its header rows
 * and the body row kept with them, or else the header rows and two lines of the first body row.
 * Undefined when it keeps nothing together.
 */
function tableStartHeight(content: unknown, space: KeepSpace): number | undefined {
  if (!content || typeof content !== 'object' || !('table' in content)) return undefined;
  const node = content as Record<string, unknown>;
  const { headerRows = 0, keepWithHeaderRows = 0 } = node.table as {
    headerRows?: number;
    keepWithHeaderRows?: number;
  };
  if (headerRows <= 0) return undefined;
  const rows = tableRowHeights(node, space.width, space.font, space.styles);
  const kept = rows.slice(0, headerRows + keepWithHeaderRows).reduce((a, h) => a + h, 0);
  const line = lineBox(space.font.fontSize, space.font.lineHeight);
  return keepWithHeaderRows > 0 ? kept : kept + 2 * line + 8;
}

/**
 * Notes the room the headings just before `next` need (each with the headings after it), when
 * `next` starts with content pdfmake keeps together.
 */
export function noteStartNeeds(
  headings: readonly unknown[],
  next: unknown,
  space: KeepSpace,
  needs: Map<string, number>,
): void {
  let need = tableStartHeight(next, space);
  if (need === undefined) return;
  for (let i = headings.length - 1; i >= 0; i--) {
    const heading = headings[i] as { id?: unknown };
    need += contentHeight(heading, space.width, space.font, space.styles);
    if (typeof heading.id === 'string') needs.set(heading.id, need);
  }
}

/** Height of one line box of body text: pdfmake's line is size × lineHeight × the font's 1.17. */
const lineBox = (fontSize: number, lineHeight: number): number => fontSize * lineHeight * 1.17;

/** Points left on the page below the top of `node`'s first line. */
const roomBelow = (node: Node): number =>
  node.startPosition.pageInnerHeight * (1 - node.startPosition.verticalRatio);

const level = (node: Node): number | undefined =>
  typeof node.headlineLevel === 'number' ? node.headlineLevel : undefined;
/** Headings and titles: kept with the next node that is neither. */
const keptWithNext = (node: Node): boolean => (level(node) ?? Infinity) <= KEEP.title;
const pageOf = (node: Node): number => node.startPosition.pageNumber;

/**
 * The `pageBreakBefore` callback for body text of `fontSize` and `lineHeight`: breaks before a
 * marked node when less than two lines of what follows it would stand on its page, or less
 * than the start `needs` (by node id) says.
 */
export function keepWithNextBreaks(
  fontSize: number,
  lineHeight: number,
  needs: ReadonlyMap<string, number>,
): NonNullable<TDocumentDefinitions['pageBreakBefore']> {
  const line = lineBox(fontSize, lineHeight);
  /** Two lines, with room for a table row's or a frame's padding. */
  const twoLines = 2 * line + 8;
  /** A frame's title, then two lines. */
  const frameStart = line + 8 + twoLines;

  /** Whether `next`, the first thing after a heading, stands on the page well enough. */
  const startsWell = (next: Node): boolean => {
    if (next.pageNumbers.length === 1) return true;
    if (level(next) === KEEP.whole) return false;
    return roomBelow(next) >= (level(next) === KEEP.frame ? frameStart : twoLines);
  };

  let moves = 0;
  return (node: Node, queries: NodeQueries): boolean => {
    const kind = level(node);
    if (kind === undefined || kind === KEEP.whole || !node.startPosition) return false;
    if (moves >= movesAllowed(node.pages)) return false;
    const move = shouldMove(node, kind, queries);
    if (move) moves++;
    return move;
  };

  function shouldMove(node: Node, kind: number, queries: NodeQueries): boolean {
    const page = pageOf(node);
    // At the top of its page already: a break would only leave an empty page.
    const top = node.startPosition.top;
    const above = queries
      .getPreviousNodesOnPage()
      .some((n) => pageOf(n) === page && n.startPosition.top < top - 0.5);
    if (!above) return false;

    if (kind === KEEP.frame) return node.pageNumbers.length > 1 && roomBelow(node) < frameStart;
    if (node.pageNumbers.length > 1) return true;
    const need = typeof node.id === 'string' ? needs.get(node.id) : undefined;
    if (need !== undefined && roomBelow(node) < need) return true;

    const next = queries
      .getFollowingNodesOnPage()
      .find((n) => pageOf(n) === page && !keptWithNext(n));
    if (next) return !startsWell(next);
    // Nothing after it on this page: move it, unless nothing follows (the end of a section).
    const first = queries.getNodesOnNextPage()[0];
    return first !== undefined && first.pageBreak !== 'before';
  }
}

/**
 * How many headings may be moved in one build of a document of `pages` pages. Every move makes
 * pdfmake lay the whole document out again (about a third of a build each), so long documents
 * get few: a 10-page document up to 8 moves, 51 to 300 pages 2, longer ones none.
 */
export function movesAllowed(pages: number): number {
  if (pages <= 50) return 8;
  if (pages <= 300) return 2;
  return 0;
}
