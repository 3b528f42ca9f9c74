import type { Block, Inline, TableCell } from '../../model/types';
import { linkTarget } from '../link-target';
import type { ReadState } from '../state';
import { cleanText, find, findAll, unsafeUrl } from '../util';
import { fresh, readBlocks } from '../walk';

/**
 * Attachments macro: view `div.plugin_attachments_container` with `tr.attachment-row` rows
 * (`a.filename`, `td.modified-column`). Read as a two-column table of file links and
 * modification notes; the upload form and per-file buttons are left out.
 */
export function attachments(state: ReadState, el: Element): Block[] {
  const rows = findAll(el, 'tr.attachment-row');
  if (!rows.length) return readBlocks(state, el);
  const cell = (blocks: Block[], header = false): TableCell => ({
    blocks,
    colspan: 1,
    rowspan: 1,
    header,
  });
  const text = (t: string): Block[] => [
    { type: 'paragraph', inlines: [{ type: 'text', text: t }] },
  ];
  const headers = findAll(el, 'tr.header-row th')
    .map((th) => cleanText(th))
    .filter(Boolean);
  const out: TableCell[][] = [
    [cell(text(headers[0] ?? 'File'), true), cell(text(headers[1] ?? 'Modified'), true)],
  ];
  for (const row of rows) {
    const a = find(row, 'a.filename');
    const name = a?.getAttribute('data-filename') ?? cleanText(a);
    const href = a?.getAttribute('href') ?? '';
    const inl: Inline[] =
      href && !unsafeUrl(href) && a
        ? [
            {
              type: 'link',
              target: linkTarget(state, a, href),
              inlines: [{ type: 'text', text: name }],
            },
          ]
        : [{ type: 'text', text: name }];
    const modified = find(row, 'td.modified-column, td.attachment-created');
    out.push([
      cell(name ? [{ type: 'paragraph', inlines: inl }] : []),
      cell(modified ? fresh(state, () => readBlocks(state, modified)) : []),
    ]);
  }
  return [{ type: 'table', rows: out, headerRows: 1 }];
}
