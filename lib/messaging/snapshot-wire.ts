import type { ExportModel, ReadTimings } from '../model/types';
import { splitVolumes, type VolumeBudget } from '../export/volumes';
import { ok, type PageSnapshot, type Result } from './protocol';

/** What the background needs to know of a read export, without parsing its model. */
export interface SnapshotSummary {
  title: string;
  pageCount: number;
  firstPage?: { id: string; spaceKey?: string };
  timings?: ReadTimings;
}

/**
 * A read export as the background holds it: the summary, and each volume's model as the JSON
 * string the build worker parses. The model is never parsed or re-encoded on the way.
 */
export interface WireSnapshot {
  summary: SnapshotSummary;
  volumes: string[];
}

/**
 * The content script hands its snapshot back as one string: `scripting.executeScript` converts
 * an object result value by value, which for a long page's model (thousands of small objects)
 * cost over a second at 500 PDF pages; a string crosses in milliseconds. Layout: a JSON header
 * line (the summary, or the failure), then one line per volume's model JSON (JSON text has no
 * raw line breaks, so a newline separates them safely).
 */
export function encodeSnapshot(snapshot: PageSnapshot, budget?: VolumeBudget): string {
  if (!snapshot.ok) return JSON.stringify(snapshot);
  const model = snapshot.value;
  const first = model.pages[0];
  const summary: SnapshotSummary = {
    title: model.title,
    pageCount: model.pages.length,
    ...(first
      ? { firstPage: { id: first.id, ...(first.spaceKey ? { spaceKey: first.spaceKey } : {}) } }
      : {}),
    ...(model.timings ? { timings: model.timings } : {}),
  };
  const volumes = splitVolumes(model, budget).map((volume) => JSON.stringify(volume));
  return [JSON.stringify(ok(summary)), ...volumes].join('\n');
}

/** The snapshot from an injection result (as encoded above); undefined when there was none. */
export function decodeSnapshot(result: unknown): Result<WireSnapshot> | undefined {
  if (typeof result !== 'string') return undefined;
  const [header = '', ...volumes] = result.split('\n');
  const head = JSON.parse(header) as Result<SnapshotSummary>;
  if (!head.ok) return head;
  return ok({ summary: head.value, volumes });
}

/** The build worker's side: a volume's model. */
export const decodeVolume = (json: string): ExportModel => JSON.parse(json) as ExportModel;
