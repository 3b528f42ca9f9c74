import { layoutDocument } from '../../lib/layout/layout-document';
import { extensionEngine } from '../../lib/export/extension-engine';
import { PREVIEW_MODEL } from '../../lib/prefs/preview-model';
import type { Prefs } from '../../lib/prefs/schema';

// The preview reaches into layout and pdf (outside the options page's usual imports) on
// purpose: it must build the very PDF an export would, through the same code.

/** The sample page as a PDF, laid out with `prefs` exactly as an export would be. */
export async function buildPreviewPdf(prefs: Prefs, exportedAt = new Date()): Promise<Uint8Array> {
  const definition = layoutDocument(PREVIEW_MODEL, {
    prefs,
    exportedAt,
    exportedBy: 'Ana Lima',
  });
  return (await extensionEngine()).build(definition);
}
