import { redirect, sendHtml, type Ctx } from '../app.ts';
import { cloudPage } from '../chrome-cloud.ts';
import { dcPage } from '../chrome-dc.ts';
import type { PageDef } from '../content/dsl.ts';
import { blogPost, pageById, pageByTitle } from '../content/registry.ts';
import { SPACE } from '../content/space.ts';
import { pagePath } from '../urls.ts';

function errorPage(ctx: Ctx, status: number, title: string, message: string): void {
  sendHtml(
    ctx.res,
    status,
    `<!DOCTYPE html><html><head><title>${title} - Confluence</title></head><body><div id="main" class="aui-page-panel"><div id="content"><h1 id="title-text">${title}</h1><div class="aui-message aui-message-error"><p>${message}</p></div></div></div></body></html>`,
  );
}

function serve(ctx: Ctx, page: PageDef | undefined): void {
  if (!page)
    return errorPage(
      ctx,
      404,
      'Page Not Found',
      'The page you were looking for may have been removed or renamed.',
    );
  if (page.restricted)
    return errorPage(ctx, 403, 'Page Restricted', 'You do not have permission to view this page.');
  sendHtml(
    ctx.res,
    200,
    ctx.site === 'dc' ? dcPage(page, ctx.app.sites) : cloudPage(page, ctx.app.sites),
  );
}

const idParam = (s: string | null | undefined): PageDef | undefined =>
  s && /^\d+$/.test(s) ? pageById(Number(s)) : undefined;

/** DC `/display/KEY/Title+Here` (also `/display/KEY` and `/display/KEY/`: the space home). */
export function dcDisplay(ctx: Ctx): void {
  const [key, rawTitle] = ctx.params;
  if (key !== SPACE.key)
    return errorPage(ctx, 404, 'Space Not Found', `No space with key ${key ?? ''}.`);
  const home = pageById(SPACE.homePageId);
  if (!rawTitle) return home ? redirect(ctx.res, pagePath('dc', home)) : undefined;
  const title = decodeURIComponent(rawTitle.replace(/\+/g, ' '));
  serve(ctx, pageByTitle(title));
}

/** DC blog post `/display/KEY/YYYY/MM/DD/Title+Here`. */
export function dcBlogPost(ctx: Ctx): void {
  const [key, y, m, d, rawTitle] = ctx.params;
  if (key !== SPACE.key)
    return errorPage(ctx, 404, 'Space Not Found', `No space with key ${key ?? ''}.`);
  const title = decodeURIComponent((rawTitle ?? '').replace(/\+/g, ' '));
  serve(ctx, blogPost(`${y ?? ''}-${m ?? ''}-${d ?? ''}`, title));
}

/** DC `/pages/viewpage.action?pageId=N`. */
export function dcViewPage(ctx: Ctx): void {
  serve(ctx, idParam(ctx.url.searchParams.get('pageId')));
}

/** Cloud `/wiki/spaces/KEY/pages/ID[/Title]` and `/wiki/spaces/KEY/blog/YYYY/MM/DD/ID[/Title]`. */
export function cloudViewPage(ctx: Ctx): void {
  const [key, id] = ctx.params;
  if (key !== SPACE.key)
    return errorPage(ctx, 404, 'Space Not Found', `No space with key ${key ?? ''}.`);
  serve(ctx, idParam(id));
}

/** Cloud `/wiki/spaces/KEY[/overview]` and `/wiki/`: to the space home. */
export function cloudSpaceHome(ctx: Ctx): void {
  const home = pageById(SPACE.homePageId);
  if (home) redirect(ctx.res, pagePath('cloud', home));
}
