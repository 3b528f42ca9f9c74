import { useState, type ReactNode } from 'react';
import { describedBy, Field } from './field';

/** Reads a file as a `data:` URL. */
function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}

/**
 * An image chosen from a file and kept as a data URL, with a thumbnail and a Remove button.
 * `onCommit` returns an error message when the image is refused (type, size).
 */
export function ImageField(props: {
  id: string;
  label: ReactNode;
  value: string;
  accept: string;
  maxBytes: number;
  hint?: ReactNode;
  onCommit: (dataUrl: string) => string | undefined;
}): ReactNode {
  const { id, label, value, accept, maxBytes, hint, onCommit } = props;
  const [error, setError] = useState<string | undefined>();

  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <div className="image-field">
        {value ? (
          <img className="image-field__thumb" src={value} alt="" data-testid={`${id}-thumb`} />
        ) : null}
        <input
          id={id}
          data-testid={id}
          type="file"
          accept={accept}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onChange={async (e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            if (file.size > maxBytes) {
              setError(
                `${file.name} is ${Math.ceil(file.size / 1024)} KB; the limit is ${Math.floor(maxBytes / 1024)} KB.`,
              );
            } else {
              try {
                setError(onCommit(await readAsDataUrl(file)));
              } catch (err) {
                setError(err instanceof Error ? err.message : String(err));
              }
            }
            // Choosing the same file again must fire a change.
            input.value = '';
          }}
        />
        {value ? (
          <button
            type="button"
            data-testid={`${id}-remove`}
            onClick={() => {
              setError(undefined);
              onCommit('');
            }}
          >
            Remove logo
          </button>
        ) : null}
      </div>
    </Field>
  );
}
