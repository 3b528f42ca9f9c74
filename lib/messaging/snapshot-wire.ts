import type { PageSnapshot } from './protocol';

/**
 * The content script hands its snapshot back as one JSON string: `scripting.executeScript`
 * converts an object result value by value, which for a long page's model (thousands of small
 * objects) cost over a second at 500 PDF pages; a string crosses in milliseconds.
 */
export const encodeSnapshot = (snapshot: PageSnapshot): string => JSON.stringify(snapshot);

/** The snapshot from an injection result (a string as encoded above; an object is accepted). */
export function decodeSnapshot(result: unknown): PageSnapshot | undefined {
  if (typeof result === 'string') return JSON.parse(result) as PageSnapshot;
  return (result ?? undefined) as PageSnapshot | undefined;
}
