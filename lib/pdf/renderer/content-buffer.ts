import { writeDeflatedLater, type DeflatableRef, type LateEnd } from '../deflate';
import { overrideMethods } from './override';
import type { PdfKitDoc } from './pdfkit-types';

/** The parts of pdfkit's PDFPage / PDFReference this writes through. */
interface Page {
  content: DeflatableRef & LateEnd & { buffer: unknown[] };
}

const LONG_DECIMAL = /(\d\.\d{3})\d+/g;
const isEmptySequenceStart = (op: string | undefined): boolean =>
  op !== undefined && op.startsWith('/Artifact') && op.endsWith('BMC');

/**
 * pdfkit turns every content operator into its own Buffer (`addContent` -> page.write ->
 * `Buffer.from(op + '\n')`), concatenates them when the page ends and deflates the result; in
 * the browser build Buffer is a polyfill and deflate is pako, both slow on hundreds of
 * thousands of operators. While rendering, this keeps each page's operators as strings and,
 * when pdfkit ends the page (`flushPages`, at the next page), deflates them once, on the
 * background deflater's thread when there is one (../deflate.ts). (The platform's
 * CompressionStream did not help: it works on this thread, between tasks, so only after the
 * synchronous drawing loop.)
 *
 * Two savings on the way, neither visible: numbers keep three decimals (pdfkit writes colours
 * and coordinates with up to sixteen; 1/1000 pt is far below a device pixel), and a marked-content
 * sequence that ends before anything was drawn in it (the tagger opens an artifact before every
 * line for backgrounds most lines do not have) is left out.
 */
export function bufferContent(doc: PdfKitDoc): { flush(): void } {
  const pending = new Map<Page, string[]>();
  let page: Page | undefined;
  let ops: string[] = [];

  const writePages = (): void => {
    for (const [p, list] of pending) {
      const text = `${list.join('\n')}\n`;
      const content = p.content;
      if (content.compress && content.buffer.length === 0) writeDeflatedLater(content, text);
      else {
        // Something wrote to this page before: let pdfkit join and compress it all.
        content.write(text.slice(0, -1));
      }
    }
    pending.clear();
    page = undefined;
  };

  const overrides = overrideMethods(doc, {
    addContent: (op: string): PdfKitDoc => {
      const current = (doc as unknown as { page: Page }).page;
      if (current !== page) {
        page = current;
        ops = pending.get(current) ?? [];
        pending.set(current, ops);
      }
      if (op === 'EMC' && isEmptySequenceStart(ops[ops.length - 1])) ops.pop();
      else ops.push(op.includes('.') ? op.replace(LONG_DECIMAL, '$1') : op);
      return doc;
    },
    flushPages: (): unknown => {
      writePages();
      return overrides.original('flushPages')();
    },
  });
  return {
    flush() {
      writePages();
      overrides.restore();
    },
  };
}
