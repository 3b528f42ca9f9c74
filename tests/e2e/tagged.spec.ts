import { readTagged, roles } from '../helpers/read-struct';
import { exportedFile } from './harness/extension';
import { expect, test } from './harness/sample';

/**
 * Tagged PDF through the extension (offscreen document, pdfmake's browser build): the Kitchen
 * Sink exported with the toolbar button has a structure tree with its headings, tables, lists
 * and the page's alt texts on its figures.
 */
test('dc: the exported Kitchen Sink is a tagged PDF with headings and figure alt texts', async ({
  ext,
  sample,
}) => {
  const page = await ext.context.newPage();
  await page.goto(sample.loginUrl('dc'));
  await page.goto(sample.pageUrl('dc', 'Kitchen Sink'));
  await page.waitForLoadState('load');
  const { file } = exportedFile(await ext.exportViaAction(page));

  const tagged = await readTagged(file.bytes);
  expect(tagged.hasTree).toBe(true);
  expect(tagged.lang).toBe('en-GB');
  const found = roles(tagged);
  for (const role of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Table', 'TR', 'TH', 'TD', 'Link']) {
    expect(found, role).toContain(role);
  }
  expect(tagged.flat.find((e) => e.role === 'H1')?.text.trim()).toBe('Kitchen Sink');
  const alts = tagged.flat.filter((e) => e.role === 'Figure').map((e) => e.alt);
  for (const alt of ['PNG diagram', 'JPEG photo', 'SVG logo']) expect(alts).toContain(alt);
});
