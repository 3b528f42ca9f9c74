import type { ReactNode } from 'react';
import { describedBy, Field } from './field';

/** A labelled `<select>` over a fixed list of string values. */
export function SelectField<T extends string>(props: {
  id: string;
  label: ReactNode;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  hint?: ReactNode;
}): ReactNode {
  const { id, label, value, options, onChange, hint } = props;
  return (
    <Field id={id} label={label} hint={hint}>
      <select
        id={id}
        data-testid={id}
        value={value}
        aria-describedby={describedBy(id, hint, undefined)}
        onChange={(e) => {
          const next = options.find((o) => o.value === e.target.value);
          if (next) onChange(next.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
