/**
 * Keep-with-next moves cost a whole new layout each (pdfmake lays the document out again after
 * every break its pageBreakBefore callback asks for), so a build moves a bounded number of
 * headings, fewer in long documents.
 */
import type { Node, NodeQueries } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { keepWithNextBreaks, movesAllowed } from '../../lib/layout/keep-with-next';

/** An h2 alone on the last line of page 1 of a `pages`-page document, a paragraph above it. */
function orphanedHeading(pages: number): [Node, NodeQueries] {
  const position = (top: number) => ({
    pageNumber: 1,
    top,
    left: 40,
    verticalRatio: top / 800,
    horizontalRatio: 0,
    pageOrientation: 'portrait' as const,
    pageInnerHeight: 800,
    pageInnerWidth: 500,
  });
  const heading = {
    headlineLevel: 2,
    startPosition: position(790),
    pageNumbers: [1],
    pages,
  } as unknown as Node;
  const above = { startPosition: position(100), pageNumbers: [1], pages } as unknown as Node;
  const next = { startPosition: { ...position(40), pageNumber: 2 }, pageNumbers: [2], pages };
  const queries = {
    getPreviousNodesOnPage: () => [above],
    getFollowingNodesOnPage: () => [],
    getNodesOnNextPage: () => [next as unknown as Node],
  } as unknown as NodeQueries;
  return [heading, queries];
}

describe('keep-with-next budget', () => {
  it.each([
    [10, 8],
    [50, 8],
    [51, 2],
    [300, 2],
    [301, 0],
  ])('a %i-page document may move %i headings', (pages, allowed) => {
    expect(movesAllowed(pages)).toBe(allowed);
    const breaks = keepWithNextBreaks(10, 1.2, new Map());
    const [heading, queries] = orphanedHeading(pages);
    const answers = Array.from({ length: 10 }, () => breaks(heading, queries));
    expect(answers.filter(Boolean)).toHaveLength(allowed);
    // The moves are the first ones asked for.
    expect(answers.slice(0, allowed).every(Boolean)).toBe(true);
  });
});
