import { randomBytes } from 'node:crypto';
import { redirect, sendHtml, sendJson, type Ctx } from './app.ts';
import { pageById } from './content/registry.ts';
import { SPACE } from './content/space.ts';
import { pagePath, type Flavour } from './urls.ts';

/** Session cookie names: DC's servlet session, Cloud's Atlassian session token. */
export const COOKIE: Record<Flavour, string> = { dc: 'JSESSIONID', cloud: 'cloud.session.token' };

function cookies(ctx: Ctx): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (ctx.req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

/** Whether the request carries a live session for its site. */
export function hasSession(ctx: Ctx): boolean {
  if (ctx.site === 'media') return false;
  const token = cookies(ctx).get(COOKIE[ctx.site]);
  return token !== undefined && ctx.app.sessions.has(`${ctx.site}:${token}`);
}

/** `GET /login` and `GET /wiki/login`: start a session, then go to `next` or the space home. */
export function login(ctx: Ctx): void {
  if (ctx.site === 'media') return;
  const token = randomBytes(18).toString('hex');
  ctx.app.sessions.add(`${ctx.site}:${token}`);
  const next = ctx.url.searchParams.get('next');
  // Only same-site paths: never an open redirect.
  const home = pageById(SPACE.homePageId);
  const target =
    next && next.startsWith('/') && !next.startsWith('//')
      ? next
      : home
        ? pagePath(ctx.site, home)
        : '/';
  redirect(ctx.res, target, {
    'Set-Cookie': `${COOKIE[ctx.site]}=${token}; Path=/; HttpOnly; SameSite=Lax`,
  });
}

/** `GET /logout`: forget the session. */
export function logout(ctx: Ctx): void {
  if (ctx.site === 'media') return;
  const token = cookies(ctx).get(COOKIE[ctx.site]);
  if (token) ctx.app.sessions.delete(`${ctx.site}:${token}`);
  redirect(ctx.res, ctx.site === 'dc' ? '/login' : '/wiki/login', {
    'Set-Cookie': `${COOKIE[ctx.site]}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
  });
}

/** The login URL for a site, returning to `next`. */
export const loginPath = (f: Flavour, next: string): string =>
  `${f === 'dc' ? '' : '/wiki'}/login?next=${encodeURIComponent(next)}`;

/** 401 for a page request: an HTML page with a login link. */
export function unauthorisedPage(ctx: Ctx): void {
  if (ctx.site === 'media') return;
  const back = ctx.url.pathname + ctx.url.search;
  sendHtml(
    ctx.res,
    401,
    `<!DOCTYPE html><html><head><title>Log in - Confluence</title></head><body><div id="login-container"><h1>Log in to continue</h1><p>You need to log in to see this page.</p><p><a id="login-link" href="${loginPath(ctx.site, back)}">Log in</a></p></div></body></html>`,
  );
}

/** 401 for a REST or download request, in each API's error shape. */
export function unauthorisedJson(ctx: Ctx): void {
  if (ctx.url.pathname.startsWith('/wiki/api/v2/')) {
    sendJson(ctx.res, 401, {
      errors: [{ status: 401, code: 'UNAUTHORIZED', title: 'Unauthorized', detail: null }],
    });
    return;
  }
  sendJson(ctx.res, 401, {
    statusCode: 401,
    data: { authorized: false, valid: true, errors: [], successful: false },
    message: 'This request requires authentication',
    reason: 'Unauthorized',
  });
}
