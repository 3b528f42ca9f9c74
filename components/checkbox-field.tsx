import type { ReactNode } from 'react';

/** A checkbox with its label beside it and an optional hint below. */
export function CheckboxField(props: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
}): ReactNode {
  const { id, label, checked, onChange, hint } = props;
  return (
    <div className="field field--checkbox">
      <input
        id={id}
        data-testid={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
