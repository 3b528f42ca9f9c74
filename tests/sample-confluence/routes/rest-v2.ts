// Cloud REST API v2 (`/wiki/api/v2/...`): single page with `body-format`, children and
// direct-children with cursor pagination (`_links.next` and a `Link` header), descendants,
// ancestors, attachments, spaces. Error bodies use v2's `{ errors: [...] }` shape.
import { sendJson, type Ctx } from '../app.ts';
import type { PageDef } from '../content/dsl.ts';
import {
  ancestorsOf,
  childrenOf,
  descendantsOf,
  pageById,
  positionOf,
} from '../content/registry.ts';
import { SPACE, USERS } from '../content/space.ts';
import { getFile } from '../images/library.ts';
import { renderView } from '../render-view.ts';
import { attachmentId, attachmentPath, baseUrl, mediaFileId, pagePath } from '../urls.ts';

const CODES: Record<number, string> = {
  400: 'INVALID_REQUEST_PARAMETER',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  501: 'NOT_IMPLEMENTED',
};
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  501: 'Not Implemented',
};

function error(ctx: Ctx, status: number, detail: string | null = null): void {
  sendJson(ctx.res, status, {
    errors: [{ status, code: CODES[status] ?? 'ERROR', title: TITLES[status] ?? 'Error', detail }],
  });
}

function findPage(ctx: Ctx, id: string | undefined): PageDef | undefined {
  const p = id && /^\d+$/.test(id) ? pageById(Number(id)) : undefined;
  // v2 `/pages/{id}` knows pages only: a blog post id answers 404 there (it is `/blogposts/{id}`).
  if (!p || p.type === 'blogpost') return void error(ctx, 404);
  if (p.restricted) return void error(ctx, 403, 'You do not have permission to view this content.');
  return p;
}

/** Formats a single page may be fetched in; only the view family is implemented here. */
const VIEW_FORMATS = new Set(['view', 'export_view', 'anonymous_export_view', 'styled_view']);
const KNOWN_FORMATS = new Set([...Array.from(VIEW_FORMATS), 'storage', 'atlas_doc_format']);

function pageV2(ctx: Ctx, p: PageDef, format: string | null): Record<string, unknown> {
  const base = baseUrl(ctx.app.sites, 'cloud');
  const author = USERS[p.author].accountId;
  const body: Record<string, unknown> = {};
  if (format && VIEW_FORMATS.has(format))
    body[format] = {
      representation: format,
      value: renderView({ flavour: 'cloud', sites: ctx.app.sites, page: p }),
    };
  return {
    // Null for a space's root page, as the v2 document's description says (its schema forgets
    // `nullable`: see DOC_EXCEPTIONS in tests/unit/rest-openapi.test.ts).
    parentId: p.parent === undefined ? null : String(p.parent),
    parentType: p.parent === undefined ? null : 'page',
    lastOwnerId: null,
    ownerId: author,
    createdAt: '2023-01-10T09:00:00.000Z',
    authorId: author,
    version: {
      number: p.version,
      message: '',
      minorEdit: false,
      authorId: author,
      createdAt: p.updated,
    },
    position: positionOf(p),
    spaceId: String(SPACE.id),
    body,
    status: 'current',
    title: p.title,
    id: String(p.id),
    _links: {
      editui: `/pages/resumedraft.action?draftId=${p.id}`,
      webui: pagePath('cloud', p).replace(/^\/wiki/, ''),
      edituiv2: `/spaces/${SPACE.key}/pages/edit-v2/${p.id}`,
      tinyui: `/x/${Buffer.from(String(p.id)).toString('base64url')}`,
      base,
    },
  };
}

export function getPage(ctx: Ctx): void {
  const format = ctx.url.searchParams.get('body-format');
  if (format !== null && !KNOWN_FORMATS.has(format))
    return error(ctx, 400, `Invalid body-format: ${format}`);
  if (format !== null && !VIEW_FORMATS.has(format))
    return error(
      ctx,
      501,
      `sample-confluence: body-format=${format} is not implemented; use export_view`,
    );
  const p = findPage(ctx, ctx.params[0]);
  if (p) sendJson(ctx.res, 200, pageV2(ctx, p, format));
}

const encodeCursor = (offset: number): string =>
  Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
function decodeCursor(c: string | null): number | undefined {
  if (c === null) return 0;
  try {
    const o: unknown = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    return typeof o === 'object' && o !== null && 'o' in o && typeof o.o === 'number'
      ? o.o
      : undefined;
  } catch {
    return undefined;
  }
}

