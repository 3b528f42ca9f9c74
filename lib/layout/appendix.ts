import type { Content } from 'pdfmake/interfaces';
import type { Warning } from '../model/types';

/**
 * "Not exported": the pages of a tree export that could not be read (no permission, deleted,
 * failed), each with why, so a PDF never silently lacks a page. Empty when nothing was skipped.
 */
export function notExportedAppendix(warnings: readonly Warning[], fontSize: number): Content[] {
  const skipped = warnings.filter(
    (w) => w.kind === 'page-skipped' || w.kind === 'children-skipped',
  );
  if (skipped.length === 0) return [];
  return [
    {
      text: 'Not exported',
      style: 'h1',
      id: 'not-exported',
      tocItem: false,
      outline: true,
      outlineText: 'Not exported',
      margin: [0, 0, 0, fontSize * 0.8],
    } as Content,
    {
      text: `${skipped.length} page${skipped.length === 1 ? '' : 's'} of the tree could not be exported:`,
      margin: [0, 0, 0, fontSize * 0.6],
    },
    { ul: skipped.map((w) => w.message), margin: [0, 0, 0, fontSize] },
  ];
}
