// @vitest-environment jsdom
/**
 * findContentRoot: the page body in each markup, chrome left out, and no root (rather than an
 * empty page) for a document with nothing in it.
 */
import { describe, expect, it } from 'vitest';
import { findContentRoot } from '../../lib/read/find-content-root';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('findContentRoot', () => {
  it('takes the Cloud renderer document first', () => {
    const doc = parse(
      '<div id="main-content"><div class="ak-renderer-document"><p>cloud</p></div></div>',
    );
    const found = findContentRoot(doc);
    expect(found?.markup).toBe('cloud');
    expect(found?.root.className).toBe('ak-renderer-document');
  });

  it('takes #main-content, then .wiki-content, then other view roots', () => {
    expect(
      findContentRoot(parse('<div class="wiki-content" id="w"></div><div id="main-content"></div>'))
        ?.root.id,
    ).toBe('main-content');
    expect(
      findContentRoot(
        parse('<div class="page-content" id="p"></div><div class="wiki-content" id="w"></div>'),
      )?.root.id,
    ).toBe('w');
    const other = findContentRoot(parse('<div id="content-body">x</div>'));
    expect([other?.markup, other?.root.id]).toEqual(['view', 'content-body']);
  });

  it('reads a bare export_view fragment as the body', () => {
    const found = findContentRoot(parse('<p>Just a fragment</p>'));
    expect([found?.markup, found?.root.localName]).toEqual(['view', 'body']);
  });

  it('keeps a bare body that has only an image or only a table', () => {
    expect(findContentRoot(parse('<img src="a.png">'))?.root.localName).toBe('body');
    expect(findContentRoot(parse('<table><tr><td></td></tr></table>'))?.root.localName).toBe(
      'body',
    );
  });

  it('finds nothing in an empty or blank document', () => {
    expect(findContentRoot(parse(''))).toBeNull();
    expect(findContentRoot(parse('<p> \n </p><div></div>'))).toBeNull();
  });

  it('uses the document element when there is no body', () => {
    const doc = document.implementation.createDocument(null, 'root', null);
    doc.documentElement.textContent = 'text';
    const found = findContentRoot(doc);
    expect([found?.markup, found?.root.localName]).toEqual(['view', 'root']);
  });
});
