import { useEffect, useState, type ReactNode } from 'react';
import { describedBy, Field } from './field';

/**
 * A text input that commits every valid value as it is typed. `validate` returns an error
 * message or undefined; an invalid draft stays on screen with its error and is not committed.
 */
export function TextField(props: {
  id: string;
  label: ReactNode;
  value: string;
  onCommit: (value: string) => string | undefined;
  validate?: (value: string) => string | undefined;
  hint?: ReactNode;
  placeholder?: string;
  maxLength?: number;
  list?: string;
}): ReactNode {
  const { id, label, value, onCommit, validate, hint, placeholder, maxLength, list } = props;
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | undefined>();

  // Reset, import or another window changed the value: show it.
  useEffect(() => {
    setDraft(value);
    setError(undefined);
  }, [value]);

  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        data-testid={id}
        type="text"
        value={draft}
        spellCheck={false}
        {...(placeholder !== undefined ? { placeholder } : {})}
        {...(maxLength !== undefined ? { maxLength } : {})}
        {...(list !== undefined ? { list } : {})}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          const invalid = validate?.(next);
          // The store checks again: its refusal is shown the same way.
          setError(invalid ?? (next === value ? undefined : onCommit(next)));
        }}
      />
    </Field>
  );
}
