// Routes of the hostile corpus (cases.ts): each body served raw inside the normal page chrome of
// both sites and as the REST `export_view` body (v1 on both, v2 on Cloud), plus the hostile image
// files. Registered in routes/table.ts ahead of the regular page routes (ids 9001… are not in the
// content registry).
import { sendBytes, sendHtml, sendJson, type Ctx } from '../app.ts';
import { cloudPage } from '../chrome-cloud.ts';
import { dcPage } from '../chrome-dc.ts';
import type { PageDef } from '../content/dsl.ts';
import { SPACE } from '../content/space.ts';
import type { Route } from '../routes/table.ts';
import { baseUrl, type Flavour } from '../urls.ts';
import {
  INVALID_HOST,
  evilSvg,
  hostileCaseById,
  hostileCaseBySlug,
  type BodyContext,
  type HostileCase,
} from './cases.ts';
import { hostileImage } from './images.ts';

let foreignOrigin = `http://${INVALID_HOST}`;

/** Points the corpus' foreign URLs at `origin` (see foreign.ts). */
export function setForeignOrigin(origin: string): void {
  foreignOrigin = origin;
}

const PLACEHOLDER = '@@HOSTILE-BODY@@';
const flavourOf = (ctx: Ctx): Flavour => (ctx.site === 'cloud' ? 'cloud' : 'dc');
const bodyContext = (f: Flavour): BodyContext => ({
  foreign: foreignOrigin,
  prefix: f === 'dc' ? '' : '/wiki',
});

/** A page definition for the chrome only; its one paragraph is replaced by the raw body. */
const pageDef = (c: HostileCase): PageDef => ({
  id: c.id,
  title: c.title,
  author: 'jdoe',
  updated: '2024-12-01T10:00:00.000Z',
  version: 1,
  blocks: [{ p: PLACEHOLDER }],
});

/** The full page: the site's chrome around the raw hostile body (no DSL, no escaping). */
export function hostilePageHtml(c: HostileCase, f: Flavour, sites: Ctx['app']['sites']): string {
  const body = c.body(bodyContext(f));
  const html = f === 'dc' ? dcPage(pageDef(c), sites) : cloudPage(pageDef(c), sites);
  return html.replace(/<p[^>]*>@@HOSTILE-BODY@@<\/p>/, () => body);
}

/** URL path of a hostile page on one site. */
export const hostilePagePath = (f: Flavour, c: HostileCase): string =>
  f === 'dc' ? `/hostile/${c.slug}` : `/wiki/spaces/${SPACE.key}/pages/${c.id}/${c.slug}`;

function notFound(ctx: Ctx): void {
  sendJson(ctx.res, 404, { statusCode: 404, message: 'No such hostile page', reason: 'Not Found' });
}

function exportViewV1(ctx: Ctx): void {
  const c = hostileCaseById(Number(ctx.params[0]));
  if (!c) return notFound(ctx);
  const f = flavourOf(ctx);
  const base = baseUrl(ctx.app.sites, f);
  sendJson(ctx.res, 200, {
    id: String(c.id),
    type: 'page',
    status: 'current',
    title: c.title,
    body: {
      export_view: { value: c.body(bodyContext(f)), representation: 'export_view' },
      _expandable: { storage: '', view: '', styled_view: '', anonymous_export_view: '' },
    },
    _links: {
      webui: hostilePagePath(f, c).replace(/^\/wiki/, ''),
      self: `${base}/rest/api/content/${c.id}`,
      base,
      context: f === 'dc' ? '' : '/wiki',
    },
  });
}

function exportViewV2(ctx: Ctx): void {
  const c = hostileCaseById(Number(ctx.params[0]));
  if (!c) return notFound(ctx);
  const format = ctx.url.searchParams.get('body-format') ?? 'export_view';
  sendJson(ctx.res, 200, {
    id: String(c.id),
    status: 'current',
    title: c.title,
    spaceId: String(SPACE.id),
    parentId: String(SPACE.homePageId),
    parentType: 'page',
    body: { [format]: { representation: format, value: c.body(bodyContext('cloud')) } },
    _links: {
      webui: hostilePagePath('cloud', c).replace(/^\/wiki/, ''),
      base: baseUrl(ctx.app.sites, 'cloud'),
    },
  });
}

async function asset(ctx: Ctx): Promise<void> {
  const name = decodeURIComponent(ctx.params[0] ?? '');
  if (name === 'evil.svg') {
    const svg = Buffer.from(evilSvg(bodyContext(flavourOf(ctx))));
    return sendBytes(ctx.res, 'image/svg+xml', svg);
  }
  const img = await hostileImage(name);
  if (!img) return notFound(ctx);
  sendBytes(ctx.res, img.mime, img.bytes);
}

function page(ctx: Ctx, c: HostileCase | undefined): void {
  if (!c) return notFound(ctx);
  sendHtml(ctx.res, 200, hostilePageHtml(c, flavourOf(ctx), ctx.app.sites));
}

const route = (
  sites: Route['sites'],
  path: RegExp,
  guard: Route['guard'],
  handle: Route['handle'],
): Route => ({ sites, methods: ['GET', 'HEAD'], path, guard, faults: false, handle });

/** The hostile routes; they go before the regular ones. */
export const HOSTILE_ROUTES: Route[] = [
  route(['dc'], /^\/hostile\/([\w-]+)$/, 'page', (ctx) =>
    page(ctx, hostileCaseBySlug(ctx.params[0] ?? '')),
  ),
  route(['cloud'], /^\/wiki\/spaces\/[^/]+\/pages\/(9\d{3})(?:\/[^/]*)?$/, 'page', (ctx) =>
    page(ctx, hostileCaseById(Number(ctx.params[0]))),
  ),
  route(['dc'], /^\/rest\/api\/content\/(9\d{3})$/, 'json', exportViewV1),
  route(['cloud'], /^\/wiki\/rest\/api\/content\/(9\d{3})$/, 'json', exportViewV1),
  route(['cloud'], /^\/wiki\/api\/v2\/pages\/(9\d{3})$/, 'json', exportViewV2),
  route(['dc', 'cloud'], /^(?:\/wiki)?\/hostile-assets\/([^/]+)$/, 'none', asset),
];
