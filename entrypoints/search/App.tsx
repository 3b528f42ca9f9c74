import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { SearchAnswer } from '../../lib/confluence/search-job';
import { orderHits, type SearchHit, type SearchOrder } from '../../lib/confluence/rest/search';
import type { ExportOutcome } from '../../lib/export/run-export';
import type { BackgroundRequest, Result } from '../../lib/messaging/protocol';

const ORDERS: { value: SearchOrder; label: string }[] = [
  { value: 'title', label: 'By title' },
  { value: 'modified', label: 'By last modified (newest first)' },
  { value: 'tree', label: 'Tree order' },
];

const send = <T,>(request: BackgroundRequest): Promise<Result<T>> =>
  browser.runtime.sendMessage(request) as Promise<Result<T>>;

/** `label = x` as CQL (quoted: labels may hold characters CQL would read otherwise). */
const labelCql = (label: string, spaceKey: string | undefined): string =>
  `label = "${label.replace(/["\\]/g, '')}"${spaceKey ? ` and space = ${spaceKey}` : ''}`;

/**
 * Export by search or label, opened from the page's context menu for one Confluence tab
 * (`?tab=<id>`): the search runs in that tab (its site, its session), the user ticks pages and
 * an order, and the background exports them into one PDF the usual way.
 */
export function App() {
  const tabId = Number(new URLSearchParams(location.search).get('tab'));
  const [spaceKey, setSpaceKey] = useState<string>();
  const [cql, setCql] = useState('type = page');
  const [label, setLabel] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [order, setOrder] = useState<SearchOrder>('title');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!Number.isInteger(tabId) || tabId <= 0) {
      setStatus('Open this page from a Confluence tab (right-click, Export pages by search).');
      return;
    }
    void send<SearchAnswer>({ target: 'background', type: 'search', tabId, cql: '' }).then(
      (answer) => {
        if (!answer.ok) return setStatus(answer.error);
        const key = answer.value.spaceKey;
        setSpaceKey(key);
        if (key) setCql(`space = ${key} and type = page`);
      },
    );
  }, [tabId]);

  const ordered = useMemo(() => orderHits(hits, order), [hits, order]);
  const chosen = ordered.filter((h) => ticked.has(h.id));

  const search = async (query: string): Promise<void> => {
    setBusy(true);
    setStatus('Searching…');
    const answer = await send<SearchAnswer>({
      target: 'background',
      type: 'search',
      tabId,
      cql: query,
    });
    setBusy(false);
    if (!answer.ok) {
      setHits([]);
      return setStatus(answer.error);
    }
    setHits(answer.value.hits);
    setTicked(new Set(answer.value.hits.map((h) => h.id)));
    const n = answer.value.hits.length;
    setStatus(`${n} page${n === 1 ? '' : 's'} found.`);
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const query = label.trim() ? labelCql(label.trim(), spaceKey) : cql;
    if (label.trim()) setCql(query);
    void search(query);
  };

  const exportPages = async (): Promise<void> => {
    setBusy(true);
    setStatus(`Exporting ${chosen.length} pages…`);
    const title = label.trim()
      ? `${spaceKey ?? ''} ${label.trim()}`.trim()
      : `${spaceKey ?? cql} search`;
    const result = await send<ExportOutcome>({
      target: 'background',
      type: 'export-pages',
      tabId,
      ids: chosen.map((h) => h.id),
      title,
    });
    setBusy(false);
    setStatus(result.ok ? `Saved ${result.value.fileName}.` : result.error);
  };

  const toggle = (id: string): void =>
    setTicked((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <main className="search-page">
      <h1>Export pages by search or label</h1>
      <form onSubmit={onSubmit}>
        <label>
          CQL{' '}
          <input
            type="text"
            size={70}
            data-testid="cql"
            value={cql}
            onChange={(e) => setCql(e.target.value)}
          />
        </label>
        <label>
          or label{' '}
          <input
            type="text"
            data-testid="label"
            placeholder="release-notes"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
        </label>
        <div>
          <button type="submit" data-testid="search" disabled={busy}>
            Search
          </button>
        </div>
      </form>
      <p data-testid="status" role="status">
        {status}
      </p>
      {hits.length > 0 && (
        <>
          <div className="actions">
            <label>
              Order{' '}
              <select
                data-testid="order"
                value={order}
                onChange={(e) => setOrder(e.target.value as SearchOrder)}
              >
                {ORDERS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              data-testid="export"
              disabled={busy || chosen.length === 0}
              onClick={() => void exportPages()}
            >
              Export {chosen.length} page{chosen.length === 1 ? '' : 's'}
            </button>
          </div>
          <ul className="results">
            {ordered.map((hit) => (
              <li key={hit.id} data-testid="result" data-id={hit.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={ticked.has(hit.id)}
                    onChange={() => toggle(hit.id)}
                  />{' '}
                  {hit.title}
                  {hit.lastModified && (
                    <span className="modified">{hit.lastModified.slice(0, 10)}</span>
                  )}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
