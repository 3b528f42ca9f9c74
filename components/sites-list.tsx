import { useState, type ReactNode } from 'react';
import { parseOrigin } from '../lib/prefs/schema';

/**
 * Self-hosted Confluence origins. Adding and granting call back synchronously from the click, so
 * the caller can ask the browser for a host permission inside the user gesture.
 */
export function SitesList(props: {
  sites: readonly string[];
  /** Whether each site's host permission is granted (missing: not known yet). */
  granted: Readonly<Record<string, boolean>>;
  /** Asks for access and stores the site; resolves to an error message, or undefined. */
  onAdd: (origin: string) => Promise<string | undefined>;
  /** Asks again for a stored site whose access is missing (e.g. after an import). */
  onGrant: (origin: string) => Promise<string | undefined>;
  onRemove: (origin: string) => Promise<void>;
}): ReactNode {
  const { sites, granted, onAdd, onGrant, onRemove } = props;
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const settle = (result: Promise<string | undefined>, clear: boolean): void => {
    setBusy(true);
    result
      .then((problem) => {
        setError(problem);
        if (!problem && clear) setDraft('');
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBusy(false));
  };

  const add = (): void => {
    const origin = parseOrigin(draft);
    if (!origin) {
      setError('Enter a web address such as https://wiki.example.com');
      return;
    }
    if (sites.includes(origin)) {
      setError(`${origin} is already in the list.`);
      return;
    }
    // No await before onAdd: the permission prompt needs the click's user gesture.
    settle(onAdd(origin), true);
  };

  return (
    <div className="sites">
      <form
        className="sites__add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor="site-input" className="field__label">
          Confluence address
        </label>
        <div className="sites__row">
          <input
            id="site-input"
            data-testid="site-input"
            type="url"
            inputMode="url"
            placeholder="https://wiki.example.com"
            value={draft}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby="site-hint site-error"
            onChange={(e) => {
              setDraft(e.target.value);
              setError(undefined);
            }}
          />
          <button type="submit" data-testid="site-add" disabled={busy}>
            Add site
          </button>
        </div>
        <p id="site-hint" className="field__hint">
          Offprint asks your browser for access to this address only. Atlassian Cloud sites
          (*.atlassian.net) need no entry.
        </p>
        <p id="site-error" className="field__error" aria-live="polite" data-testid="site-error">
          {error ?? ''}
        </p>
      </form>
      {sites.length === 0 ? (
        <p className="sites__empty" data-testid="sites-empty">
          No self-hosted sites yet.
        </p>
      ) : (
        <ul className="sites__list" aria-label="Self-hosted sites" data-testid="sites-list">
          {sites.map((origin) => (
            <li key={origin} className="sites__item" data-testid="site-item" data-origin={origin}>
              <span className="sites__origin">{origin}</span>
              {granted[origin] === false ? (
                <>
                  <span className="sites__missing">Access not granted</span>
                  <button
                    type="button"
                    data-testid="site-grant"
                    aria-label={`Grant access to ${origin}`}
                    disabled={busy}
                    onClick={() => settle(onGrant(origin), false)}
                  >
                    Grant access
                  </button>
                </>
              ) : null}
              <button
                type="button"
                data-testid="site-remove"
                aria-label={`Remove ${origin}`}
                disabled={busy}
                onClick={() =>
                  settle(
                    onRemove(origin).then(() => undefined),
                    false,
                  )
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
