import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Prefs } from '../../lib/prefs/schema';
import { drawPage, openPdf } from '../../components/pdf-canvas';
import { buildPreviewPdf } from './render-preview';

const WIDTH = 300;
const DEBOUNCE_MS = 350;

/**
 * A page of the sample document as the current preferences lay it out, re-rendered shortly after
 * each change. The canvas carries `data-rendered="true"` once the latest preferences are drawn
 * (`"false"` while a render is due), for tests to wait on.
 */
export function Preview(props: { prefs: Prefs }): ReactNode {
  const { prefs } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const pdf = useRef<PDFDocumentProxy | undefined>(undefined);
  const generation = useRef(0);
  const [pageNumber, setPageNumber] = useState(1);
  const [pages, setPages] = useState(0);
  const [rendered, setRendered] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const key = JSON.stringify(prefs);

  const draw = async (doc: PDFDocumentProxy, n: number, gen: number): Promise<void> => {
    const target = canvas.current;
    if (!target) return;
    const done = await drawPage(doc, n, target, WIDTH, () => gen !== generation.current);
    if (done) {
      setError(undefined);
      setRendered(true);
    }
  };

  // New preferences: rebuild the PDF (debounced), then draw the page shown.
  useEffect(() => {
    const gen = ++generation.current;
    setRendered(false);
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const bytes = await buildPreviewPdf(JSON.parse(key) as Prefs);
          if (gen !== generation.current) return;
          const doc = await openPdf(bytes);
          if (gen !== generation.current) {
            void doc.destroy();
            return;
          }
          void pdf.current?.destroy();
          pdf.current = doc;
          setPages(doc.numPages);
          const n = Math.min(pageNumber, doc.numPages);
          if (n !== pageNumber) setPageNumber(n);
          await draw(doc, n, gen);
        } catch (err) {
          if (gen === generation.current)
            setError(err instanceof Error ? err.message : String(err));
        }
      })();
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // pageNumber is read, not a trigger: turning pages is handled below without a rebuild.
  }, [key]);

  const turn = (n: number): void => {
    const doc = pdf.current;
    if (!doc || n < 1 || n > doc.numPages) return;
    const gen = ++generation.current;
    setPageNumber(n);
    setRendered(false);
    draw(doc, n, gen).catch((err: unknown) => {
      if (gen === generation.current) setError(err instanceof Error ? err.message : String(err));
    });
  };

  useEffect(() => () => void pdf.current?.destroy(), []);

  return (
    <figure className="preview" aria-labelledby="preview-caption">
      <figcaption id="preview-caption" className="preview__caption">
        Preview <span className="preview__note">(sample page)</span>
      </figcaption>
      <div className="preview__paper" aria-busy={!rendered}>
        <canvas
          ref={canvas}
          data-testid="preview"
          data-rendered={rendered ? 'true' : 'false'}
          data-page={pageNumber}
          data-pages={pages}
          role="img"
          aria-label={`Page ${pageNumber} of ${pages || '…'} of a sample export with the current settings`}
          width={WIDTH}
          height={Math.round(WIDTH * 1.414)}
          style={{ width: `${WIDTH}px` }}
        />
      </div>
      {error ? (
        <p className="field__error" role="alert" data-testid="preview-error">
          Preview failed: {error}
        </p>
      ) : null}
      <div className="preview__pager">
        <button
          type="button"
          data-testid="preview-prev"
          onClick={() => turn(pageNumber - 1)}
          disabled={pageNumber <= 1}
          aria-label="Previous page"
        >
          ‹
        </button>
        <span data-testid="preview-page" aria-live="polite">
          Page {pageNumber} of {pages || '…'}
        </span>
        <button
          type="button"
          data-testid="preview-next"
          onClick={() => turn(pageNumber + 1)}
          disabled={pageNumber >= pages}
          aria-label="Next page"
        >
          ›
        </button>
      </div>
    </figure>
  );
}
