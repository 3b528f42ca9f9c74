// The sample Confluence: a Data-Center-like site, a Cloud-like site (under /wiki) and Cloud's
// media origin, each on its own 127.0.0.1 port, served from one process. Pages need the session
// cookie that /login (DC) or /wiki/login (Cloud) sets; see README.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  sendHtml,
  sendJson,
  type App,
  type Ctx,
  type Faults,
  type RequestRecord,
  type SampleOptions,
  type Site,
} from './app.ts';
import { hasSession, unauthorisedJson, unauthorisedPage } from './auth.ts';
import { pageById } from './content/registry.ts';
import { injectFault } from './faults.ts';
import { ROUTES } from './routes/table.ts';
import { pagePath, type Flavour } from './urls.ts';

export type { Faults, RequestRecord, SampleOptions } from './app.ts';

/** A running sample Confluence. */
export interface SampleConfluence {
  /** Origin of the Data Center-like site, e.g. `http://127.0.0.1:41001`. */
  dcUrl: string;
  /** Origin of the Cloud-like site; Confluence lives under `/wiki` there. */
  cloudUrl: string;
  /** Origin of the Cloud media host that attachment downloads redirect to. */
  mediaUrl: string;
  /** Every request served (control requests excepted), in order. Clear with `requests.length = 0`. */
  requests: RequestRecord[];
  /** Replaces the fault settings (`{}` clears them) and restarts the fault counter. */
  setFaults(faults: Faults): void;
  /** Absolute URL of a page's web UI on one site. */
  pageUrl(site: Flavour, pageId: number): string;
  /** Absolute login URL of one site, returning to `next` (a path) if given. */
  loginUrl(site: Flavour, next?: string): string;
  close(): Promise<void>;
}

function isJsonPath(path: string): boolean {
  return (
    /^(?:\/wiki)?\/(?:rest|api)\//.test(path) ||
    path.startsWith('/wiki/api/') ||
    path.includes('/download/')
  );
}

async function handle(
  app: App,
  site: Site,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  if (!url.pathname.startsWith('/__control/')) {
    res.on('finish', () => {
      app.requests.push({ method, url: url.pathname + url.search, site, status: res.statusCode });
      if (app.options.verbose)
        console.log(`${site.padEnd(5)} ${res.statusCode} ${method} ${url.pathname}${url.search}`);
    });
  }
  for (const route of ROUTES) {
    if (!route.sites.includes(site)) continue;
    const m = route.path.exec(url.pathname);
    if (!m) continue;
    const ctx: Ctx = { req, res, url, site, app, params: m.slice(1).map((s) => s ?? '') };
    if (!route.methods.includes(method))
      return sendJson(
        res,
        405,
        { message: `Method ${method} not allowed` },
        { Allow: route.methods.join(', ') },
      );
    if (route.guard !== 'none' && !hasSession(ctx))
      return route.guard === 'page' ? unauthorisedPage(ctx) : unauthorisedJson(ctx);
    if (route.faults && injectFault(ctx)) return;
    return route.handle(ctx);
  }
  if (isJsonPath(url.pathname))
    sendJson(res, 404, {
      statusCode: 404,
      message: `No route for ${url.pathname}`,
      reason: 'Not Found',
    });
  else
    sendHtml(
      res,
      404,
      '<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>Page Not Found</h1></body></html>',
    );
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Starts the sample Confluence. With `port` set (non-zero), DC listens there, Cloud on
 * `port + 1` and media on `port + 2`; otherwise all three take ephemeral ports.
 */
export async function startSampleConfluence(
  options: SampleOptions = {},
): Promise<SampleConfluence> {
  const app: App = {
    sites: { dcOrigin: '', cloudOrigin: '', mediaOrigin: '' },
    sessions: new Set(),
    faults: {},
    faultCounter: 0,
    requests: [],
    options,
  };
  const make = (site: Site): Server =>
    createServer((req, res) => {
      handle(app, site, req, res).catch((err: unknown) => {
        console.error(`sample-confluence: ${site} ${req.method} ${req.url}:`, err);
        if (!res.headersSent) sendJson(res, 500, { statusCode: 500, message: String(err) });
        else res.end();
      });
    });
  const servers = { dc: make('dc'), cloud: make('cloud'), media: make('media') };
  const base = options.port ?? 0;
  const dcPort = await listen(servers.dc, base);
  const cloudPort = await listen(servers.cloud, base ? base + 1 : 0);
  const mediaPort = await listen(servers.media, base ? base + 2 : 0);
  app.sites = {
    dcOrigin: `http://127.0.0.1:${dcPort}`,
    cloudOrigin: `http://127.0.0.1:${cloudPort}`,
    mediaOrigin: `http://127.0.0.1:${mediaPort}`,
  };
  const origin = (f: Flavour): string => (f === 'dc' ? app.sites.dcOrigin : app.sites.cloudOrigin);
  return {
    dcUrl: app.sites.dcOrigin,
    cloudUrl: app.sites.cloudOrigin,
    mediaUrl: app.sites.mediaOrigin,
    requests: app.requests,
    setFaults(faults) {
      app.faults = { ...faults };
      app.faultCounter = 0;
    },
    pageUrl(f, id) {
      const p = pageById(id);
      return p
        ? origin(f) + pagePath(f, p)
        : f === 'dc'
          ? `${origin(f)}/pages/viewpage.action?pageId=${id}`
          : `${origin(f)}/wiki/spaces/DOC/pages/${id}`;
    },
    loginUrl(f, next) {
      const path = f === 'dc' ? '/login' : '/wiki/login';
      return origin(f) + path + (next ? `?next=${encodeURIComponent(next)}` : '');
    },
    close: () =>
      Promise.all(
        Object.values(servers).map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      ).then(() => undefined),
  };
}
