/**
 * Page numbers printed by pdfmake (`pageReference` to a node id: the contents page, TOC macros).
 * pdfmake fails the whole build ("Page reference id not found") when the id was never given to a
 * node, which happens when a heading's destination is claimed by an earlier node (the same
 * heading reused, a duplicate anchor). So every reference is noted as it is made, and those
 * whose destination no node got are emptied once the document is laid out.
 */
import type { TableCell } from 'pdfmake/interfaces';

/** A page-number cell linking to `dest`, noted in `refs`. */
export function pageRefCell(
  refs: Record<string, unknown>[],
  dest: string,
  props: Record<string, unknown>,
): TableCell {
  // pdfmake accepts linkToDestination on page references (DocPreprocessor sets it anyway).
  const cell: Record<string, unknown> = { pageReference: dest, linkToDestination: dest, ...props };
  refs.push(cell);
  return cell as TableCell;
}

/** Empties the references to destinations no node was given (`placed`). */
export function dropUnplacedRefs(
  refs: readonly Record<string, unknown>[],
  placed: ReadonlySet<string>,
): void {
  for (const cell of refs) {
    const dest = cell['pageReference'];
    if (typeof dest === 'string' && placed.has(dest)) continue;
    delete cell['pageReference'];
    delete cell['linkToDestination'];
    cell['text'] = '';
  }
}
