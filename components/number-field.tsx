import { useEffect, useState, type ReactNode } from 'react';
import { describedBy, Field } from './field';

/**
 * A number input with bounds. Valid numbers are committed as they are typed; an empty or
 * out-of-range draft shows an error and is not committed, and leaving the field restores the
 * last committed value.
 */
export function NumberField(props: {
  id: string;
  label: ReactNode;
  value: number;
  min: number;
  max: number;
  step: number;
  unit?: string;
  hint?: ReactNode;
  onCommit: (value: number) => void;
}): ReactNode {
  const { id, label, value, min, max, step, unit, hint, onCommit } = props;
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    setDraft(String(value));
    setError(undefined);
  }, [value]);

  const check = (text: string): string | undefined => {
    if (!text.trim()) return 'Enter a number.';
    const n = Number(text);
    if (!Number.isFinite(n)) return 'Enter a number.';
    if (n < min || n > max) return `Enter a number from ${min} to ${max}.`;
    if (Number.isInteger(step) && !Number.isInteger(n)) return 'Enter a whole number.';
    return undefined;
  };

  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <span className="number-field">
        <input
          id={id}
          data-testid={id}
          type="number"
          inputMode="decimal"
          value={draft}
          min={min}
          max={max}
          step={step}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(e) => {
            const text = e.target.value;
            setDraft(text);
            const problem = check(text);
            setError(problem);
            if (!problem && Number(text) !== value) onCommit(Number(text));
          }}
          onBlur={() => {
            if (check(draft)) {
              setDraft(String(value));
              setError(undefined);
            }
          }}
        />
        {unit ? <span className="number-field__unit">{unit}</span> : null}
      </span>
    </Field>
  );
}
