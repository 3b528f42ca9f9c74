/**
 * Compressed object streams for pdfkit (PDF 1.5; ISO 32000-1 7.5.7 and 7.5.8).
 *
 * pdfkit writes every indirect object inline and ends with a classic xref table. Tagged PDFs
 * have tens of thousands of small dictionaries (structure elements, link annotations, OBJRs,
 * pages, resources), and uncompressed they are most of the file. `useObjectStreams` makes one
 * pdfkit document collect each object that has no stream data into /Type /ObjStm streams
 * (FlateDecode, by pdfkit's own compression) and end with a /Type /XRef stream.
 *
 * pdfkit is not imported: pdfmake's browser build bundles its own copy, so its internals are
 * reached through the document (`_root`'s prototype is PDFReference). PDFReference.finalize is
 * wrapped once per pdfkit copy and acts only for documents passed here. pdfkit still
 * serialises every object (PDFObject.convert is not exported): finalize runs with the
 * reference pointed at a sink that keeps the text instead of writing it to the file.
 */

import { writeDeflated, writeDeflatedLater } from './deflate';

/** A pdfkit PDFReference, as far as this module uses it (pdfkit 0.19). */
interface PdfKitRef {
  readonly id: number;
  readonly gen: number;
  data: Record<string, unknown>;
  /** Stream chunks written so far; empty for a plain object. */
  buffer: { readonly length: number };
  compress: boolean;
  document: PdfKitInternals;
  write(chunk: string | Uint8Array): void;
  end(): void;
  finalize(): void;
}

/**
 * The pdfkit 0.19 document internals `useObjectStreams` reaches: the same in pdfkit's Node
 * build and in the copy inside pdfmake's browser bundle.
 */
export interface PdfKitInternals {
  /** The header's version, from the `pdfVersion` option (pdfmake's `version`). */
  readonly version: number;
  readonly _security?: unknown;
  readonly _root: PdfKitRef;
  readonly _info?: PdfKitRef;
  readonly _id?: unknown;
  readonly _offset: number;
  readonly _offsets: readonly (number | null)[];
  ref(data?: unknown): PdfKitRef;
  _write(data: string | Uint8Array): void;
  _refEnd(ref: PdfKitRef): void;
  _finalize(): void;
  push(chunk: null): unknown;
}

/**
 * Objects per object stream. A reader inflates a whole object stream to reach one object in it,
 * so streams should stay small (Acrobat writes at most 200 per stream, says qpdf's manual). Our
 * objects average ~90 bytes, so 200 of them (~18 KB) about fill deflate's 32 KB window: on the
 * 447-page benchmark 100 per stream gave 2.51 MB, 200 gave 2.44 MB, 400 gave 2.40 MB.
 */
const OBJECTS_PER_STREAM = 200;

/**
 * What PDFReference.finalize reads from its document, keeping what it writes. (Not
 * Object.create(doc): a document used as a prototype slows every later property access on it.)
 */
class Sink {
  readonly _offset = 0;
  readonly _security = null;
  parts: unknown[] = [];
  _write(chunk: unknown): void {
    this.parts.push(chunk);
  }
  _refEnd(): void {}
}

interface Writer {
  sink: Sink;
  /** Serialised objects waiting for the next object stream. */
  pending: { id: number; body: string }[];
  /** Object number -> [object stream number, index in it]: the xref stream's type 2 entries. */
  compressed: Map<number, readonly [number, number]>;
  finished: boolean;
}

const writers = new WeakMap<PdfKitInternals, Writer>();
const PATCHED = Symbol.for('offprint.object-streams');

/**
 * From now on, `doc` writes its plain (stream-less) indirect objects into compressed object
 * streams and ends with a cross-reference stream. Call it once per document, any time before
 * `doc.end()` (with pdfmake: on the renderer's `pdfDocument`, before it renders pages); objects
 * already written stay where they are. Throws when the header is below PDF 1.5; does nothing
 * for an encrypted document.
 */
export function useObjectStreams(doc: PdfKitInternals): void {
  if (!(doc.version >= 1.5)) {
    throw new Error(
      `object streams need a PDF 1.5 header; this document is PDF ${doc.version} (pass version '1.5' or later to pdfmake)`,
    );
  }
  // pdfkit encrypts each object's strings with that object's own key; inside an object stream
  // only the stream would be encrypted (7.6.2), so encrypted documents keep pdfkit's layout.
  if (doc._security) return;
  if (writers.has(doc)) return;
  patchFinalize(Object.getPrototypeOf(doc._root) as PdfKitRef & { [PATCHED]?: true });
  const writer: Writer = { sink: new Sink(), pending: [], compressed: new Map(), finished: false };
  writers.set(doc, writer);
  doc._finalize = () => finish(doc, writer);
}

function patchFinalize(proto: PdfKitRef & { [PATCHED]?: true }): void {
  if (typeof proto.finalize !== 'function') {
    throw new Error('object streams: pdfkit PDFReference not found (pdfkit upgraded?)');
  }
  if (Object.prototype.hasOwnProperty.call(proto, PATCHED)) return;
  const finalize = proto.finalize;
  proto.finalize = function (this: PdfKitRef) {
    const writer = writers.get(this.document);
    // Streams (and the object streams themselves) are written as usual.
    if (!writer || writer.finished || this.buffer.length > 0 || this.gen !== 0) {
      return finalize.call(this);
    }
    collect(this, finalize, writer);
  };
  Object.defineProperty(proto, PATCHED, { value: true });
}

