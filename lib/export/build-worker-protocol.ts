import type { BuildPdfRequest } from '../messaging/protocol';
import type { BuiltBytes } from './build-pdf-bytes';

/** Offscreen document (or Firefox's background page) -> build worker. */
export type BuildWorkerRequest =
  | { id: number; type: 'build'; request: BuildPdfRequest }
  | { id: number; type: 'warm' }
  | { id: number; type: 'bench'; action: 'arm' | 'rebuild' };

/** Build worker -> its page: one answer per request id. */
export type BuildWorkerReply =
  | { id: number; ok: true; built?: BuiltBytes; ms?: number }
  | { id: number; ok: false; error: string };
