// @vitest-environment node
/**
 * pdfmake 0.3.11 throws "otherArray.forEach is not a function" when a canvas cannot be placed even
 * on a fresh page (the fuzz test first found it with a rule inside mangled table markup). The
 * engine then rebuilds without drawn decorations and says so: the text is never lost.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { expect, it } from 'vitest';
import { createNodeEngine } from '../../lib/pdf/node-engine';
import { readPdf } from '../helpers/read-pdf';

const tallCanvas: TDocumentDefinitions = {
  content: [
    'Before the drawing.',
    { canvas: [{ type: 'rect', x: 0, y: 0, w: 40, h: 2000, color: '#dfe1e6' }] },
    'After the drawing.',
  ],
};

it('a canvas taller than a page no longer fails the export: text kept, a warning given', async () => {
  const engine = await createNodeEngine();
  const warnings: string[] = [];
  const bytes = await engine.build(tallCanvas, (message) => warnings.push(message));
  const pdf = await readPdf(bytes);
  expect(pdf.text).toContain('Before the drawing.');
  expect(pdf.text).toContain('After the drawing.');
  expect(warnings).toEqual([
    'Some drawn decorations (rules, check boxes, panel icons) were left out to fit the layout.',
  ]);
});

it('other build errors still fail loudly', async () => {
  const engine = await createNodeEngine();
  await expect(
    engine.build({ content: [{ image: 'not-an-image-at-all' }] } as TDocumentDefinitions),
  ).rejects.toThrow();
});
