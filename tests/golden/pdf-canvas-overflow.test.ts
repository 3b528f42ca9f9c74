// @vitest-environment node
/**
 * pdfmake 0.3.11 cannot place a canvas taller than a fresh page leaves (its writer's addCanvas
 * returns false and the layout then throws a TypeError; the fuzz test first found it with a rule
 * inside mangled table markup). The engine rebuilds without drawn decorations and says so.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { expect, it } from 'vitest';
import type { PdfmakeInstance } from '../../lib/pdf/build-pdf';
import { CanvasDoesNotFit, guardCanvases } from '../../lib/pdf/canvas-fit';
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

it("pdfmake's refusal to place a canvas is recognised by what pdfmake did, not by its message", async () => {
  // The minified browser build names the variable in the TypeError `t`, not `otherArray`: the
  // engine must not depend on that text (tests/e2e/shipped-engine.spec.ts runs the bundle).
  const pdfmake = ((await import('pdfmake')) as unknown as { default: PdfmakeInstance }).default;
  await guardCanvases(pdfmake);
  const failure = await pdfmake
    .createPdf(tallCanvas)
    .getBuffer()
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  expect(failure).toBeInstanceOf(CanvasDoesNotFit);
});
