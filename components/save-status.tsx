import type { ReactNode } from 'react';
import type { SaveState } from '../lib/prefs/use-prefs';

const TEXT: Record<SaveState, string> = {
  idle: 'Changes save automatically',
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved',
};

/** "Saving…" / "Saved", announced to screen readers. */
export function SaveStatus(props: { state: SaveState; error?: string | undefined }): ReactNode {
  const { state, error } = props;
  return (
    <p
      className={`save-status save-status--${state}`}
      role="status"
      data-testid="save-status"
      data-state={state}
    >
      {TEXT[state]}
      {state === 'error' && error ? `: ${error}` : ''}
    </p>
  );
}
