import { expect, test } from './harness/sample';

/**
 * The conservation check runs in the shipped extension: the minified build worker stamps,
 * counts and compares (a build it could not check reports `words-unchecked`), and the
 * kitchen-sink pages of both sites lose no word.
 */
for (const site of ['dc', 'cloud'] as const) {
  test(`${site}: the toolbar export of "Kitchen Sink" is checked word for word and loses none`, async ({
    ext,
    sample,
  }) => {
    const page = await ext.context.newPage();
    await page.goto(sample.loginUrl(site));
    await page.goto(sample.pageUrl(site, 'Kitchen Sink'));
    await page.waitForLoadState('load');
    const { outcome, file } = await ext.exportViaAction(page);
    if (!outcome.ok) throw new Error(`export failed: ${JSON.stringify(outcome)}`);
    expect(file).toBeDefined();
    const { value } = outcome;
    const kinds = value.warnings.map((w) => w.kind);
    expect(kinds.filter((k) => k.startsWith('words-') || k === 'layout-loosened')).toEqual([]);
    expect(value.timings).toHaveProperty('conservation', expect.any(Number));
  });
}
