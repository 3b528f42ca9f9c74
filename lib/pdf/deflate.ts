import { deflate } from 'pako';

const NOT_ASCII = /[^ -~\n\r\t]/;
const encoder = new TextEncoder();

/** A pdfkit text (one byte per char, 'binary') as bytes: natively when it is all ASCII. */
// Printable ASCII and line breaks (all pdfkit writes but for rare names): UTF-8 = latin1.
function latin1(text: string): Uint8Array {
  if (!NOT_ASCII.test(text)) return encoder.encode(text);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/**
 * FlateDecode data for a stream pdfkit would otherwise compress itself. In the browser build
 * pdfkit first turns the text into polyfilled Buffers (a fifth of the drawing time on long
 * documents); here it is encoded natively. pako at zlib's default level: fflate was ~100 ms
 * faster on 500 pages but its output 5% larger.
 */
export function deflateText(text: string): Uint8Array {
  return deflateBytes(latin1(text));
}

/** zlib-wrapped deflate as FlateDecode wants it (the worker calls this too). */
export function deflateBytes(bytes: Uint8Array): Uint8Array {
  // Z_FILTERED: 2% smaller than the default strategy on content streams, as fast.
  return deflate(bytes, { level: 6, strategy: 1 });
}

/** Compresses on another thread; resolves to what deflateBytes would return. */
export type BackgroundDeflater = (bytes: Uint8Array) => Promise<Uint8Array>;

let background: BackgroundDeflater | undefined;

/** Streams compressed by the background deflater so far (the build reports its share). */
export const deflatedInBackground = { count: 0 };

/**
 * From now on page content is compressed by `deflater` (a Worker: the second core) while
 * pdfmake goes on drawing; undefined = on this thread again.
 */
export function setBackgroundDeflater(deflater: BackgroundDeflater | undefined): void {
  background = deflater;
}

/** What the callers need of a pdfkit PDFReference to hand it compressed data. */
export interface DeflatableRef {
  compress: boolean;
  data: Record<string, unknown>;
  write(chunk: string | Uint8Array): unknown;
}

/**
 * Like writeDeflated, but compressed by the background deflater when there is one: the data
 * goes to the other thread now and `ref.end()` (pdfkit calls it when it ends the page) waits
 * for it. pdfkit supports objects that end late (it counts those it waits for and writes the
 * file's end after the last), so the stream only lands later in the file. A failed worker is
 * replaced by compressing here.
 */
export function writeDeflatedLater(ref: DeflatableRef & LateEnd, text: string): void {
  if (!background) {
    writeDeflated(ref, text);
    return;
  }
  ref.compress = false;
  ref.data['Filter'] = 'FlateDecode';
  const data = background(latin1(text)).then(
    (bytes) => {
      deflatedInBackground.count++;
      return bytes;
    },
    () => deflateText(text),
  );
  const end = ref.end.bind(ref);
  ref.end = () => {
    void data.then((bytes) => {
      ref.write(bytes);
      end();
    });
  };
}

/** A ref whose end can be put off (pdfkit's PDFReference.end). */
export interface LateEnd {
  end(): unknown;
}

/** Writes `text` into `ref` as FlateDecode data compressed here, not by pdfkit. */
export function writeDeflated(ref: DeflatableRef, text: string): void {
  ref.compress = false;
  ref.data['Filter'] = 'FlateDecode';
  ref.write(deflateText(text));
}
