// Routes of the bench family (content.ts): DC `/display/BENCH/Bench+N`, Cloud
// `/wiki/spaces/BENCH/pages/<800000+N>/Bench+N`, and their image attachments (DC bytes; Cloud's
// media origin). Registered in routes/table.ts ahead of the regular routes; ids 800001… are not in
// the content registry, so the regular attachment and media routes do not know them.
import { sendBytes, sendHtml, sendJson, type Ctx } from '../app.ts';
import { cloudPage } from '../chrome-cloud.ts';
import { dcPage } from '../chrome-dc.ts';
import type { PageDef } from '../content/dsl.ts';
import { getFile } from '../images/library.ts';
import { mediaFile } from '../routes/files.ts';
import type { Route } from '../routes/table.ts';
import { mediaFileId, mediaToken, slug, type Flavour } from '../urls.ts';
import {
  BENCH_BASE_ID,
  BENCH_IMAGES,
  BENCH_MAX_PAGES,
  benchPage,
  benchPageById,
} from './content.ts';
import { benchTreePages } from './tree.ts';

/** The space key in bench URLs. */
export const BENCH_SPACE = 'BENCH';

/** URL path of the bench page of about `pdfPages` PDF pages on one site. */
export function benchPagePath(f: Flavour, pdfPages: number): string {
  const title = slug(`Bench ${pdfPages}`);
  return f === 'dc'
    ? `/display/${BENCH_SPACE}/${title}`
    : `/wiki/spaces/${BENCH_SPACE}/pages/${BENCH_BASE_ID + pdfPages}/${title}`;
}

// Rendered pages are cached: the 2000-page one takes a while to generate.
const html = new Map<string, string>();

function page(ctx: Ctx, p: PageDef | undefined): void {
  if (!p)
    return sendHtml(
      ctx.res,
      404,
      '<!DOCTYPE html><title>Not Found</title><h1>No such bench page</h1>',
    );
  const f: Flavour = ctx.site === 'cloud' ? 'cloud' : 'dc';
  const key = `${f}/${p.id}`;
  let out = html.get(key);
  if (!out) {
    out = f === 'dc' ? dcPage(p, ctx.app.sites) : cloudPage(p, ctx.app.sites);
    html.set(key, out);
  }
  sendHtml(ctx.res, 200, out);
}

function dcAttachment(ctx: Ctx): void {
  const name = decodeURIComponent(ctx.params[1] ?? '');
  const file = (BENCH_IMAGES as readonly string[]).includes(name) ? getFile(name) : undefined;
  if (!file) return sendJson(ctx.res, 404, { statusCode: 404, message: 'Attachment not found' });
  sendBytes(ctx.res, file.mime, file.bytes, { 'Cache-Control': 'private, max-age=0' });
}

// Cloud media ids of the bench images are hashes of (page id, file): answer those, hand the rest
// to the regular media route.
const mediaIds = new Map<string, string>();
let treePagesIndexed = 0;
function benchMediaName(id: string): string | undefined {
  if (mediaIds.size === 0) {
    for (let n = 1; n <= BENCH_MAX_PAGES; n++)
      for (const f of BENCH_IMAGES) mediaIds.set(mediaFileId(BENCH_BASE_ID + n, f), f);
  }
  const known = mediaIds.get(id);
  if (known) return known;
  // Bench tree pages (tree.ts) are made on demand: index the ones made since the last miss.
  const tree = [...benchTreePages()];
  for (const p of tree.slice(treePagesIndexed))
    for (const f of BENCH_IMAGES) mediaIds.set(mediaFileId(p.id, f), f);
  treePagesIndexed = tree.length;
  return mediaIds.get(id);
}

function media(ctx: Ctx): void {
  const [id] = ctx.params;
  const name = id ? benchMediaName(id) : undefined;
  if (!name) return mediaFile(ctx);
  const file = getFile(name);
  if (!file || ctx.url.searchParams.get('token') !== mediaToken(id ?? ''))
    return sendJson(ctx.res, 401, { error: { code: 'Unauthorized' } });
  sendBytes(ctx.res, file.mime, file.bytes, {
    'Access-Control-Allow-Origin': '*',
    'Cache-Control': 'private, max-age=3600',
  });
}

const route = (
  sites: Route['sites'],
  path: RegExp,
  guard: Route['guard'],
  handle: Route['handle'],
  faults = false,
): Route => ({ sites, methods: ['GET', 'HEAD'], path, guard, faults, handle });

/** The bench routes; they go before the regular ones. */
export const BENCH_ROUTES: Route[] = [
  route(['dc'], /^\/display\/BENCH\/Bench\+(\d+)$/, 'page', (ctx) =>
    page(ctx, benchPage(Number(ctx.params[0]))),
  ),
  route(['cloud'], /^\/wiki\/spaces\/BENCH\/pages\/(8\d{5})(?:\/[^/]*)?$/, 'page', (ctx) =>
    page(ctx, benchPageById(Number(ctx.params[0]))),
  ),
  route(
    ['dc'],
    /^\/download\/(?:attachments|thumbnails)\/(8\d{5})\/([^/]+)$/,
    'json',
    dcAttachment,
  ),
  route(['media'], /^\/file\/([^/]+)\/(image|binary)$/, 'none', media, true),
];
