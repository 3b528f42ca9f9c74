// @vitest-environment node
/**
 * headerPlan: which header rows pdfmake repeats, and whether the first body row is kept with
 * them. pdfmake drops an unbreakable header block taller than a page whole, without a word, so
 * each limit is tested at its edge: a third of the page for repeated rows, half a page for the
 * rows kept together, and a table of header rows only.
 */
import { describe, expect, it } from 'vitest';
import { tableRowHeights } from '../../lib/layout/content-height';
import { headerPlan } from '../../lib/layout/table-header-plan';

const font = { fontSize: 10, lineHeight: 1.2, bold: false, mono: false };
const styles = {};
const WIDTH = 400;
const row = (text: string) => [{ text }, { text: 'x' }];
const node = (...rows: string[]) => ({ table: { widths: ['*', '*'], body: rows.map(row) } });
const plan = (n: Record<string, unknown>, headerRows: number, pageHeight: number) =>
  headerPlan({ node: n, headerRows, width: WIDTH, font, styles, pageHeight });
const heights = (n: Record<string, unknown>) => tableRowHeights(n, WIDTH, font, styles);

describe('headerPlan', () => {
  const table = node('Header', 'first', 'second');
  const [header = NaN, first = NaN] = heights(table);

  it('measures rows of a known height (the edges below rely on it)', () => {
    expect(header).toBeGreaterThan(10);
    expect(first).toBe(header);
  });

  it('repeats the header, first row kept, on a tall page', () => {
    expect(plan(table, 1, 1000)).toEqual({ headerRows: 1, keepWithHeaderRows: 1 });
  });

  it('repeats a header of exactly a third of the page, not a point more', () => {
    const page = header * 3;
    expect(page * (1 / 3)).toBe(header);
    // header + first = 2/3 of the page: more than half, so the first row is not kept
    expect(plan(table, 1, page)).toEqual({ headerRows: 1 });
    expect(plan(table, 1, page - 0.01)).toEqual({ headerRows: 0 });
  });

  it('keeps the first row with a header filling exactly half the page, not a point more', () => {
    const page = (header + first) * 2;
    expect(page * (1 / 2)).toBe(header + first);
    expect(plan(table, 1, page)).toEqual({ headerRows: 1, keepWithHeaderRows: 1 });
    expect(plan(table, 1, page - 0.01)).toEqual({ headerRows: 1 });
  });

  it('repeats nothing when every row is a header row (pdfmake would keep them all as one block)', () => {
    expect(plan(node('A', 'B'), 2, 1000)).toEqual({ headerRows: 0 });
    expect(plan(node('A', 'B'), 3, 1000)).toEqual({ headerRows: 0 });
  });

  it('repeats nothing when the table asks for no header rows', () => {
    expect(plan(table, 0, 1000)).toEqual({ headerRows: 0 });
    expect(plan(table, -1, 1000)).toEqual({ headerRows: 0 });
  });

  it('sums every header row against the page', () => {
    const three = node('A', 'B', 'C', 'D');
    const [a = NaN, b = NaN] = heights(three);
    // two rows of header are a third of the page; with the (as tall) first row, half of it
    expect(plan(three, 2, (a + b) * 3)).toEqual({ headerRows: 2, keepWithHeaderRows: 1 });
    expect(plan(three, 2, (a + b) * 3 - 0.01)).toEqual({ headerRows: 0 });
  });
});
