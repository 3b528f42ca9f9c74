import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { BuildPdfRequest, BuildPhases, BuiltPdf } from '../messaging/protocol';
import { layoutDocument } from '../layout/layout-document';
import { decodeVolume } from '../messaging/snapshot-wire';
import { extensionEngine } from './extension-engine';
import { buildChecked } from './build-checked';

// `npm run bench` only: when armed, the next definition is kept (in memory, until rebuilt) so
// pdfmake alone can be timed on exactly what the export built.
let benchArmed = false;
let benchDefinition: TDocumentDefinitions | undefined;

/** A built PDF before it becomes a `blob:` URL. */
export type BuiltBytes = Omit<BuiltPdf, 'url' | 'bytes'> & { bytes: Uint8Array };

/** pdfmake started and its base fonts loaded, ahead of the first build. */
export async function warmEngine(): Promise<void> {
  await (await extensionEngine()).warm();
}

/** Parses and lays out the model (both timed as `layout`) and builds the PDF's bytes (in the build worker, see build-worker.ts). */
export async function buildPdfBytes(request: BuildPdfRequest): Promise<BuiltBytes> {
  const pdf = await extensionEngine();
  const laying = performance.now();
  const model = decodeVolume(request.modelJson);
  const definition = layoutDocument(model, {
    prefs: request.prefs,
    exportedAt: new Date(request.exportedAt),
  });
  const building = performance.now();
  if (benchArmed) [benchArmed, benchDefinition] = [false, definition];
  const warnings = [...model.warnings];
  const phases: Partial<BuildPhases> = {};
  const { bytes, report } = await buildChecked(
    pdf,
    definition,
    (message) => warnings.push({ kind: 'layout-simplified', message }),
    phases,
  );
  const built = performance.now();
  warnings.push(...report.warnings);
  return {
    bytes,
    warnings,
    timings: {
      layout: Math.round(building - laying),
      build: Math.round(built - building),
      ...phases,
      conservation: Math.round(report.ms),
    },
  };
}

/** Bench: `arm` keeps the next definition; `rebuild` times pdfmake on it and drops it (ms). */
export async function benchPdfmake(action: 'arm' | 'rebuild'): Promise<number> {
  if (action === 'arm') {
    benchArmed = true;
    return 0;
  }
  const definition = benchDefinition;
  benchDefinition = undefined;
  if (!definition) throw new Error('no definition kept: arm before the export');
  const pdf = await extensionEngine();
  const started = performance.now();
  await pdf.build(definition);
  return Math.round(performance.now() - started);
}
