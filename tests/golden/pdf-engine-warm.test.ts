// @vitest-environment node
/**
 * Warming the engine (done while the tab is read) loads the base fonts once, and a build that
 * starts meanwhile waits for the same loads instead of asking again.
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../lib/layout/layout-document';
import type { PdfEngine } from '../../lib/pdf/build-pdf';
import { BASE_FAMILIES, filesFor } from '../../lib/pdf/font-files';
import { createNodeEngine, readFontFile } from '../../lib/pdf/node-engine';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import { EXPORTED_AT } from '../helpers/build-pdf';
import { readPdf } from '../helpers/read-pdf';
import { sampleModel } from '../helpers/sample-model';

/** A Node engine that records every font file it reads. */
async function countingEngine(): Promise<{ engine: PdfEngine; reads: string[] }> {
  const reads: string[] = [];
  const engine = await createNodeEngine({
    readFont: (file) => {
      reads.push(file);
      return readFontFile(file);
    },
  });
  return { engine, reads };
}

describe('engine warm-up', () => {
  it('reads each base font file once, for the warm-up and an overlapping build together', async () => {
    const { engine, reads } = await countingEngine();
    const warming = engine.warm();
    const definition = layoutDocument(sampleModel(), {
      prefs: DEFAULT_PREFS,
      exportedAt: EXPORTED_AT,
    });
    const [, bytes] = await Promise.all([warming, engine.build(definition)]);
    const base = filesFor(BASE_FAMILIES);
    expect(base.length).toBeGreaterThan(0);
    for (const file of base) expect(reads.filter((f) => f === file)).toHaveLength(1);
    expect(new Set(reads).size).toBe(reads.length);
    expect((await readPdf(bytes, { images: false })).text).toContain('Engineering Handbook');
  });

  it('loads only the base fonts when warmed', async () => {
    const { engine, reads } = await countingEngine();
    await engine.warm();
    expect(reads.sort()).toEqual([...filesFor(BASE_FAMILIES)].sort());
  });
});
