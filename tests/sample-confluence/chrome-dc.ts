// The Confluence Data Center 7/8 page around the content: <meta name="ajs-…"> tags, AUI header,
// space sidebar with the page tree, breadcrumbs, byline, labels, comments and footer. Modelled
// on a saved DC 7.18.1 page (../shared/confluence-samples/view/whitebite_ibox_saved_page_server.html).
import type { PageDef } from './content/dsl.ts';
import { ancestorsOf, childrenOf, pageById } from './content/registry.ts';
import { REMOTE_USER, SPACE, USERS } from './content/space.ts';
import { renderView } from './render-view.ts';
import { esc, formatDate, pagePath, type Sites } from './urls.ts';

function tree(id: number, current: PageDef): string {
  const kids = childrenOf(id).filter((p) => !p.restricted);
  if (!kids.length) return '';
  return `<ul class="plugin_pagetree_children_list">${kids.map((k) => `<li><div class="plugin_pagetree_children_content"><span class="plugin_pagetree_children_span${k.id === current.id ? ' plugin_pagetree_current' : ''}" id="childrenspan${k.id}-0"><a href="${pagePath('dc', k)}">${esc(k.title)}</a></span></div>${ancestorsOf(current).some((a) => a.id === k.id) || k.id === current.id ? `<div class="plugin_pagetree_children_container">${tree(k.id, current)}</div>` : ''}</li>`).join('')}</ul>`;
}

