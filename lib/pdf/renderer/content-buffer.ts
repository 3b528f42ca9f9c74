import type { PdfKitDoc } from './pdfkit-types';

const LONG_DECIMAL = /(\d\.\d{3})\d+/g;
const isEmptySequenceStart = (op: string | undefined): boolean =>
  op !== undefined && op.startsWith('/Artifact') && op.endsWith('BMC');

interface Page {
  write(chunk: string): unknown;
}

/**
 * pdfkit turns every content operator into its own Buffer (`addContent` -> page.write ->
 * `Buffer.from(op + '\n')`) and concatenates them all when the page ends: hundreds of
 * thousands of small buffers on a long document, and the browser build's Buffer is a slow
 * polyfill. While rendering, this keeps each page's operators as strings and hands pdfkit one
 * chunk per page visit instead. Pages may be revisited; each visit's operators are written in
 * order. pdfkit ends pages in `flushPages` (from `addPage` when pages are not buffered), so the
 * strings are written before that.
 *
 * Two savings on the way, neither visible: numbers keep three decimals (pdfkit writes colours
 * and coordinates with up to sixteen; 1/1000 pt is far below a device pixel), and a marked-content
 * sequence that ends before anything was drawn in it (the tagger opens an artifact before every
 * line for backgrounds most lines do not have) is left out.
 */
export function bufferContent(doc: PdfKitDoc): { flush(): void } {
  const target = doc as unknown as Record<string, unknown>;
  const saved = (['addContent', 'flushPages'] as const).map((name) => ({
    name,
    own: Object.prototype.hasOwnProperty.call(target, name),
    value: target[name],
  }));
  const flushPages = target['flushPages'] as (this: PdfKitDoc) => unknown;
  let page: Page | undefined;
  let ops: string[] = [];
  const writePage = (): void => {
    if (page && ops.length > 0) page.write(ops.join('\n'));
    ops = [];
  };
  target['addContent'] = (op: string): PdfKitDoc => {
    const current = (doc as unknown as { page: Page }).page;
    if (current !== page) {
      writePage();
      page = current;
    }
    if (op === 'EMC' && isEmptySequenceStart(ops[ops.length - 1])) ops.pop();
    else ops.push(op.includes('.') ? op.replace(LONG_DECIMAL, '$1') : op);
    return doc;
  };
  target['flushPages'] = (): unknown => {
    writePage();
    return flushPages.call(doc);
  };
  return {
    flush() {
      writePage();
      page = undefined;
      for (const { name, own, value } of saved) {
        if (own) target[name] = value;
        else delete target[name];
      }
    },
  };
}