/** Lets pdfkit serialise `ref` into a sink, then queues the text for an object stream. */
function collect(ref: PdfKitRef, finalize: () => void, writer: Writer): void {
  const doc = ref.document;
  const parts: unknown[] = (writer.sink.parts = []);
  ref.document = writer.sink as unknown as PdfKitInternals;
  try {
    finalize.call(ref);
  } finally {
    ref.document = doc;
  }
  const [head, ...rest] = parts;
  const tail = rest.pop();
  if (
    head !== `${ref.id} ${ref.gen} obj` ||
    tail !== 'endobj' ||
    rest.length === 0 ||
    !rest.every((p) => typeof p === 'string')
  ) {
    throw new Error('object streams: pdfkit wrote an object in an unexpected form');
  }
  const body = (rest as string[]).join('\n');
  if (/^\d+ \d+ R$/.test(body)) {
    // A compressed object may not be a bare reference (7.5.7): write it inline after all.
    (ref as { offset?: number }).offset = doc._offset;
    for (const part of parts) doc._write(part as string);
  } else {
    writer.pending.push({ id: ref.id, body });
    if (writer.pending.length >= OBJECTS_PER_STREAM) flush(doc, writer, true);
  }
  doc._refEnd(ref);
}

/**
 * Writes the pending objects as one object stream; `late`: compressed in the background and
 * ended when that is done (not for the last one: the cross-reference stream follows it at once).
 */
function flush(doc: PdfKitInternals, writer: Writer, late = false): void {
  const objects = writer.pending;
  if (objects.length === 0) return;
  writer.pending = [];
  const pairs: string[] = [];
  let offset = 0;
  for (const { id, body } of objects) {
    pairs.push(`${id} ${offset}`);
    // pdfkit's text is one byte per char (it is encoded 'binary'); +1 for the separating \n.
    offset += body.length + 1;
  }
  const header = `${pairs.join(' ')}\n`;
  const stream = doc.ref({ Type: 'ObjStm', N: objects.length, First: header.length });
  // Compression is the point, even when the document was made with compress: false. The
  // trailing \n is what pdfkit's write() would have appended.
  const text = `${header}${objects.map((o) => o.body).join('\n')}\n`;
  if (late) writeDeflatedLater(stream, text);
  else writeDeflated(stream, text);
  objects.forEach((o, index) => writer.compressed.set(o.id, [stream.id, index]));
  stream.end();
}

/** Replaces pdfkit's _finalize (xref table and trailer). */
function finish(doc: PdfKitInternals, writer: Writer): void {
  // Ending our own streams calls _refEnd, which calls _finalize again once nothing is waiting.
  if (writer.finished) return;
  writer.finished = true;
  flush(doc, writer);
  const xref = doc.ref({});
  const size = doc._offsets.length + 1;
  const at = doc._offset;
  const rows: (readonly [number, number, number])[] = [[0, 0, 0xffff]];
  for (let id = 1; id < size; id++) {
    const inStream = writer.compressed.get(id);
    const offset = id === xref.id ? at : doc._offsets[id - 1];
    if (inStream) rows.push([2, inStream[0], inStream[1]]);
    else if (typeof offset === 'number') rows.push([1, offset, 0]);
    else throw new Error(`object streams: object ${id} was never written`);
  }
  const widths = [1, byteWidth(rows, 1), byteWidth(rows, 2)] as const;
  Object.assign(xref.data, {
    Type: 'XRef',
    Size: size,
    W: [...widths],
    DecodeParms: { Predictor: 12, Columns: widths[0] + widths[1] + widths[2] },
    Root: doc._root,
    ...(doc._info ? { Info: doc._info } : {}),
    ...(doc._id ? { ID: [doc._id, doc._id] } : {}),
  });
  xref.compress = true;
  xref.write(packRows(rows, widths));
  xref.end();
  doc._write('startxref');
  doc._write(`${at}`);
  doc._write('%%EOF');
  doc.push(null);
}

/** Bytes needed for the largest value of field `field` (at least 1). */
function byteWidth(rows: readonly (readonly number[])[], field: number): number {
  let max = 0;
  for (const row of rows) max = Math.max(max, row[field] ?? 0);
  let width = 1;
  while (max >= 2 ** (8 * width)) width++;
  return width;
}

/**
 * The xref stream's data: each row's fields big-endian in the given widths (7.5.8.3), the row
 * PNG "Up"-filtered (a tag byte 2, then each byte minus the one above it), so neighbouring
 * entries, which differ little, deflate to a fraction (75 KB -> ~15 KB for 41,000 objects).
 */
function packRows(
  rows: readonly (readonly number[])[],
  widths: readonly [number, number, number],
): Uint8Array {
  const columns = widths[0] + widths[1] + widths[2];
  const out = new Uint8Array(rows.length * (columns + 1));
  const row = new Uint8Array(columns);
  const above = new Uint8Array(columns);
  let at = 0;
  for (const fields of rows) {
    let column = 0;
    for (let field = 0; field < 3; field++) {
      let value = fields[field] ?? 0;
      const width = widths[field] ?? 0;
      for (let i = width - 1; i >= 0; i--) {
        row[column + i] = value % 256;
        value = Math.floor(value / 256);
      }
      column += width;
    }
    out[at++] = 2;
    for (let i = 0; i < columns; i++) out[at++] = ((row[i] ?? 0) - (above[i] ?? 0)) & 0xff;
    above.set(row);
  }
  return out;
}
