type Method = (...args: never[]) => unknown;

/**
 * Puts `methods` on `target` as its own properties for a while (pdfkit documents are patched
 * per render call this way). `original(name)` is what the name meant before, bound to
 * `target`; `restore()` puts it back (deleting the own property when there was none).
 */
export function overrideMethods(
  target: object,
  methods: Record<string, Method>,
): { original(name: string): (...args: unknown[]) => unknown; restore(): void } {
  const record = target as Record<string, unknown>;
  const saved = Object.keys(methods).map((name) => {
    const value = record[name] as (...args: unknown[]) => unknown;
    return {
      name,
      own: Object.prototype.hasOwnProperty.call(record, name),
      value,
      bound: (...args: unknown[]) => value.apply(target, args),
    };
  });
  Object.assign(record, methods);
  return {
    original(name) {
      const entry = saved.find((s) => s.name === name);
      if (!entry) throw new Error(`${name} was not overridden`);
      return entry.bound;
    },
    restore() {
      for (const { name, own, value } of saved) {
        if (own) record[name] = value;
        else delete record[name];
      }
    },
  };
}
