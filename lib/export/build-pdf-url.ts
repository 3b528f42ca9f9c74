import type { BuildPdfRequest, BuiltPdf } from '../messaging/protocol';
import type { BuiltBytes } from './build-pdf-bytes';
import { workerCalls } from '../messaging/worker-calls';
import type { BuildWorkerReply } from './build-worker-protocol';

type Ask =
  | { type: 'build'; request: BuildPdfRequest }
  | { type: 'warm' }
  | { type: 'bench'; action: 'arm' | 'rebuild' };

/**
 * The build worker (build-worker.ts), started on first use; a crashed one is replaced. It ends
 * a while after its last answer: a build leaves hundreds of MB of heap that a worker kept
 * waiting for the next export would hold on to. Each export warms a new one as it starts.
 */
const callBuildWorker = workerCalls<Ask, BuildWorkerReply>(
  () => new Worker(new URL('./build-worker.ts', import.meta.url), { type: 'module' }),
  { idleMs: 20_000 },
);

const ask = (message: Ask): Promise<BuildWorkerReply> =>
  callBuildWorker(message).catch((error: unknown): BuildWorkerReply => ({
    id: -1,
    ok: false,
    error: `the PDF build worker stopped: ${(error as Error).message}`,
  }));

const failure = (reply: BuildWorkerReply): Error =>
  new Error(reply.ok ? 'the PDF build worker gave no answer' : reply.error);

/** Starts the build worker, pdfmake and the base fonts ahead of the first build. */
export async function warmEngine(): Promise<void> {
  const reply = await ask({ type: 'warm' });
  if (!reply.ok) throw failure(reply);
}

/**
 * Lays out the model and builds the PDF in the build worker, and returns a `blob:` URL for the
 * browser to download (Blob URLs need this page; the worker hands over the bytes).
 */
export async function buildPdfUrl(request: BuildPdfRequest): Promise<BuiltPdf> {
  if (request.freshWorker) callBuildWorker.stop();
  const reply = await ask({ type: 'build', request });
  if (!reply.ok || !reply.built) throw failure(reply);
  const built: BuiltBytes = reply.built;
  const blob = new Blob([built.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
  return {
    url: URL.createObjectURL(blob),
    bytes: built.bytes.byteLength,
    warnings: built.warnings,
    ...(built.timings ? { timings: built.timings } : {}),
  };
}

/** Bench: see build-pdf-bytes.ts's benchPdfmake; runs in the build worker. */
export async function benchPdfmake(action: 'arm' | 'rebuild'): Promise<number> {
  const reply = await ask({ type: 'bench', action });
  if (!reply.ok || reply.ms === undefined) throw failure(reply);
  return reply.ms;
}
