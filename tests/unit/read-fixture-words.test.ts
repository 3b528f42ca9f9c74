// @vitest-environment jsdom
/**
 * Every word a fixture page shows is in the model's text (lib/read/model-text.ts): the reader
 * loses no visible word on any construct the fixtures imitate — TOC macros wherever they stand,
 * listing macros with their author and date lines, ... Hidden text (lib/read/hidden-text.ts) is
 * not shown, so not owed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { findContentRoot } from '../../lib/read/find-content-root';
import { modelText } from '../../lib/read/model-text';
import { readPage } from '../../lib/read/read-page';
import { recall, visibleText, words } from '../helpers/recall';

const DIR = join(__dirname, '../fixtures/read');
const cases = readdirSync(DIR).sort();

test('the fixtures are there', () => {
  expect(cases).toContain('view-blog-posts');
});

test.each(cases)('%s: no visible word is lost', (name) => {
  const html = readFileSync(join(DIR, name, 'input.html'), 'utf8');
  const found = findContentRoot(new DOMParser().parseFromString(html, 'text/html'));
  if (!found) throw new Error(`${name}: no content root`);
  const { blocks } = readPage(found.root, {
    pageUrl: 'https://acme.atlassian.net/wiki/spaces/DOC/pages/1001/Fixture',
    markup: found.markup,
  });
  expect(recall(words(visibleText(found.root)), words(modelText(blocks))).missing).toEqual([]);
});
