import { redirect, type Ctx, type Site } from '../app.ts';
import { login, logout } from '../auth.ts';
import { BENCH_ROUTES } from '../bench/routes.ts';
import { HOSTILE_ROUTES } from '../hostile/routes.ts';
import { postFaults, requests } from './control.ts';
import { cloudDownload, dcDownload, icon, mediaFile, staticFile } from './files.ts';
import { cloudSpaceHome, cloudViewPage, dcBlogPost, dcDisplay, dcViewPage } from './pages.ts';
import * as v1 from './rest-v1.ts';
import * as v2 from './rest-v2.ts';
import { search } from './search.ts';
import { postAttachment, postAttachmentData } from './uploads.ts';

/** How a route is guarded: an HTML 401, a JSON 401, or not at all. */
export type Guard = 'page' | 'json' | 'none';

export interface Route {
  sites: Site[];
  methods: string[];
  path: RegExp;
  guard: Guard;
  /** Subject to injected 429/500 faults. */
  faults: boolean;
  handle: (ctx: Ctx) => void | Promise<void>;
}

const GET = ['GET', 'HEAD'];
const r = (
  sites: Site[],
  path: RegExp,
  guard: Guard,
  handle: Route['handle'],
  faults = guard === 'json',
  methods = GET,
): Route => ({ sites, methods, path, guard, faults, handle });

/** v1 REST routes, the same on DC (prefix '') and Cloud (prefix '/wiki'). */
function v1Routes(site: Site, prefix: string): Route[] {
  const p = (s: string): RegExp => new RegExp(`^${prefix}/rest/api${s}$`);
  return [
    r([site], p('/content/(\\d+)'), 'json', v1.getContent),
    r([site], p('/content/(\\d+)/child/page'), 'json', v1.getChildPages),
    // One path, two jobs: GET lists attachments, POST/PUT upload one (Save to Confluence).
    r(
      [site],
      p('/content/(\\d+)/child/attachment'),
      'json',
      (ctx) =>
        ctx.req.method === 'POST' || ctx.req.method === 'PUT'
          ? postAttachment(ctx)
          : v1.getChildAttachments(ctx),
      true,
      [...GET, 'POST', 'PUT'],
    ),
    r(
      [site],
      p('/content/(\\d+)/child/attachment/(att\\d+)/data'),
      'json',
      postAttachmentData,
      true,
      ['POST'],
    ),
    r([site], p('/content/(\\d+)/descendant/page'), 'json', v1.getDescendantPages),
    r([site], p('/content(?:/search)?'), 'json', v1.listContent),
    r([site], p('/space/([^/]+)'), 'json', v1.getSpace),
    r([site], p('/user'), 'json', v1.getUser),
    r([site], p('/search'), 'json', search),
  ];
}

/** Every route of the three listeners. First match wins. */
export const ROUTES: Route[] = [
  r(['dc', 'cloud', 'media'], /^\/__control\/faults$/, 'none', postFaults, false, ['POST']),
  r(['dc', 'cloud', 'media'], /^\/__control\/requests$/, 'none', requests, false, [
    'GET',
    'DELETE',
  ]),
  ...HOSTILE_ROUTES,
  ...BENCH_ROUTES,
  // Data Center
  r(['dc'], /^\/login$/, 'none', login),
  r(['dc'], /^\/logout$/, 'none', logout),
  r(['dc'], /^\/$/, 'page', (ctx) => redirect(ctx.res, '/display/DOC')),
  r(['dc'], /^\/display\/([^/]+)\/?([^/]*)$/, 'page', dcDisplay),
  r(['dc'], /^\/display\/([^/]+)\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)$/, 'page', dcBlogPost),
  r(['dc'], /^\/pages\/viewpage\.action$/, 'page', dcViewPage),
  ...v1Routes('dc', ''),
  r(['dc'], /^\/download\/(?:attachments|thumbnails)\/(\d+)\/([^/]+)$/, 'json', dcDownload),
  r(['dc'], /^\/images\/icons\/.+$/, 'none', icon),
  // Cloud
  r(['cloud'], /^\/wiki\/login$/, 'none', login),
  r(['cloud'], /^\/wiki\/logout$/, 'none', logout),
  r(['cloud'], /^\/(?:wiki\/?)?$/, 'page', cloudSpaceHome),
  r(['cloud'], /^\/wiki\/spaces\/([^/]+)(?:\/overview)?\/?$/, 'page', cloudSpaceHome),
  r(['cloud'], /^\/wiki\/spaces\/([^/]+)\/pages\/(\d+)(?:\/[^/]*)?$/, 'page', cloudViewPage),
  r(
    ['cloud'],
    /^\/wiki\/spaces\/([^/]+)\/blog\/\d{4}\/\d{2}\/\d{2}\/(\d+)(?:\/[^/]*)?$/,
    'page',
    cloudViewPage,
  ),
  r(['cloud'], /^\/wiki\/api\/v2\/pages\/(\d+)$/, 'json', v2.getPage),
  r(['cloud'], /^\/wiki\/api\/v2\/pages\/(\d+)\/children$/, 'json', v2.getChildren),
  r(['cloud'], /^\/wiki\/api\/v2\/pages\/(\d+)\/direct-children$/, 'json', v2.getDirectChildren),
  r(['cloud'], /^\/wiki\/api\/v2\/pages\/(\d+)\/descendants$/, 'json', v2.getDescendants),
  r(['cloud'], /^\/wiki\/api\/v2\/pages\/(\d+)\/ancestors$/, 'json', v2.getAncestors),
  r(['cloud'], /^\/wiki\/api\/v2\/pages\/(\d+)\/attachments$/, 'json', v2.getAttachments),
  r(['cloud'], /^\/wiki\/api\/v2\/spaces$/, 'json', v2.getSpaces),
  r(['cloud'], /^\/wiki\/api\/v2\/spaces\/(\d+)$/, 'json', v2.getSpace),
  ...v1Routes('cloud', '/wiki'),
  r(
    ['cloud'],
    /^\/wiki\/download\/(?:attachments|thumbnails)\/(\d+)\/([^/]+)$/,
    'json',
    cloudDownload,
  ),
  r(['cloud'], /^\/wiki\/images\/icons\/.+$/, 'none', icon),
  // Both: a public "external" image
  r(['dc', 'cloud'], /^\/static\/([^/]+)$/, 'none', staticFile),
  // Media origin (Cloud attachments)
  r(['media'], /^\/file\/([^/]+)\/(image|binary)$/, 'none', mediaFile, true),
  r(['media'], /^\/emoji\/.+$/, 'none', icon),
];
