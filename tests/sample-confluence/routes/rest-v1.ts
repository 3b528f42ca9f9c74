// REST API v1 (`/rest/api/...` on DC, `/wiki/rest/api/...` on Cloud) in Atlassian's documented
// shapes: content with expansions, child pages with start/limit and `_links.next`, attachments,
// descendants (501 on Data Center), a tiny CQL search (ancestor=/parent=).
import { sendJson, type Ctx } from '../app.ts';
import type { PageDef } from '../content/dsl.ts';
import {
  ancestorsOf,
  childrenOf,
  descendantsOf,
  pageById,
  PAGES,
  positionOf,
} from '../content/registry.ts';
import { SPACE, USERS } from '../content/space.ts';
import { getFile } from '../images/library.ts';
import { renderView } from '../render-view.ts';
import { attachmentId, attachmentPath, baseUrl, pagePath, type Flavour } from '../urls.ts';
import { userV1 } from './rest-users.ts';
import { uploadV1, uploadsOf } from './uploads.ts';

const flavourOf = (ctx: Ctx): Flavour => (ctx.site === 'cloud' ? 'cloud' : 'dc');
const webPath = (f: Flavour, p: PageDef): string => pagePath(f, p).replace(/^\/wiki/, '');
const tinyui = (p: PageDef): string => `/x/${Buffer.from(String(p.id)).toString('base64url')}`;

function error(ctx: Ctx, status: number, message: string): void {
  const reason =
    { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 501: 'Not Implemented' }[status] ??
    'Error';
  sendJson(ctx.res, status, {
    statusCode: status,
    data: { authorized: status !== 403, valid: true, errors: [], successful: false },
    message,
    reason,
  });
}

function spaceV1(ctx: Ctx): Record<string, unknown> {
  const base = baseUrl(ctx.app.sites, flavourOf(ctx));
  return {
    id: SPACE.id,
    key: SPACE.key,
    name: SPACE.name,
    type: 'global',
    status: 'current',
    _expandable: {
      settings: '',
      metadata: '',
      operations: '',
      lookAndFeel: '',
      identifiers: '',
      permissions: '',
      icon: '',
      description: '',
      theme: '',
      history: '',
      homepage: `/rest/api/content/${SPACE.homePageId}`,
    },
    _links: {
      webui: flavourOf(ctx) === 'dc' ? `/display/${SPACE.key}` : `/spaces/${SPACE.key}`,
      self: `${base}/rest/api/space/${SPACE.key}`,
    },
  };
}

