import * as S from '../../confluence/selectors';
import type { Block, ColumnsBlock } from '../../model/types';
import type { ReadState } from '../state';
import { findAll, is, kids, num, percent } from '../util';
import { fresh, readBlocks } from '../walk';

/**
 * Page layouts. View (DC 5.7+): `div.columnLayout.{two-equal,three-equal,two-left-sidebar,...}
 * > div.cell[data-type=normal|aside|sidebars] > div.innerCell`. Cloud: `div[data-layout-section]
 * > div[data-layout-column][data-column-width]`. A single-column section is just its blocks.
 */
export function columns(state: ReadState, el: Element): Block[] {
  const cloud = is(el, S.cloudLayoutSection);
  const cells = cloud
    ? findAll(el, S.cloudLayoutColumn).filter(
        (c) => c.parentElement?.closest(S.cloudLayoutSection) === el,
      )
    : kids(el).filter((c) => c.classList.contains('cell'));
  if (!cells.length) return readBlocks(state, el);
  const cols = cells.map((cell) => {
    const inner = cloud
      ? cell
      : (kids(cell).find((c) => c.classList.contains('innerCell')) ?? cell);
    return fresh(state, () => readBlocks(state, inner));
  });
  if (cols.length === 1) return cols[0] ?? [];
  const block: ColumnsBlock = { type: 'columns', columns: cols };
  const widths = cloud ? cloudWidths(cells) : viewWidths(cells);
  if (widths) block.widths = widths;
  return [block];
}

function cloudWidths(cells: Element[]): number[] | undefined {
  const w = cells.map(
    (c) => num(c.getAttribute('data-column-width')) ?? percent(c.getAttribute('data-column-width')),
  );
  return w.every((x) => x !== undefined) ? (w as number[]) : undefined;
}

/** Sidebars (`data-type=aside|sidebars`) are half as wide as normal cells; equal cells are equal. */
function viewWidths(cells: Element[]): number[] {
  const side = cells.map((c) => {
    const type = c.getAttribute('data-type') ?? '';
    return (
      type === 'aside' ||
      type === 'sidebars' ||
      c.classList.contains('aside') ||
      c.classList.contains('sidebars')
    );
  });
  const anySide = side.some(Boolean);
  return side.map((s) => (s || !anySide ? 1 : 2));
}
