// Attachment downloads and the other images pages refer to. DC serves bytes itself; Cloud
// answers with a 302 to its media origin (as real Cloud does with api.media.atlassian.com),
// which needs no cookie but a token and sends `Access-Control-Allow-Origin: *`.
import { redirect, sendBytes, sendJson, type Ctx } from '../app.ts';
import type { PageDef } from '../content/dsl.ts';
import { pageById, PAGES } from '../content/registry.ts';
import { Raster } from '../images/raster.ts';
import { encodePng } from '../images/png.ts';
import { getFile, type FileAsset } from '../images/library.ts';
import { mediaFileId, mediaToken, mediaUrl } from '../urls.ts';
import { uploaded, uploadedByMediaId, type Upload } from './uploads.ts';

function notFound(ctx: Ctx, what: string): void {
  sendJson(ctx.res, 404, { statusCode: 404, message: `${what} not found`, reason: 'Not Found' });
}

/** The attachment `file` of page `id`, or an error answer already sent. */
function attachment(ctx: Ctx): { page: PageDef; file: FileAsset } | undefined {
  const [id, rawName] = ctx.params;
  const page = id ? pageById(Number(id)) : undefined;
  if (!page) return void notFound(ctx, 'Page');
  if (page.restricted)
    return void sendJson(ctx.res, 403, {
      statusCode: 403,
      message: 'Forbidden',
      reason: 'Forbidden',
    });
  const name = decodeURIComponent(rawName ?? '');
  const file = page.attachments?.includes(name)
    ? getFile(name)
    : uploadedFile(uploaded(ctx, page.id, name), ctx.url.searchParams.get('version'));
  if (!file) return void notFound(ctx, `Attachment ${name}`);
  return { page, file };
}

/** An uploaded attachment's bytes: the latest version, or `?version=N`. */
function uploadedFile(u: Upload | undefined, version: string | null): FileAsset | undefined {
  if (!u) return undefined;
  const v = version === null ? u.versions.at(-1) : u.versions[Number(version) - 1];
  return v ? { name: u.name, mime: u.mime, bytes: v.bytes } : undefined;
}

const fileHeaders = (f: FileAsset, download: boolean): Record<string, string> => ({
  'Cache-Control': 'private, max-age=0',
  'Content-Disposition': `${download || !f.mime.startsWith('image/') ? 'attachment' : 'inline'}; filename="${f.name}"`,
  // An SVG opened directly must not run script on the Confluence origin.
  ...(f.mime === 'image/svg+xml'
    ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" }
    : {}),
});

/** DC `/download/attachments/{pageId}/{file}` and `/download/thumbnails/...`. */
export function dcDownload(ctx: Ctx): void {
  const a = attachment(ctx);
  if (a)
    sendBytes(
      ctx.res,
      a.file.mime,
      a.file.bytes,
      fileHeaders(a.file, ctx.url.searchParams.has('download')),
    );
}

/** Cloud `/wiki/download/attachments/{pageId}/{file}`: 302 to the media origin (or bytes). */
export function cloudDownload(ctx: Ctx): void {
  const a = attachment(ctx);
  if (!a) return;
  if (ctx.app.options.cloudMediaRedirect === false)
    return sendBytes(ctx.res, a.file.mime, a.file.bytes, fileHeaders(a.file, false));
  const version = ctx.url.searchParams.get('version');
  const pinned = version && uploaded(ctx, a.page.id, a.file.name) ? `&version=${version}` : '';
  redirect(
    ctx.res,
    `${mediaUrl(ctx.app.sites, a.page.id, a.file.name, 'binary')}&dl=true${pinned}`,
  );
}

let byMediaId: Map<string, { pageId: number; name: string }> | undefined;
function mediaIndex(): Map<string, { pageId: number; name: string }> {
  byMediaId ??= new Map(
    PAGES.flatMap((p) =>
      (p.attachments ?? []).map(
        (name) => [mediaFileId(p.id, name), { pageId: p.id, name }] as const,
      ),
    ),
  );
  return byMediaId;
}

const CORS = { 'Access-Control-Allow-Origin': '*' };

/** Media origin `/file/{id}/image|binary?token=...`: token required, no cookie, CORS `*`. */
export function mediaFile(ctx: Ctx): void {
  const [id, kind] = ctx.params;
  if (!id || ctx.url.searchParams.get('token') !== mediaToken(id)) {
    sendJson(
      ctx.res,
      401,
      { error: { code: 'Unauthorized', title: 'Missing or invalid token' } },
      CORS,
    );
    return;
  }
  const hit = mediaIndex().get(id);
  const file = hit
    ? getFile(hit.name)
    : uploadedFile(uploadedByMediaId(ctx.app, id), ctx.url.searchParams.get('version'));
  if (!file)
    return sendJson(
      ctx.res,
      404,
      { error: { code: 'FileNotFound', title: 'File not found' } },
      CORS,
    );
  sendBytes(ctx.res, file.mime, file.bytes, {
    ...CORS,
    ...fileHeaders(file, kind === 'binary' && ctx.url.searchParams.get('dl') === 'true'),
    'Cache-Control': 'private, max-age=3600',
  });
}

let iconPng: Buffer | undefined;
/** A small yellow dot standing in for every emoji/emoticon/icon image. */
export function icon(ctx: Ctx): void {
  if (!iconPng) {
    const r = new Raster(16, 16, [255, 255, 255]);
    r.fillCircle(8, 8, 7, [255, 196, 0]);
    iconPng = encodePng(r);
  }
  sendBytes(ctx.res, 'image/png', iconPng, { ...CORS, 'Cache-Control': 'public, max-age=86400' });
}

/** `/static/<file>`: a public image, the "external" image of the kitchen sink. */
export function staticFile(ctx: Ctx): void {
  const file = getFile(decodeURIComponent(ctx.params[0] ?? ''));
  if (!file || !file.mime.startsWith('image/')) return notFound(ctx, 'File');
  sendBytes(ctx.res, file.mime, file.bytes, { ...CORS, 'Cache-Control': 'public, max-age=86400' });
}
