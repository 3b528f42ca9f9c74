// The Confluence Cloud page around the renderer document: top navigation, space sidebar,
// breadcrumbs, title, byline, renderer content, labels and comments. Cloud is a single-page app;
// this is the DOM the browser ends up with, simplified (no atomic CSS, no app scripts). Cloud
// has no <meta name="ajs-…"> tags: the extension recognises Cloud by /wiki and .ak-renderer-document.
import type { PageDef } from './content/dsl.ts';
import { ancestorsOf, childrenOf, pageById } from './content/registry.ts';
import { REMOTE_USER, SPACE, USERS } from './content/space.ts';
import { renderCloud } from './render-cloud.ts';
import { esc, formatDate, pagePath, type Sites } from './urls.ts';

function tree(id: number, current: PageDef, depth: number): string {
  const kids = childrenOf(id).filter((p) => !p.restricted);
  if (!kids.length) return '';
  const open = new Set([current.id, ...ancestorsOf(current).map((a) => a.id)]);
  return `<div role="group">${kids.map((k) => `<div role="treeitem" aria-level="${depth}" aria-expanded="${open.has(k.id)}" data-testid="page-tree-item-${k.id}"${k.id === current.id ? ' aria-current="page"' : ''}><a href="${pagePath('cloud', k)}" data-testid="page-tree-item-link">${esc(k.title)}</a>${open.has(k.id) ? tree(k.id, current, depth + 1) : ''}</div>`).join('')}</div>`;
}

/** The full Cloud page HTML for `page`. */
export function cloudPage(page: PageDef, sites: Sites): string {
  const user = USERS[REMOTE_USER];
  const author = USERS[page.author];
  const home = pageById(SPACE.homePageId);
  const crumbs = ancestorsOf(page)
    .map(
      (a) =>
        `<li data-testid="breadcrumbs-item"><a href="${pagePath('cloud', a)}">${esc(a.title)}</a></li>`,
    )
    .join('');
  const labels = (page.labels ?? [])
    .map(
      (l) =>
        `<li><a href="/wiki/label/${SPACE.key}/${esc(l)}" data-testid="label-${esc(l)}">${esc(l)}</a></li>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>${esc(page.title)} - ${esc(SPACE.name)} - Confluence</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/wiki/favicon.ico">
<link rel="canonical" href="${sites.cloudOrigin}${pagePath('cloud', page)}">
<style>[data-node-type="expand"][data-expanded="false"] > div, [data-node-type="nestedExpand"][data-expanded="false"] > div { display: none; }</style>
</head>
<body>
<div id="jira-frontend"><div id="AkBanner"></div>
<div data-testid="grid-topNav"><header data-testid="app-navigation" role="banner"><nav aria-label="Primary"><a href="/wiki/home" aria-label="Confluence">Confluence</a><a href="/wiki/spaces">Spaces</a><button type="button" data-testid="create-button">+ Create</button><input type="search" placeholder="Search" aria-label="Search"><button type="button" data-testid="profile-button" aria-label="${esc(user.displayName)}">${esc(user.displayName)}</button></nav></header></div>
<div id="main" data-testid="grid-main">
<nav aria-label="Space navigation" data-testid="space-navigation"><div data-testid="space-header"><a href="/wiki/spaces/${SPACE.key}/overview">${esc(SPACE.name)}</a></div><div role="tree" aria-label="Page tree" data-testid="page-tree"><div role="treeitem" aria-level="1" aria-expanded="true"><a href="${home ? pagePath('cloud', home) : '#'}">${esc(home?.title ?? '')}</a>${tree(SPACE.homePageId, page, 2)}</div></div></nav>
<div data-testid="page-view-container" id="content">
<div data-testid="object-header"><nav aria-label="Breadcrumbs" data-testid="breadcrumbs"><ol><li data-testid="breadcrumbs-item"><a href="/wiki/spaces/${SPACE.key}">${esc(SPACE.name)}</a></li>${crumbs}</ol></nav>
<div data-testid="page-actions"><button type="button" aria-label="Edit">Edit</button><button type="button" aria-label="Share">Share</button><button type="button" aria-label="More actions">•••</button></div></div>
<div data-testid="title-wrapper"><h1 id="heading-title-text" data-testid="title-text" data-test-id="title-text">${esc(page.title)}</h1></div>
<div data-testid="page-byline" class="page-byline">By <a href="/wiki/people/${author.accountId}" data-testid="byline-author">${esc(author.displayName)}</a> <span data-testid="byline-last-updated">Last updated: ${formatDate(page.updated, 'mdy')}</span> <span>• ${2 + (page.id % 7)} min read</span></div>
<div id="content-body" data-testid="page-content-only" data-page-id="${page.id}">
${renderCloud({ flavour: 'cloud', sites, page })}
</div>
<div data-testid="labels-section"><h2>Labels</h2><ul>${labels}</ul></div>
<div data-testid="reactions-container"><button type="button" aria-label="Add reaction">🙂</button></div>
<section data-testid="comments-section" aria-label="Comments"><h2>${page.id % 2 ? '1 comment' : 'Comments'}</h2>${page.id % 2 ? `<div data-testid="comment-container" id="comment-${page.id}01"><span data-testid="comment-author">Bram Okafor</span><div class="ak-renderer-wrapper"><div class="ak-renderer-document"><p>Thanks, this is really useful. Could we add an example?</p></div></div></div>` : ''}<div data-testid="comment-editor-placeholder">Add a comment…</div></section>
</div></div></div>
<script>document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('[data-node-type$="xpand"] > button');if(b){var n=b.parentElement;var x=n.getAttribute('data-expanded')==='true';n.setAttribute('data-expanded',String(!x));b.setAttribute('aria-expanded',String(!x));}});</script>
</body></html>`;
}