/** The full DC page HTML for `page`. */
export function dcPage(page: PageDef, sites: Sites): string {
  const base = sites.dcOrigin;
  const user = USERS[REMOTE_USER];
  const author = USERS[page.author];
  const parent = page.parent === undefined ? undefined : pageById(page.parent);
  const home = pageById(SPACE.homePageId);
  const meta: [string, string][] = [
    ['ajs-page-title', page.title],
    ['ajs-latest-published-page-title', page.title],
    ['ajs-space-name', SPACE.name],
    ['ajs-page-id', String(page.id)],
    ['ajs-latest-page-id', String(page.id)],
    ['ajs-content-type', page.type ?? 'page'],
    ['ajs-parent-page-title', parent?.title ?? ''],
    ['ajs-parent-page-id', parent ? String(parent.id) : ''],
    ['ajs-space-key', SPACE.key],
    ['ajs-context-path', ''],
    ['ajs-base-url', base],
    ['ajs-version-number', '8.5.4'],
    ['ajs-build-number', '9012'],
    ['ajs-remote-user', user.key],
    ['ajs-remote-user-key', user.userKey],
    ['ajs-current-user-fullname', user.displayName],
    ['ajs-user-display-name', user.displayName],
    ['ajs-static-resource-url-prefix', '/s/en_GB/9012/abc/_'],
    ['ajs-user-locale', 'en_GB'],
    ['ajs-date.format', 'MMM dd, yyyy'],
    ['ajs-site-title', 'Confluence'],
    ['wikilink', `[${SPACE.key}:${page.title}]`],
    ['page-version', String(page.version)],
    ['ajs-page-version', String(page.version)],
    ['ajs-content-id', String(page.id)],
    ['ajs-attachment-source-content-id', String(page.id)],
    ['ajs-edit-mode', 'collaborative'],
    ['ajs-draft-type', page.type ?? 'page'],
  ];
  const crumbs = [...ancestorsOf(page)]
    .map((a) => `<li><span><a href="${pagePath('dc', a)}">${esc(a.title)}</a></span></li>`)
    .join('');
  const labels = (page.labels ?? [])
    .map(
      (l) =>
        `<li class="aui-label" data-label-id="${l.length}"><a class="aui-label-split-main" href="/label/${SPACE.key}/${esc(l)}" rel="tag">${esc(l)}</a></li>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>${esc(page.title)} - ${esc(SPACE.name)} - Confluence</title>
<meta http-equiv="X-UA-Compatible" content="IE=EDGE,chrome=IE7">
<meta id="confluence-context-path" name="confluence-context-path" content="">
<meta id="confluence-base-url" name="confluence-base-url" content="${base}">
<meta id="atlassian-token" name="atlassian-token" content="5f1c0a7d3b9e4c2a8d6f0e1b2c3d4e5f6a7b8c9d">
<meta id="confluence-space-key" name="confluence-space-key" content="${SPACE.key}">
${meta.map(([n, v]) => `<meta name="${n}" content="${esc(v)}">`).join('\n')}
<link rel="shortcut icon" href="/s/en_GB/9012/abc/_/favicon.ico">
<link rel="canonical" href="${base}${pagePath('dc', page)}">
<script>window.WRM=window.WRM||{};WRM._unparsedData=WRM._unparsedData||{};WRM._unparsedData["com.atlassian.confluence.plugins.confluence-license-banner:confluence-license-banner-resources.license-details"]="{\\"daysBeforeLicenseExpiry\\":0}";</script>
<style>.expand-hidden{display:none}.aui-lozenge{text-transform:uppercase}</style>
</head>
<body id="com-atlassian-confluence" class="theme-default aui-layout aui-theme-default" data-aui-version="9.8.2">
<div id="page"><div id="full-height-container">
<header id="header" role="banner">
<a class="aui-skip-link" href="${base}/pages/viewpage.action?pageId=${page.id}#main">Skip to main content</a>
<nav class="aui-header aui-dropdown2-trigger-group" aria-label="Site"><div class="aui-header-inner"><div class="aui-header-primary"><span id="logo" class="aui-header-logo aui-header-logo-confluence"><a href="${base}/" aria-label="Go to home page"><span class="aui-header-logo-device">Confluence</span></a></span>
<ul class="aui-nav"><li><a id="space-menu-link" class="aui-nav-link" href="#">Spaces</a></li><li><a id="people-directory-link" href="${base}/browsepeople.action" class="aui-nav-imagelink">People</a></li><li class="aui-buttons"><a id="quick-create-page-button" class="aui-button aui-button-primary" href="${base}/pages/createpage.action?spaceKey=${SPACE.key}&amp;fromPageId=${page.id}">Create</a></li></ul></div>
<div class="aui-header-secondary"><ul class="aui-nav"><li><div id="search-ui" class="aui-quicksearch"><input id="quick-search-query" aria-label="Search" placeholder="Search" type="text"></div></li>
<li><a id="user-menu-link" class="aui-dropdown2-trigger" data-username="${user.key}" href="#" title="${esc(user.displayName)}"><span class="aui-avatar aui-avatar-small"><span class="aui-avatar-inner"><img alt="User icon: ${user.key}" src="${base}/images/icons/profilepics/default.svg"></span></span></a></li></ul></div></div></nav>
</header>
<div class="ia-splitter"><div class="ia-splitter-left"><div class="ia-fixed-sidebar" role="complementary" aria-label="sidebar">
<div class="acs-side-bar ia-scrollable-section"><div class="acs-side-bar-space-info"><div class="name"><a href="${home ? pagePath('dc', home) : '/'}" title="${esc(SPACE.name)}">${esc(SPACE.name)}</a></div></div>
<div class="acs-nav-wrapper"><div class="acs-nav-sections"><div class="ia-secondary-header"><h5 class="ia-secondary-header-title">Page tree</h5></div>
<div class="ia-secondary-content"><div class="plugin_pagetree"><ul class="plugin_pagetree_children_list plugin_pagetree_children_list_noleftspace"><li><a href="${home ? pagePath('dc', home) : '/'}">${esc(home?.title ?? '')}</a>${tree(SPACE.homePageId, page)}</li></ul></div></div></div></div>
</div></div></div>
<div class="ia-splitter-right"><main role="main" id="main" class="aui-page-panel">
<div id="main-header"><div id="navigation" class="content-navigation view" role="region" aria-label="Page tools"><ul class="ajs-menu-bar">
<li class="ajs-button normal"><a id="editPageLink" href="${base}/pages/editpage.action?pageId=${page.id}" rel="nofollow" class="aui-button aui-button-subtle edit" accesskey="e"><span><span class="aui-icon aui-icon-small aui-iconfont-edit"></span> <u>E</u>dit</span></a></li>
<li class="ajs-button normal"><a id="page-favourite" href="#" class="aui-button aui-button-subtle action-page-favourite"><span>Save for later</span></a></li>
<li class="ajs-button normal"><a id="watch-content-button" href="#" class="aui-button aui-button-subtle watch-menu"><span>Watch</span></a></li>
<li class="ajs-button normal"><a id="shareContentLink" href="#" class="aui-button aui-button-subtle share"><span>Share</span></a></li>
<li class="normal ajs-menu-item"><a id="action-menu-link" class="action aui-dropdown2-trigger-arrowless aui-button aui-button-subtle" href="#"><span>More</span></a><div id="action-menu" class="aui-dropdown2 aui-style-default"><ul><li><a id="action-export-pdf-link" href="${base}/spaces/flyingpdf/pdfpageexport.action?pageId=${page.id}">Export to PDF</a></li><li><a id="action-export-word-link" href="${base}/exportword?pageId=${page.id}">Export to Word</a></li></ul></div></li></ul></div>
<div id="title-heading" class="pagetitle with-breadcrumbs">
<div id="breadcrumb-section"><nav aria-label="Breadcrumbs"><ol id="breadcrumbs"><li class="first"><span><a href="${base}/collector/pages.action?key=${SPACE.key}">Pages</a></span></li>${crumbs}</ol></nav></div>
<h1 id="title-text" class="with-breadcrumbs"><a href="${base}/pages/viewpage.action?pageId=${page.id}">${esc(page.title)}</a></h1>
</div></div>
<div id="content" class="page view">
<div id="action-messages"></div>
<div class="page-metadata"><ul><li class="page-metadata-modification-info">Created by <span class="author"><a href="${base}/display/~${author.key}" class="url fn confluence-userlink" data-username="${author.key}">${esc(author.displayName)}</a></span>, last modified on <a class="last-modified" title="Show changes" href="${base}/pages/diffpagesbyversion.action?pageId=${page.id}&amp;selectedPageVersions=${page.version}&amp;selectedPageVersions=${page.version - 1}">${formatDate(page.updated, 'mdy')}</a></li></ul></div>
<div id="main-content" class="wiki-content">
${renderView({ flavour: 'dc', sites, page })}
</div>
<div id="likes-and-labels-container"><div id="likes-section"><a href="#" class="like-button"><span class="aui-icon aui-icon-small aui-iconfont-like"></span><span>Like</span></a><span class="like-summary">Be the first to like this</span></div>
<div id="labels-section" class="pageSection group"><div class="labels-section-content content-column" entityid="${page.id}" entitytype="page"><div class="labels-content"><ul class="label-list${labels ? '' : ' label-list-empty'}">${labels || '<li class="no-labels-message">No labels</li>'}</ul></div></div></div></div>
<div id="comments-section" class="pageSection group"><div class="section-header"><h2 id="comments-section-title" class="section-title">${page.id % 2 ? '1 Comment' : 'Comments'}</h2></div>
${page.id % 2 ? `<ol class="comment-threads top-level" id="page-comments"><li id="comment-thread-${page.id}01" class="comment-thread"><div class="comment" id="comment-${page.id}01"><div class="comment-header"><h4 class="author"><a href="${base}/display/~bokafor" class="url fn confluence-userlink" data-username="bokafor">Bram Okafor</a></h4></div><div class="comment-body"><div class="comment-content wiki-content"><p>Thanks, this is really useful. Could we add an example?</p></div></div></div></li></ol>` : ''}
<div class="bottom-comment-panels comment-panels"><div class="quick-comment-container comment add"><div class="quick-comment-body"><form class="quick-comment-form aui" method="post" name="inlinecommentform" action="${base}/pages/doaddcomment.action?pageId=${page.id}"><div class="quick-comment-prompt"><span>Write a comment…</span></div></form></div></div></div></div>
</div>
</main>
<div id="footer" role="contentinfo"><section class="footer-body"><ul id="poweredby"><li class="noprint">Powered by <a href="https://www.atlassian.com/software/confluence" class="hover-footer-link" rel="nofollow">Atlassian Confluence</a> <span id="footer-build-information">8.5.4</span></li><li class="print-only">Printed by Atlassian Confluence 8.5.4</li><li class="noprint"><a href="https://support.atlassian.com/help/confluence" class="hover-footer-link" rel="nofollow">Report a bug</a></li></ul><div id="footer-logo"><a href="https://www.atlassian.com/" rel="nofollow">Atlassian</a></div></section></div>
</div></div>
</div></div>
<script>document.querySelectorAll('.expand-control').forEach(function(c){c.addEventListener('click',function(){c.nextElementSibling.classList.toggle('expand-hidden')})});</script>
</body></html>`;
}
