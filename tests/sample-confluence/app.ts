import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Flavour, Sites } from './urls.ts';

/** Which listener a request arrived on. */
export type Site = Flavour | 'media';

/** One logged request. */
export interface RequestRecord {
  method: string;
  url: string;
  site: Site;
  status: number;
}

/** Fault injection settings (see setFaults). */
export interface Faults {
  /** Every Nth fault-eligible request (REST, downloads, media) answers 429. */
  rate429Every?: number;
  /** Seconds in the 429's Retry-After header (default 1). */
  retryAfterSeconds?: number;
  /** Every Nth fault-eligible request answers 500. */
  error500Every?: number;
}

/** Options of startSampleConfluence. */
export interface SampleOptions {
  /** Port of the DC listener (0 or absent: ephemeral). Cloud and media take ephemeral ports. */
  port?: number;
  /** Cloud attachment downloads 302 to the media origin, as real Cloud does (default true). */
  cloudMediaRedirect?: boolean;
  /** Also log requests to stdout. */
  verbose?: boolean;
}

/** Shared state of one running sample Confluence. */
export interface App {
  sites: Sites;
  sessions: Set<string>;
  faults: Faults;
  /** Fault-eligible requests seen since the faults were last set. */
  faultCounter: number;
  requests: RequestRecord[];
  options: SampleOptions;
}

/** Everything a route handler gets. */
export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  site: Site;
  app: App;
  /** Regex groups of the matched route. */
  params: string[];
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'text/html;charset=UTF-8',
    'Cache-Control': 'no-cache',
    ...headers,
  });
  res.end(html);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Cache-Control': 'no-cache',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

export function sendBytes(
  res: ServerResponse,
  mime: string,
  bytes: Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(200, { 'Content-Type': mime, 'Content-Length': String(bytes.length), ...headers });
  res.end(bytes);
}

export function redirect(
  res: ServerResponse,
  location: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(302, { Location: location, ...headers });
  res.end();
}
