// @vitest-environment jsdom
/**
 * What the reader leaves out and what it keeps: text Confluence hides (each rule of
 * lib/read/hidden-text.ts), Scroll Ignore macros (left out of exports on purpose) and Scroll Only
 * macros (hidden on the page, shown in exports), in block and inline form, in both markups.
 */
import { describe, expect, it } from 'vitest';
import { findContentRoot } from '../../lib/read/find-content-root';
import { modelText } from '../../lib/read/model-text';
import { readPage } from '../../lib/read/read-page';

function textOf(body: string): string {
  const doc = new DOMParser().parseFromString(
    `<html><body><div id="main-content" class="wiki-content">${body}</div></body></html>`,
    'text/html',
  );
  const found = findContentRoot(doc);
  if (!found) throw new Error('no content root');
  const { blocks } = readPage(found.root, {
    pageUrl: 'https://confluence.acme.test/pages/viewpage.action?pageId=1',
    markup: found.markup,
  });
  return modelText(blocks).replace(/\s+/g, ' ').trim();
}

describe('hidden text', () => {
  it.each([
    ['the hidden attribute', '<div hidden>secret</div>'],
    ['the AUI hidden class', '<div class="hidden parameters">secret</div>'],
    ['an AUI icon label', '<span class="aui-icon content-type-blogpost">secret</span>'],
    ['an assistive span', '<span class="assistive">secret</span>'],
    ['aria-hidden decoration', '<span aria-hidden="true">secret</span>'],
  ])('leaves out %s', (_name, hidden) => {
    expect(textOf(`<p>before ${hidden} after</p>`)).toBe('before after');
  });

  it('keeps text that only looks hidden', () => {
    expect(
      textOf('<p>a <span aria-hidden="false">shown</span> <span class="hiddenish">too</span></p>'),
    ).toBe('a shown too');
  });
});

describe('Scroll macros', () => {
  it.each(['scroll-ignore', 'scroll-pdf-ignore'])(
    '%s (block, view and cloud) is left out',
    (name) => {
      expect(
        textOf(
          `<p>kept</p><div class="conf-macro" data-macro-name="${name}"><p>dropped</p></div>` +
            `<div data-extension-key="${name}"><p>dropped too</p></div><p>end</p>`,
        ),
      ).toBe('kept end');
    },
  );

  it.each(['scroll-ignore-inline', 'scroll-pdf-ignore-inline'])('%s is left out', (name) => {
    expect(
      textOf(`<p>kept <span class="conf-macro" data-macro-name="${name}">dropped</span> end</p>`),
    ).toBe('kept end');
  });

  it.each(['scroll-only', 'scroll-pdf-only'])('%s (block) is read in its place', (name) => {
    expect(
      textOf(
        `<p>one</p><div class="conf-macro" data-macro-name="${name}"><p>two</p></div><p>three</p>`,
      ),
    ).toBe('one two three');
  });

  it.each(['scroll-only-inline', 'scroll-pdf-only-inline'])('%s is read in its place', (name) => {
    expect(
      textOf(`<p>one <span class="conf-macro" data-macro-name="${name}">two</span> three</p>`),
    ).toBe('one two three');
  });
});
