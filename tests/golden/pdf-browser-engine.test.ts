// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../lib/layout/layout-document';
import { createBrowserEngine } from '../../lib/pdf/browser-engine';
import { FONT_FILES, filesFor } from '../../lib/pdf/font-files';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import { EXPORTED_AT } from '../helpers/build-pdf';
import { readPdf } from '../helpers/read-pdf';
import { sampleModel } from '../helpers/sample-model';

const require = createRequire(import.meta.url);

describe('browser engine (pdfmake/build/pdfmake)', () => {
  it('builds the same document from fonts handed over by a loader', async () => {
    // The browser build reads navigator at import time; Node 20 has none.
    const g = globalThis as { navigator?: unknown };
    g.navigator ??= { userAgent: 'node' };
    const requested: string[] = [];
    const engine = await createBrowserEngine(async (file) => {
      requested.push(file);
      const font = FONT_FILES.find((f) => f.file === file);
      if (!font) throw new Error(`unknown font ${file}`);
      const buf = readFileSync(require.resolve(font.npmPath));
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    });
    // Fonts are fetched when a document needs them, not when the engine is made.
    expect(requested).toEqual([]);
    const dd = layoutDocument(sampleModel(), { prefs: DEFAULT_PREFS, exportedAt: EXPORTED_AT });
    const pdf = await readPdf(await engine.build(dd));
    expect(requested.sort()).toEqual(filesFor(['Roboto', 'Mono']).sort());
    expect(requested.length).toBeLessThan(FONT_FILES.length);
    expect(pdf.text).toContain('Engineering Handbook');
    expect(pdf.text).toContain('function greet(name: string) {');
    expect(pdf.outline[0]?.title).toBe('Engineering Handbook');
  });
});
