import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BuiltBytes } from '../../../lib/export/build-pdf-bytes';
import type { ExportModel } from '../../../lib/model/types';
import { DEFAULT_PREFS, type Prefs } from '../../../lib/prefs/schema';
import { EXTENSION_DIR, type ExtensionHarness } from './extension';

/**
 * The build worker the offscreen document starts, as built: its file name read from the built
 * offscreen chunk (`new Worker(new URL('/assets/build-worker-<hash>.js', ...))`), so a test runs
 * the very bundle the extension loads (minified pdfmake, layout and the renderer patches).
 */
export function shippedWorkerPath(): string {
  const chunks = join(EXTENSION_DIR, 'chunks');
  const offscreen = readdirSync(chunks).find((f) => /^offscreen-.*\.js$/.test(f));
  if (!offscreen) throw new Error(`no offscreen chunk in ${chunks}`);
  const match = /\/assets\/build-worker-[\w-]+\.js/.exec(
    readFileSync(join(chunks, offscreen), 'utf8'),
  );
  if (!match) throw new Error('the offscreen chunk starts no build worker');
  return match[0];
}

/** What the shipped worker answered: the PDF's bytes and the warnings, or its error. */
export type WorkerAnswer =
  { ok: true; bytes: Uint8Array; warnings: BuiltBytes['warnings'] } | { ok: false; error: string };

/**
 * Builds `model` in a fresh copy of the shipped build worker, started from an extension page
 * (same origin, so it reads the extension's fonts), through the worker's own message protocol
 * (lib/export/build-worker-protocol.ts): no test hook in the bundle.
 */
export async function buildInShippedWorker(
  ext: ExtensionHarness,
  page: Page,
  model: ExportModel,
  prefs: Prefs = DEFAULT_PREFS,
): Promise<WorkerAnswer> {
  if (!page.url().startsWith(`chrome-extension://${ext.extensionId}/`)) {
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  }
  const answer = await page.evaluate(
    async ({ path, modelJson, prefs }) => {
      const worker = new Worker(path);
      try {
        const reply = await new Promise<{
          ok: boolean;
          error?: string;
          built?: { bytes: Uint8Array; warnings: unknown[] };
        }>((resolve, reject) => {
          worker.onmessage = (event) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage({
            id: 1,
            type: 'build',
            request: {
              target: 'offscreen',
              type: 'build-pdf',
              modelJson,
              prefs,
              exportedAt: '2025-03-15T12:00:00.000Z',
            },
          });
        });
        if (!reply.ok || !reply.built) return { ok: false as const, error: reply.error ?? '?' };
        let binary = '';
        for (const byte of reply.built.bytes) binary += String.fromCharCode(byte);
        return { ok: true as const, base64: btoa(binary), warnings: reply.built.warnings };
      } finally {
        worker.terminate();
      }
    },
    { path: shippedWorkerPath(), modelJson: JSON.stringify(model), prefs },
  );
  if (!answer.ok) return answer;
  return {
    ok: true,
    bytes: new Uint8Array(Buffer.from(answer.base64, 'base64')),
    warnings: answer.warnings as BuiltBytes['warnings'],
  };
}
