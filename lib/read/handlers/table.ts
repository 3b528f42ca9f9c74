import * as S from '../../confluence/selectors';
import type { Block, TableBlock, TableCell } from '../../model/types';
import type { ReadState } from '../state';
import { modelColour } from '../../model/colour';
import { alignOf, intAttr, is, kids, num, percent, styleOf, tag } from '../util';
import { fresh, readBlocks } from '../walk';

/** Confluence's "highlight-<colour>" cell classes (DC 5–7) and their colours. */
const HIGHLIGHT_CLASSES: Record<string, string> = {
  'highlight-grey': '#f4f5f7',
  'highlight-gray': '#f4f5f7',
  'highlight-red': '#ffebe6',
  'highlight-green': '#e3fcef',
  'highlight-blue': '#deebff',
  'highlight-yellow': '#fffae6',
  'highlight-purple': '#eae6ff',
  'highlight-teal': '#e6fcff',
};

/** Width Cloud gives the numbered column, in pixels. */
const NUMBER_COLUMN_WIDTH = 42;

/**
 * Tables. View: `table.confluenceTable` with `th.confluenceTh` / `td.confluenceTd`, `colgroup`
 * widths, `data-highlight-colour`, `td.numberingColumn`. Cloud: `table` in `pm-table-container`
 * with `data-colwidth`, `data-cell-background`, `data-number-column`. Number cells stay cells
 * (their text is what the page shows); `numbered` says the first column holds them.
 */
export function table(state: ReadState, el: Element): Block[] {
  const trs: Element[] = [];
  for (const c of kids(el)) {
    if (tag(c) === 'tr') trs.push(c);
    else if (['thead', 'tbody', 'tfoot'].includes(tag(c)))
      trs.push(...kids(c).filter((r) => tag(r) === 'tr'));
  }
  let numbered = el.getAttribute('data-number-column') === 'true';
  const rows: TableCell[][] = [];
  const headerFlags: boolean[] = [];
  for (const tr of trs) {
    const row: TableCell[] = [];
    let allHeader = true;
    let anyHeader = false;
    for (const td of kids(tr)) {
      const t = tag(td);
      if (t !== 'td' && t !== 'th') continue;
      const isNumber = is(td, S.numberCell);
      if (isNumber) numbered = true;
      const cell: TableCell = {
        blocks: fresh(state, () => readBlocks(state, td)),
        colspan: Math.max(1, intAttr(td, 'colspan') ?? 1),
        rowspan: Math.max(1, intAttr(td, 'rowspan') ?? 1),
        header: t === 'th',
      };
      const bg = cellBackground(td);
      if (bg) cell.background = bg;
      const align = alignOf(styleOf(td)['text-align'] ?? td.getAttribute('align'));
      if (align) cell.align = align;
      row.push(cell);
      if (!isNumber) {
        if (t === 'th') anyHeader = true;
        else allHeader = false;
      }
    }
    if (!row.length) continue;
    rows.push(row);
    headerFlags.push(anyHeader && allHeader);
  }
  if (!rows.length) return [];
  let headerRows = 0;
  while (headerRows < headerFlags.length && headerFlags[headerRows]) headerRows++;
  // A table that is all header cells (a key/value table with th keys is not) keeps its rows as body.
  if (headerRows === rows.length) headerRows = Math.min(1, rows.length - 1);
  const block: TableBlock = { type: 'table', rows, headerRows };
  const widths = colgroupWidths(el) ?? colwidths(trs, numbered);
  if (widths) block.widths = widths;
  if (numbered) block.numbered = true;
  return [block];
}

function cellBackground(td: Element): string | undefined {
  const attr = td.getAttribute('data-highlight-colour') ?? td.getAttribute('data-cell-background');
  // DC stores its palette by name (`data-highlight-colour="grey"`), Cloud export_view as hex.
  if (attr) return HIGHLIGHT_CLASSES[`highlight-${attr.trim().toLowerCase()}`] ?? modelColour(attr);
  for (const c of Array.from(td.classList)) {
    const hit = HIGHLIGHT_CLASSES[c];
    if (hit) return hit;
  }
  return modelColour(styleOf(td)['background-color'] ?? td.getAttribute('bgcolor'));
}

/** Widths from `<colgroup><col style="width: 149.0px">` (view, Cloud 127). */
function colgroupWidths(el: Element): number[] | undefined {
  const cols: Element[] = [];
  for (const c of kids(el)) {
    if (tag(c) === 'colgroup') cols.push(...kids(c).filter((x) => tag(x) === 'col'));
    else if (tag(c) === 'col') cols.push(c);
  }
  if (!cols.length) return undefined;
  const widths: number[] = [];
  for (const col of cols) {
    const w = styleOf(col)['width'] ?? col.getAttribute('width');
    const n = num(w) ?? percent(w);
    if (n === undefined) return undefined;
    const span = Math.max(1, intAttr(col, 'span') ?? 1);
    for (let i = 0; i < span; i++) widths.push(n);
  }
  return widths;
}

/** Widths from Cloud's `data-colwidth` on the cells of a row without merged cells. */
function colwidths(trs: Element[], numbered: boolean): number[] | undefined {
  for (const tr of trs) {
    const widths: number[] = [];
    let ok = true;
    let hasNumber = false;
    for (const td of kids(tr)) {
      if (is(td, S.numberCell)) {
        hasNumber = true;
        continue;
      }
      const attr = td.getAttribute('data-colwidth');
      if (!attr) {
        ok = false;
        break;
      }
      const parts = attr.split(',').map((p) => num(p));
      if (parts.some((p) => p === undefined)) {
        ok = false;
        break;
      }
      widths.push(...(parts as number[]));
    }
    if (ok && widths.length)
      return numbered && hasNumber ? [NUMBER_COLUMN_WIDTH, ...widths] : widths;
  }
  return undefined;
}
