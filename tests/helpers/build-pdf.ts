/** Layout + build in one call for tests; the engine is created once per test file. */
import type { ExportModel } from '../../lib/model/types';
import { layoutDocument, type LayoutOptions } from '../../lib/layout/layout-document';
import type { PdfEngine } from '../../lib/pdf/build-pdf';
import { createNodeEngine } from '../../lib/pdf/node-engine';
import { DEFAULT_PREFS, type Prefs } from '../../lib/prefs/schema';

let engine: Promise<PdfEngine> | undefined;

export const EXPORTED_AT = new Date('2025-03-15T12:00:00Z');

export async function buildPdf(
  model: ExportModel,
  prefs: Partial<Prefs> = {},
  opts: Omit<LayoutOptions, 'prefs' | 'exportedAt'> & { exportedAt?: Date } = {},
): Promise<Uint8Array> {
  engine ??= createNodeEngine();
  const dd = layoutDocument(model, {
    prefs: { ...DEFAULT_PREFS, ...prefs },
    exportedAt: opts.exportedAt ?? EXPORTED_AT,
    ...(opts.exportedBy !== undefined ? { exportedBy: opts.exportedBy } : {}),
  });
  return (await engine).build(dd);
}
