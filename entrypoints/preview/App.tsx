import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { drawPage, openPdf } from '../../components/pdf-canvas';
import type { PreviewInfo, PreviewRequest, Result } from '../../lib/messaging/protocol';
import { readOutline, type OutlineEntry } from './outline';

const PAGE_WIDTH = 760;
const THUMB_WIDTH = 120;
/** Thumbnails beyond this many are not drawn (the outline and paging still reach every page). */
const MAX_THUMBS = 150;

function send<T>(request: PreviewRequest): Promise<Result<T>> {
  return browser.runtime.sendMessage(request) as Promise<Result<T>>;
}

/** The exported PDF, before it is saved: pages, thumbnails, outline and a Download button. */
export function App({ token }: { token: string }) {
  const [info, setInfo] = useState<PreviewInfo>();
  const [pdf, setPdf] = useState<PDFDocumentProxy>();
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const [page, setPage] = useState(1);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved'>('idle');

  useEffect(() => {
    void (async () => {
      const answer = await send<PreviewInfo>({ target: 'background', type: 'preview-get', token });
      if (!answer.ok) return setError(answer.error);
      setInfo(answer.value);
      document.title = `${answer.value.fileName} — Offprint preview`;
      const bytes = new Uint8Array(await (await fetch(answer.value.url)).arrayBuffer());
      const doc = await openPdf(bytes);
      setPdf(doc);
      setOutline(await readOutline(doc));
    })().catch((e: unknown) => setError(`The PDF could not be shown: ${(e as Error).message}`));
  }, [token]);

  const download = async (): Promise<void> => {
    setSaved('saving');
    const answer = await send<number>({ target: 'background', type: 'preview-download', token });
    if (!answer.ok) {
      setError(answer.error);
      setSaved('idle');
    } else setSaved('saved');
  };

  if (error)
    return (
      <p className="error" role="alert" data-testid="preview-error">
        {error}
      </p>
    );
  if (!info || !pdf) return <p className="loading">Preparing the preview…</p>;
  const pages = pdf.numPages;
  return (
    <div className="preview" data-testid="preview-app" data-pages={pages}>
      <header>
        <h1>{info.fileName}</h1>
        <span className="meta">
          {pages} page{pages === 1 ? '' : 's'} · {(info.bytes / 1024).toFixed(0)} KB
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="primary"
          data-testid="download"
          data-state={saved}
          onClick={() => void download()}
        >
          {saved === 'saved' ? 'Downloaded' : 'Download'}
        </button>
      </header>
      <aside>
        {outline.length ? (
          <nav aria-label="Outline" data-testid="outline">
            <OutlineList items={outline} onGo={setPage} />
          </nav>
        ) : null}
        <ol className="thumbs" aria-label="Pages">
          {Array.from({ length: Math.min(pages, MAX_THUMBS) }, (_, i) => (
            <li key={i}>
              <button
                type="button"
                aria-current={page === i + 1}
                onClick={() => setPage(i + 1)}
                data-testid="thumbnail"
              >
                <PageCanvas pdf={pdf} number={i + 1} width={THUMB_WIDTH} />
                <span>{i + 1}</span>
              </button>
            </li>
          ))}
        </ol>
      </aside>
      <main>
        <div className="pager">
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span data-testid="page-number">
            Page {page} of {pages}
          </span>
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </div>
        <PageCanvas pdf={pdf} number={page} width={PAGE_WIDTH} testId="page" />
      </main>
    </div>
  );
}

function OutlineList({ items, onGo }: { items: OutlineEntry[]; onGo: (page: number) => void }) {
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>
          <button
            type="button"
            data-testid="outline-item"
            disabled={!item.page}
            onClick={() => item.page && onGo(item.page)}
          >
            {item.title}
          </button>
          {item.items.length ? <OutlineList items={item.items} onGo={onGo} /> : null}
        </li>
      ))}
    </ul>
  );
}

function PageCanvas({
  pdf,
  number,
  width,
  testId,
}: {
  pdf: PDFDocumentProxy;
  number: number;
  width: number;
  testId?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    let stale = false;
    setRendered(false);
    const target = canvas.current;
    if (target) {
      void drawPage(pdf, number, target, width, () => stale).then(
        (done) => !stale && setRendered(done),
      );
    }
    return () => {
      stale = true;
    };
  }, [pdf, number, width]);
  return <canvas ref={canvas} data-testid={testId} data-rendered={rendered} data-page={number} />;
}
