// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { identifyPage } from '../../lib/confluence/page-identity';

function doc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('identifyPage', () => {
  it('reads Data Center page facts from the ajs meta tags', () => {
    const page = doc(`<html><head>
      <meta name="ajs-page-id" content="65601">
      <meta name="ajs-page-title" content="Release checklist">
      <meta name="ajs-space-key" content="OPS">
      <meta name="ajs-base-url" content="https://wiki.example.org/confluence/">
      <meta name="ajs-content-type" content="page">
      </head><body><div id="main-content" class="wiki-content"></div></body></html>`);
    expect(
      identifyPage(page, 'https://wiki.example.org/confluence/display/OPS/Release+checklist'),
    ).toEqual({
      deployment: 'datacenter',
      pageId: '65601',
      title: 'Release checklist',
      spaceKey: 'OPS',
      siteBase: 'https://wiki.example.org/confluence',
      contentType: 'page',
    });
  });

  it('falls back to the origin and context path when ajs-base-url is absent', () => {
    const page =
      doc(`<head><meta name="ajs-page-id" content="7"><meta name="ajs-context-path" content="/wiki">
      <meta name="ajs-content-type" content="blogpost"></head><body><h1 id="title-text"> Q3 update </h1></body>`);
    const identity = identifyPage(
      page,
      'http://127.0.0.1:8090/wiki/pages/viewpage.action?pageId=7',
    );
    expect(identity?.siteBase).toBe('http://127.0.0.1:8090/wiki');
    expect(identity?.contentType).toBe('blogpost');
    expect(identity?.title).toBe('Q3 update');
  });

  it('reads Cloud page facts from the URL and the renderer DOM', () => {
    const page = doc(`<title>Runbook - Operations - Confluence</title><body>
      <h1 data-testid="title-text">Runbook</h1><div class="ak-renderer-document"><p>x</p></div></body>`);
    expect(
      identifyPage(page, 'https://acme.atlassian.net/wiki/spaces/OPS/pages/123456/Runbook'),
    ).toEqual({
      deployment: 'cloud',
      pageId: '123456',
      title: 'Runbook',
      spaceKey: 'OPS',
      siteBase: 'https://acme.atlassian.net/wiki',
      contentType: 'page',
    });
  });

  it('recognises Cloud blog posts', () => {
    const page = doc(`<body><h1>News</h1><div class="ak-renderer-document"></div></body>`);
    const identity = identifyPage(
      page,
      'https://acme.atlassian.net/wiki/spaces/ENG/blog/2026/11/02/998877/News',
    );
    expect(identity?.contentType).toBe('blogpost');
    expect(identity?.pageId).toBe('998877');
  });

  it('reads a Data Center blog post: author and date from the byline, or the date from its URL', () => {
    const withByline = doc(`<head><meta name="ajs-page-id" content="2001">
      <meta name="ajs-content-type" content="blogpost"></head><body>
      <div class="page-metadata"><ul><li>Created by <span class="author"><a href="/display/~cwei">Chen Wei</a></span>,
      last modified on <a class="last-modified">Mar 14, 2025</a></li></ul></div></body>`);
    const a = identifyPage(withByline, 'http://dc.test/display/DOC/2025/03/14/Spring+release');
    expect(a).toMatchObject({
      contentType: 'blogpost',
      author: 'Chen Wei',
      updated: 'Mar 14, 2025',
    });
    const bare = doc(`<head><meta name="ajs-page-id" content="2001">
      <meta name="ajs-content-type" content="blogpost"></head><body></body>`);
    expect(
      identifyPage(bare, 'http://dc.test/display/DOC/2025/03/14/Spring+release')?.updated,
    ).toBe('2025-03-14');
  });

  it('reads a Cloud byline (author, last updated) and falls back to the blog URL date', () => {
    const withByline = doc(`<body><h1 data-testid="title-text">News</h1>
      <div data-testid="page-byline">By <a data-testid="byline-author">Alice Moreau</a>
      <span data-testid="byline-last-updated">Last updated: Mar 14, 2025</span></div>
      <div class="ak-renderer-document"></div></body>`);
    expect(
      identifyPage(
        withByline,
        'https://acme.atlassian.net/wiki/spaces/ENG/blog/2025/03/10/77/News',
      ),
    ).toMatchObject({ author: 'Alice Moreau', updated: 'Mar 14, 2025', contentType: 'blogpost' });
    const bare = doc(`<body><h1>News</h1><div class="ak-renderer-document"></div></body>`);
    const identity = identifyPage(
      bare,
      'https://acme.atlassian.net/wiki/spaces/ENG/blog/2025/03/10/77/News',
    );
    expect(identity?.updated).toBe('2025-03-10');
    expect(identity?.author).toBeUndefined();
  });

  it('says no to pages that are not Confluence pages', () => {
    expect(identifyPage(doc('<body><p>hello</p></body>'), 'https://example.com/')).toBeNull();
    // A Cloud-looking URL without the renderer is the editor or a 404 page, not something to export.
    expect(
      identifyPage(doc('<body></body>'), 'https://acme.atlassian.net/wiki/spaces/OPS/pages/1/X'),
    ).toBeNull();
  });
});