function expands(ctx: Ctx): Set<string> {
  return new Set(
    (ctx.url.searchParams.get('expand') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** A v1 content object with the requested expansions. */
export function contentV1(ctx: Ctx, p: PageDef, ex: Set<string>): Record<string, unknown> {
  const f = flavourOf(ctx);
  const base = baseUrl(ctx.app.sites, f);
  const self = `${base}/rest/api/content/${p.id}`;
  const out: Record<string, unknown> = {
    id: String(p.id),
    type: p.type ?? 'page',
    status: 'current',
    title: p.title,
  };
  const expandable: Record<string, string> = {
    childTypes: '',
    container: `/rest/api/space/${SPACE.key}`,
    metadata: '',
    operations: '',
    schedulePublishDate: '',
    children: `/rest/api/content/${p.id}/child`,
    restrictions: `/rest/api/content/${p.id}/restriction/byOperation`,
    schedulePublishInfo: '',
    descendants: `/rest/api/content/${p.id}/descendant`,
  };
  const version = (): Record<string, unknown> => ({
    by: userV1(f, p.author, base),
    when: p.updated,
    message: '',
    number: p.version,
    minorEdit: false,
    ...(f === 'cloud'
      ? {
          friendlyWhen: p.updated.slice(0, 10),
          confRev: `confluence$content$${p.id}.${p.version}`,
          contentTypeModified: false,
        }
      : { hidden: false }),
    _expandable: { collaborators: '', content: `/rest/api/content/${p.id}` },
    _links: { self: `${self}/version/${p.version}` },
  });
  if (ex.has('space')) out.space = spaceV1(ctx);
  else expandable.space = `/rest/api/space/${SPACE.key}`;
  if (ex.has('history') || ex.has('history.lastUpdated'))
    out.history = {
      latest: true,
      createdBy: userV1(f, p.author, base),
      createdDate: '2023-01-10T09:00:00.000Z',
      ...(ex.has('history.lastUpdated') ? { lastUpdated: version() } : {}),
      _expandable: { lastUpdated: '', previousVersion: '', contributors: '', nextVersion: '' },
      _links: { self: `${self}/history` },
    };
  else expandable.history = `/rest/api/content/${p.id}/history`;
  if (ex.has('version')) out.version = version();
  else expandable.version = '';
  if (ex.has('ancestors'))
    out.ancestors = ancestorsOf(p).map((a) => ({
      id: String(a.id),
      type: 'page',
      status: 'current',
      title: a.title,
      _expandable: {
        container: `/rest/api/space/${SPACE.key}`,
        history: `/rest/api/content/${a.id}/history`,
        version: '',
        space: `/rest/api/space/${SPACE.key}`,
        ancestors: '',
        children: `/rest/api/content/${a.id}/child`,
        body: '',
      },
      _links: { webui: webPath(f, a), self: `${base}/rest/api/content/${a.id}`, tinyui: tinyui(a) },
    }));
  else expandable.ancestors = '';
  const bodies: Record<string, unknown> = {};
  for (const rep of ['export_view', 'view', 'styled_view', 'anonymous_export_view'])
    if (ex.has(`body.${rep}`))
      bodies[rep] = {
        value: renderView({ flavour: f, sites: ctx.app.sites, page: p }),
        representation: rep === 'anonymous_export_view' ? 'export_view' : rep,
        _expandable: {
          webresource: '',
          embeddedContent: '',
          mediaToken: '',
          content: `/rest/api/content/${p.id}`,
        },
      };
  if (Object.keys(bodies).length)
    out.body = {
      ...bodies,
      _expandable: { editor: '', atlas_doc_format: '', dynamic: '', storage: '', editor2: '' },
    };
  else expandable.body = '';
  out.extensions = { position: positionOf(p) };
  out._expandable = expandable;
  out._links = {
    webui: webPath(f, p),
    edit: `/pages/resumedraft.action?draftId=${p.id}`,
    tinyui: tinyui(p),
    collection: '/rest/api/content',
    base,
    context: f === 'dc' ? '' : '/wiki',
    self,
  };
  return out;
}

/** Looks a page up, answering 404/403 itself when it cannot be served. */
function findPage(ctx: Ctx, id: string | undefined): PageDef | undefined {
  const p = id && /^\d+$/.test(id) ? pageById(Number(id)) : undefined;
  if (!p) {
    error(ctx, 404, `No content found with id: ContentId{id=${id ?? ''}}`);
    return undefined;
  }
  if (p.restricted) {
    error(ctx, 403, `User not permitted to view content with id: ContentId{id=${p.id}}`);
    return undefined;
  }
  return p;
}

function int(v: string | null, dflt: number): number {
  const n = v === null ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : dflt;
}

/** start/limit pagination with `_links.next` relative to `_links.base`, as v1 does. */
function paginate(
  ctx: Ctx,
  items: PageDef[],
  path: string,
  ex: Set<string>,
  map: (p: PageDef) => unknown,
): void {
  const f = flavourOf(ctx);
  const base = baseUrl(ctx.app.sites, f);
  // Confluence caps page size: 25 with bodies expanded, otherwise 200 (DC) / 250 (Cloud).
  const bodyCap = Array.from(ex).some((e) => e.startsWith('body.'));
  const cap = bodyCap ? 25 : f === 'dc' ? 200 : 250;
  const start = int(ctx.url.searchParams.get('start'), 0);
  const limit = Math.max(1, Math.min(int(ctx.url.searchParams.get('limit'), 25), cap));
  const slice = items.slice(start, start + limit);
  const q = (s: number): string => {
    const sp = new URLSearchParams();
    ctx.url.searchParams.forEach((v, k) => {
      if (k !== 'start' && k !== 'limit') sp.set(k, v);
    });
    sp.set('limit', String(limit));
    sp.set('start', String(s));
    return `${path}?${sp.toString()}`;
  };
  const links: Record<string, string> = {
    base,
    context: f === 'dc' ? '' : '/wiki',
    self: `${base}${path}`,
  };
  if (start + limit < items.length) links.next = q(start + limit);
  if (start > 0) links.prev = q(Math.max(0, start - limit));
  sendJson(ctx.res, 200, {
    results: slice.map(map),
    start,
    limit,
    size: slice.length,
    _links: links,
  });
}

// Restricted pages stay listed (as if permissions changed after listing): fetching them is 403.
const visible = (ps: PageDef[]): PageDef[] => ps;

export function getContent(ctx: Ctx): void {
  const p = findPage(ctx, ctx.params[0]);
  if (p) sendJson(ctx.res, 200, contentV1(ctx, p, expands(ctx)));
}

export function getChildPages(ctx: Ctx): void {
  const p = findPage(ctx, ctx.params[0]);
  if (!p) return;
  const ex = expands(ctx);
  paginate(ctx, visible(childrenOf(p.id)), `/rest/api/content/${p.id}/child/page`, ex, (c) =>
    contentV1(ctx, c, ex),
  );
}

export function getDescendantPages(ctx: Ctx): void {
  // Data Center answers 501 here (direct children only); Cloud lists all descendants.
  if (ctx.site === 'dc')
    return error(
      ctx,
      501,
      'Descendant page listing is not supported. Use child/page or CQL ancestor=',
    );
  const p = findPage(ctx, ctx.params[0]);
  if (!p) return;
  const ex = expands(ctx);
  paginate(ctx, descendantsOf(p.id), `/rest/api/content/${p.id}/descendant/page`, ex, (c) =>
    contentV1(ctx, c, ex),
  );
}

export function getChildAttachments(ctx: Ctx): void {
  const p = findPage(ctx, ctx.params[0]);
  if (!p) return;
  const f = flavourOf(ctx);
  const base = baseUrl(ctx.app.sites, f);
  // Attachments of the page definition, then those uploaded since start (Save to Confluence);
  // `filename` narrows to one name, as Confluence's `?filename=` does.
  const filename = ctx.url.searchParams.get('filename');
  const uploads = uploadsOf(ctx, p.id);
  const files = [...(p.attachments ?? []), ...uploads].filter(
    (a) => filename === null || (typeof a === 'string' ? a : a.name) === filename,
  );
  const withVersion = expands(ctx).has('version');
  const start = int(ctx.url.searchParams.get('start'), 0);
  const limit = Math.max(1, Math.min(int(ctx.url.searchParams.get('limit'), 50), 200));
  const slice = files.slice(start, start + limit);
  const links: Record<string, string> = {
    base,
    context: f === 'dc' ? '' : '/wiki',
    self: `${base}/rest/api/content/${p.id}/child/attachment`,
  };
  if (start + limit < files.length)
    links.next = `/rest/api/content/${p.id}/child/attachment?limit=${limit}&start=${start + limit}`;
  sendJson(ctx.res, 200, {
    results: slice.map((name) => {
      if (typeof name !== 'string') {
        const { version, ...rest } = uploadV1(ctx, name, p);
        return withVersion ? { ...rest, version } : rest;
      }
      const file = getFile(name);
      const id = attachmentId(p, name);
      return {
        id: `att${id}`,
        type: 'attachment',
        status: 'current',
        title: name,
        ...(withVersion ? { version: { number: 1, minorEdit: false } } : {}),
        metadata: {
          mediaType: file?.mime ?? 'application/octet-stream',
          comment: '',
          _expandable: { currentuser: '', properties: '', frontend: '', editorHtml: '' },
        },
        extensions: {
          mediaType: file?.mime ?? 'application/octet-stream',
          fileSize: file?.bytes.length ?? 0,
          comment: '',
        },
        _expandable: {
          container: `/rest/api/content/${p.id}`,
          operations: '',
          children: '',
          history: '',
          restrictions: '',
          ancestors: '',
          body: '',
          version: '',
          descendants: '',
          space: '',
        },
        _links: {
          webui: `/pages/viewpageattachments.action?pageId=${p.id}&preview=%2F${p.id}%2F${id}%2F${encodeURIComponent(name)}`,
          download: attachmentPath(f, p.id, name).replace(/^\/wiki/, ''),
          thumbnail: `/download/thumbnails/${p.id}/${encodeURIComponent(name)}?api=v2`,
          self: `${base}/rest/api/content/att${id}`,
        },
      };
    }),
    start,
    limit,
    size: slice.length,
    _links: links,
  });
}

/**
 * `GET /rest/api/user`: Cloud looks a user up by `accountId`; Data Center by `key` or `username`.
 */
export function getUser(ctx: Ctx): void {
  const f = flavourOf(ctx);
  const q = ctx.url.searchParams;
  const user = Object.values(USERS).find((u) =>
    f === 'cloud'
      ? u.accountId === q.get('accountId')
      : u.userKey === q.get('key') || u.key === q.get('username'),
  );
  if (!user) return error(ctx, 404, 'No user found with the given identifier');
  sendJson(ctx.res, 200, userV1(f, user.key, baseUrl(ctx.app.sites, f)));
}

export function getSpace(ctx: Ctx): void {
  if (ctx.params[0] !== SPACE.key)
    return error(ctx, 404, `No space with key : ${ctx.params[0] ?? ''}`);
  const s = spaceV1(ctx);
  if (expands(ctx).has('homepage'))
    s.homepage = {
      id: String(SPACE.homePageId),
      type: 'page',
      status: 'current',
      title: pageById(SPACE.homePageId)?.title ?? '',
    };
  sendJson(ctx.res, 200, s);
}

/** `GET /rest/api/content?spaceKey=&title=` and `/rest/api/content/search?cql=` (ancestor=N, parent=N, space=KEY). */
export function listContent(ctx: Ctx): void {
  const ex = expands(ctx);
  const cql = ctx.url.searchParams.get('cql');
  let items: PageDef[];
  if (cql !== null) {
    const anc = /ancestor\s*=\s*"?(\d+)/.exec(cql);
    const par = /parent\s*=\s*"?(\d+)/.exec(cql);
    if (anc?.[1]) items = descendantsOf(Number(anc[1]));
    else if (par?.[1]) items = childrenOf(Number(par[1]));
    else if (/space\s*=\s*"?DOC/i.test(cql)) items = PAGES;
    else return error(ctx, 400, `Could not parse cql : ${cql}`);
    items = items.filter((p) => !p.restricted);
  } else {
    const title = ctx.url.searchParams.get('title');
    const key = ctx.url.searchParams.get('spaceKey');
    items = PAGES.filter(
      (p) =>
        !p.restricted &&
        (key === null || key === SPACE.key) &&
        (title === null || p.title === title),
    );
  }
  paginate(ctx, items, ctx.url.pathname.replace(/^\/wiki/, ''), ex, (c) => contentV1(ctx, c, ex));
}
