import { LEDGER_KEY } from '../../layout/word-ledger';
import type { PdfKitDoc, PdfmakeInline } from './pdfkit-types';

/**
 * The renderer's side of the conservation check: the text each model block actually drew, by
 * the block id layout stamped on its runs (lib/layout/word-ledger.ts). Runs without an id
 * (cover, contents, running headers) are not counted. A line's runs are joined without a
 * separator (a word split over runs by font fallback stays one word); lines are separated by
 * a newline.
 */
export class DrawnText {
  readonly byBlock = new Map<number, string[]>();

  addLine(inlines: readonly PdfmakeInline[]): void {
    let lastId: number | undefined;
    let text = '';
    const flush = (): void => {
      if (lastId === undefined || text === '') return;
      const parts = this.byBlock.get(lastId);
      if (parts) parts.push(text);
      else this.byBlock.set(lastId, [text]);
    };
    for (const inline of inlines) {
      const id = inline[LEDGER_KEY];
      if (typeof id !== 'number') continue;
      if (id !== lastId) {
        flush();
        lastId = id;
        text = '';
      }
      text += inline.text;
    }
    flush();
  }
}

const drawn = new WeakMap<object, DrawnText>();

/** Starts counting what `doc` draws. */
export function startCounting(doc: PdfKitDoc): DrawnText {
  const tally = new DrawnText();
  drawn.set(doc, tally);
  return tally;
}

/** What was drawn into `doc` (a pdfkit document pdfmake rendered), if counted. */
export function drawnTextOf(doc: object): DrawnText | undefined {
  return drawn.get(doc);
}
