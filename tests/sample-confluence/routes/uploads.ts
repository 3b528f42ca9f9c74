// Attachment uploads ("Save to Confluence"), as Confluence's v1 REST API takes them on DC and
// Cloud: `POST /rest/api/content/{id}/child/attachment` (create; 400 if the name exists),
// `PUT` on the same path (create or new version), `POST .../child/attachment/{attachmentId}/data`
// (new version). Multipart `file` (+ `minorEdit`, `comment`), header `X-Atlassian-Token: nocheck`.
// Bytes live in memory per running server; the listing (rest-v1.ts) and the downloads (files.ts)
// serve them like any other attachment.
import type { IncomingMessage } from 'node:http';
import { sendJson, type App, type Ctx } from '../app.ts';
import type { PageDef } from '../content/dsl.ts';
import { pageById } from '../content/registry.ts';
import { USERS, REMOTE_USER } from '../content/space.ts';
import { baseUrl, mediaFileId, type Flavour } from '../urls.ts';
import { userV1 } from './rest-users.ts';

/** Larger uploads answer 413, as a Confluence site's attachment size limit does. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** One uploaded attachment: every version's bytes, oldest first. */
export interface Upload {
  id: string;
  pageId: number;
  name: string;
  mime: string;
  versions: { bytes: Buffer; when: string; comment: string }[];
}

// Keyed by `site/pageId`: the DC and Cloud sites are two Confluences that share page ids.
const stores = new WeakMap<App, Map<string, Map<string, Upload>>>();

function store(app: App): Map<string, Map<string, Upload>> {
  let s = stores.get(app);
  if (!s) stores.set(app, (s = new Map()));
  return s;
}

/** This page's uploads, in upload order. */
export const uploadsOf = (ctx: Ctx, pageId: number): Upload[] => [
  ...(store(ctx.app).get(`${ctx.site}/${pageId}`)?.values() ?? []),
];

/** An uploaded attachment by page and file name. */
export const uploaded = (ctx: Ctx, pageId: number, name: string): Upload | undefined =>
  store(ctx.app).get(`${ctx.site}/${pageId}`)?.get(name);

/** An uploaded attachment by its Cloud media file id (see urls.ts `mediaFileId`). */
export function uploadedByMediaId(app: App, mediaId: string): Upload | undefined {
  // Only Cloud redirects its downloads to the media origin.
  for (const [key, files] of store(app))
    if (key.startsWith('cloud/'))
      for (const u of files.values()) if (mediaFileId(u.pageId, u.name) === mediaId) return u;
  return undefined;
}

function error(ctx: Ctx, status: number, message: string): void {
  const reason =
    { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 413: 'Payload Too Large' }[status] ??
    'Error';
  sendJson(ctx.res, status, {
    statusCode: status,
    data: { authorized: status !== 403 },
    message,
    reason,
  });
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** One part of a multipart/form-data body. */
export interface Part {
  name: string;
  fileName?: string;
  contentType?: string;
  data: Buffer;
}

/** A small multipart/form-data parser (RFC 7578): split on the boundary, read each part's headers. */
export function parseMultipart(body: Buffer, contentType: string): Part[] | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!/^multipart\/form-data/i.test(contentType) || !boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break; // closing delimiter
    const next = body.indexOf(delimiter, start);
    if (next < 0) return undefined;
    // Each part: CRLF, headers, CRLF CRLF, data, CRLF (before the next delimiter).
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) return undefined;
    const headers = part.subarray(0, split).toString('utf8');
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
    if (name === undefined) return undefined;
    parts.push({
      name,
      ...(fileName !== undefined ? { fileName } : {}),
      ...(type ? { contentType: type } : {}),
      data: part.subarray(split + 4),
    });
    at = next;
  }
  return parts;
}

