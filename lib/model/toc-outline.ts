/**
 * Outline numbers of a table of contents (Confluence TOC macro, "outline" option): for headings
 * at `levels` in page order, "1", "1.1", "1.2", "2", ... counted from the shallowest level.
 * The layout prints them and the model's text repeats them, so both use this one function.
 */
export function outlineNumbers(levels: readonly number[]): string[] {
  if (levels.length === 0) return [];
  const top = Math.min(...levels);
  const counters: number[] = [];
  return levels.map((level) => {
    const depth = level - top;
    counters.length = depth + 1;
    for (let i = 0; i < depth; i++) counters[i] ??= 0;
    counters[depth] = (counters[depth] ?? 0) + 1;
    return counters.join('.');
  });
}