/** Cursor pagination: `_links.next` (path with /wiki) and the same URL in a `Link` header. */
function cursorPage<T>(ctx: Ctx, items: T[], map: (x: T) => unknown, maxLimit = 250): void {
  const offset = decodeCursor(ctx.url.searchParams.get('cursor'));
  if (offset === undefined) return error(ctx, 400, 'Invalid cursor');
  const raw = Number(ctx.url.searchParams.get('limit') ?? 25);
  const limit = Number.isInteger(raw) && raw > 0 ? Math.min(raw, maxLimit) : 25;
  const slice = items.slice(offset, offset + limit);
  const base = baseUrl(ctx.app.sites, 'cloud');
  const links: Record<string, string> = { base };
  const headers: Record<string, string> = {};
  if (offset + limit < items.length) {
    const sp = new URLSearchParams();
    ctx.url.searchParams.forEach((v, k) => {
      if (k !== 'cursor' && k !== 'limit') sp.set(k, v);
    });
    sp.set('limit', String(limit));
    sp.set('cursor', encodeCursor(offset + limit));
    links.next = `${ctx.url.pathname}?${sp.toString()}`;
    headers.Link = `<${links.next}>; rel="next", <${base}>; rel="base"`;
  }
  sendJson(ctx.res, 200, { results: slice.map(map), _links: links }, headers);
}

const childPage = (p: PageDef, n: number): Record<string, unknown> => ({
  id: String(p.id),
  status: 'current',
  title: p.title,
  spaceId: String(SPACE.id),
  childPosition: n,
});

export function getChildren(ctx: Ctx): void {
  const p = findPage(ctx, ctx.params[0]);
  if (p)
    cursorPage(
      ctx,
      childrenOf(p.id).map((c, n) => [c, n] as const),
      ([c, n]) => childPage(c, n),
    );
}

export function getDirectChildren(ctx: Ctx): void {
  const p = findPage(ctx, ctx.params[0]);
  if (p)
    cursorPage(
      ctx,
      childrenOf(p.id).map((c, n) => [c, n] as const),
      ([c, n]) => ({ ...childPage(c, n), type: 'page' }),
    );
}

export function getDescendants(ctx: Ctx): void {
  const p = findPage(ctx, ctx.params[0]);
  if (!p) return;
  const depthOf = (d: PageDef): number => ancestorsOf(d).length - ancestorsOf(p).length;
  const max = Number(ctx.url.searchParams.get('depth') ?? 5);
  const items = descendantsOf(p.id).filter((d) => depthOf(d) <= max);
  cursorPage(ctx, items, (d) => ({
    id: String(d.id),
    status: 'current',
    title: d.title,
    type: 'page',
    parentId: String(d.parent),
    depth: depthOf(d),
    childPosition: childrenOf(d.parent ?? 0).indexOf(d),
  }));
}

export function getAncestors(ctx: Ctx): void {
  const p = findPage(ctx, ctx.params[0]);
  if (p)
    sendJson(ctx.res, 200, {
      results: ancestorsOf(p).map((a) => ({ id: String(a.id), type: 'page' })),
      _links: { base: baseUrl(ctx.app.sites, 'cloud') },
    });
}

export function getAttachments(ctx: Ctx): void {
  const p = findPage(ctx, ctx.params[0]);
  if (!p) return;
  cursorPage(
    ctx,
    p.attachments ?? [],
    (name) => {
      const f = getFile(name);
      const id = attachmentId(p, name);
      const dl = attachmentPath('cloud', p.id, name).replace(/^\/wiki/, '');
      const webui = `/pages/viewpageattachments.action?pageId=${p.id}&preview=%2F${p.id}%2F${id}%2F${encodeURIComponent(name)}`;
      return {
        id: `att${id}`,
        status: 'current',
        title: name,
        createdAt: p.updated,
        pageId: String(p.id),
        mediaType: f?.mime ?? 'application/octet-stream',
        mediaTypeDescription: f?.mime.split('/')[1]?.toUpperCase() ?? 'File',
        comment: '',
        fileId: mediaFileId(p.id, name),
        fileSize: f?.bytes.length ?? 0,
        webuiLink: webui,
        downloadLink: dl,
        version: {
          number: 1,
          message: '',
          minorEdit: false,
          authorId: USERS[p.author].accountId,
          createdAt: p.updated,
        },
        _links: { download: dl, webui },
      };
    },
    250,
  );
}

const spaceV2 = (): Record<string, unknown> => ({
  id: String(SPACE.id),
  key: SPACE.key,
  name: SPACE.name,
  type: 'global',
  status: 'current',
  authorId: USERS.amoreau.accountId,
  createdAt: '2023-01-10T09:00:00.000Z',
  homepageId: String(SPACE.homePageId),
  // `description` and `icon` are objects, sent only when asked for (`description-format`,
  // `include-icon`); the v2 document does not allow null.
  _links: { webui: `/spaces/${SPACE.key}` },
});

export function getSpaces(ctx: Ctx): void {
  const keys = ctx.url.searchParams.get('keys');
  const list = keys === null || keys.split(',').includes(SPACE.key) ? [spaceV2()] : [];
  sendJson(ctx.res, 200, { results: list, _links: { base: baseUrl(ctx.app.sites, 'cloud') } });
}

export function getSpace(ctx: Ctx): void {
  if (ctx.params[0] !== String(SPACE.id)) return error(ctx, 404);
  sendJson(ctx.res, 200, spaceV2());
}
