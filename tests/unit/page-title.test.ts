// @vitest-environment jsdom
/** The one page-title reader (lib/confluence/page-title.ts), for the open tab and saved pages. */
import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../lib/confluence/page-title';

const doc = (title: string, body: string, head = ''): Document =>
  new DOMParser().parseFromString(
    `<html><head><title>${title}</title>${head}</head><body>${body}</body></html>`,
    'text/html',
  );

describe('pageTitle', () => {
  it('takes Data Center’s ajs-page-title first', () => {
    const d = doc(
      'x',
      '<h1 id="title-text">Heading</h1>',
      '<meta name="ajs-page-title" content=" Meta ">',
    );
    expect(pageTitle(d)).toBe('Meta');
  });

  it('drops the space of an HTML export, whose heading repeats its <title>', () => {
    const d = doc(
      'VARLab : Game Design',
      '<h1 id="title-heading"><span id="title-text">\n  VARLab : Game Design\n</span></h1>',
    );
    expect(pageTitle(d)).toBe('Game Design');
  });

  it('keeps a live page’s own " : " (its <title> has the site suffix)', () => {
    const d = doc(
      'Release : 2.0 - Engineering - Confluence',
      '<h1 data-testid="title-text">Release : 2.0</h1>',
    );
    expect(pageTitle(d)).toBe('Release : 2.0');
  });

  it('prefers the title element to an earlier site-header h1', () => {
    const d = doc(
      't',
      '<h1 id="logo">Confluence</h1><h1 id="title-heading"><span id="title-text">Plan</span></h1>',
    );
    expect(pageTitle(d)).toBe('Plan');
  });

  it('falls back to <title> without the site suffix', () => {
    expect(pageTitle(doc('Plan - Ops - Engineering - Confluence', '<p>x</p>'))).toBe('Plan - Ops');
  });

  it('gives undefined when the page names no title', () => {
    expect(pageTitle(doc('', '<p>x</p>'))).toBeUndefined();
  });
});