/** The v1 attachment content object, `version` always expanded (upload answers carry it). */
export function uploadV1(ctx: Ctx, u: Upload, page: PageDef): Record<string, unknown> {
  const f: Flavour = ctx.site === 'cloud' ? 'cloud' : 'dc';
  const base = baseUrl(ctx.app.sites, f);
  const latest = u.versions.at(-1);
  const n = u.versions.length;
  return {
    id: u.id,
    type: 'attachment',
    status: 'current',
    title: u.name,
    version: {
      by: userV1(f, REMOTE_USER, base),
      when: latest?.when ?? '',
      message: latest?.comment ?? '',
      number: n,
      minorEdit: true,
    },
    container: { id: String(page.id), type: page.type ?? 'page', title: page.title },
    metadata: { mediaType: u.mime, comment: latest?.comment ?? '' },
    extensions: { mediaType: u.mime, fileSize: latest?.bytes.length ?? 0, comment: '' },
    _links: {
      webui: `/pages/viewpageattachments.action?pageId=${page.id}`,
      download: `/download/attachments/${page.id}/${encodeURIComponent(u.name)}?version=${n}&api=v2`,
      self: `${base}/rest/api/content/${u.id}`,
    },
  };
}

/** Checks shared by every upload: XSRF header, the page, the permission, the size, the form. */
async function receive(
  ctx: Ctx,
  pageIdParam: string | undefined,
): Promise<{ page: PageDef; file: Part; comment: string } | undefined> {
  const token = String(ctx.req.headers['x-atlassian-token'] ?? '').toLowerCase();
  if (token !== 'nocheck' && token !== 'no-check') return void error(ctx, 403, 'XSRF check failed');
  const page = pageIdParam ? pageById(Number(pageIdParam)) : undefined;
  if (!page) return void error(ctx, 404, `No content found with id: ${pageIdParam ?? ''}`);
  if (page.restricted || page.readOnly)
    return void error(
      ctx,
      403,
      `User ${USERS[REMOTE_USER].key} is not permitted to create attachments on this content`,
    );
  const declared = Number(ctx.req.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES) return void error(ctx, 413, 'Attachment too large');
  const body = await readBody(ctx.req, MAX_UPLOAD_BYTES);
  if (body === 'too-large') return void error(ctx, 413, 'Attachment too large');
  const parts = parseMultipart(body, String(ctx.req.headers['content-type'] ?? ''));
  const file = parts?.find((p) => p.name === 'file' && p.fileName);
  if (!parts || !file?.fileName) return void error(ctx, 400, 'No file part in the request');
  const comment = parts.find((p) => p.name === 'comment')?.data.toString('utf8') ?? '';
  return { page, file, comment };
}

function save(ctx: Ctx, page: PageDef, file: Part, comment: string, existing?: Upload): Upload {
  const key = `${ctx.site}/${page.id}`;
  const files = store(ctx.app).get(key) ?? new Map<string, Upload>();
  store(ctx.app).set(key, files);
  const name = existing?.name ?? file.fileName ?? 'file';
  const upload: Upload = existing ?? {
    id: `att${page.id * 100 + 50 + files.size}`,
    pageId: page.id,
    name,
    mime: file.contentType ?? 'application/octet-stream',
    versions: [],
  };
  upload.versions.push({ bytes: Buffer.from(file.data), when: new Date().toISOString(), comment });
  files.set(name, upload);
  return upload;
}

/** `POST|PUT /rest/api/content/{id}/child/attachment`. */
export async function postAttachment(ctx: Ctx): Promise<void> {
  const got = await receive(ctx, ctx.params[0]);
  if (!got) return;
  const existing = uploaded(ctx, got.page.id, got.file.fileName ?? '');
  const staticName = got.page.attachments?.includes(got.file.fileName ?? '');
  if (ctx.req.method === 'POST' && (existing || staticName))
    return error(
      ctx,
      400,
      'Cannot add a new attachment with same file name as an existing attachment: ' +
        (got.file.fileName ?? ''),
    );
  const u = save(ctx, got.page, got.file, got.comment, existing);
  sendJson(ctx.res, 200, { results: [uploadV1(ctx, u, got.page)], start: 0, limit: 1, size: 1 });
}

/** `POST /rest/api/content/{id}/child/attachment/{attachmentId}/data`: a new version. */
export async function postAttachmentData(ctx: Ctx): Promise<void> {
  const got = await receive(ctx, ctx.params[0]);
  if (!got) return;
  const existing = uploadsOf(ctx, got.page.id).find((u) => u.id === ctx.params[1]);
  if (!existing) return error(ctx, 404, `No attachment with id ${ctx.params[1] ?? ''}`);
  const u = save(ctx, got.page, got.file, got.comment, existing);
  sendJson(ctx.res, 200, uploadV1(ctx, u, got.page));
}
