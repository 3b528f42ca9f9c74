// @vitest-environment node
/**
 * The sample Confluence against Atlassian's published OpenAPI documents (Cloud REST v1 and v2):
 * the real REST clients walk the sample sites (subtree of the space home, the picker's tree,
 * findByTitle, the v1 fallback) through a fetch that records every request and JSON answer.
 * Every request must be an operation the documents define (method + path template, DC's
 * `/rest/api/...` read as v1's `/wiki/rest/api/...`), use only query parameters the operation
 * declares, and every 2xx JSON answer must match the operation's response schema (ajv, `$ref`s
 * resolved into the document's components). The documents live outside the repository
 * (../shared/confluence-openapi); without them the test is skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPage } from '../../lib/read/read-page';
import { createConfluenceApi } from '../../lib/confluence/rest/create-api';
import { createHttp, type FetchLike } from '../../lib/confluence/rest/http';
import { sanitiseExportView } from '../../lib/confluence/rest/sanitise';
import type { ConfluenceApi } from '../../lib/confluence/rest/types';
import { listSubtree, snapshotSubtree } from '../../lib/confluence/snapshot-subtree';
import { PAGES } from '../sample-confluence/content/registry.ts';
import { SPACE } from '../sample-confluence/content/space.ts';
import { startSampleConfluence, type SampleConfluence } from '../sample-confluence/server.ts';

type Site = 'dc' | 'cloud';
type Json = Record<string, unknown>;

const DOCS_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../shared/confluence-openapi',
);
const DOC_FILES = {
  v1: 'confluence-cloud-rest-v1.swagger.v3.json',
  v2: 'confluence-cloud-rest-v2.openapi-v2.v3.json',
} as const;
type DocName = keyof typeof DOC_FILES;
const haveDocs = Object.values(DOC_FILES).every((f) => existsSync(resolve(DOCS_DIR, f)));

/**
 * Where Atlassian's document is wrong about what Confluence sends (the sample imitates the real
 * server here): a `null` at these places of these operations' answers is accepted.
 */
const DOC_EXCEPTIONS: { op: string; path: RegExp; reason: string }[] = [
  {
    op: 'getPageById',
    path: /^\/parent(Id|Type)$/,
    reason:
      "PageSingle.parentId is described as 'ID of the parent page, or null if there is no parent " +
      "page' but typed `string` without `nullable: true`; a space's root page has no parent.",
  },
];

/** ajv-formats is CommonJS: its default export arrives wrapped under Node's ESM loader. */
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
  .default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

interface Operation {
  doc: DocName;
  id: string;
  method: string;
  template: string;
  regex: RegExp;
  /** Literal path segments: the more, the more specific a match. */
  literals: number;
  queryParams: Set<string>;
  op: Json;
}

interface Exchange {
  site: Site;
  method: string;
  url: URL;
  status: number;
  contentType: string;
  body: unknown;
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function pointer(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`External $ref not supported: ${ref}`);
  let cur: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
    cur = isObj(cur) ? cur[key] : undefined;
  }
  return cur;
}

/** Follows `$ref`s (parameters, responses) to the object they name. */
function deref(doc: Json, v: unknown): unknown {
  for (let n = 0; isObj(v) && typeof v.$ref === 'string' && n < 10; n++) v = pointer(doc, v.$ref);
  return v;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function operationsOf(name: DocName, doc: Json): Operation[] {
  const servers = Array.isArray(doc.servers) ? (doc.servers as unknown[]) : [];
  const server = isObj(servers[0]) && typeof servers[0].url === 'string' ? servers[0].url : '';
  // v1: `//your-domain.atlassian.net` + `/wiki/rest/api/...`; v2: `https://{d}/wiki/api/v2` + `/pages`.
  const prefix = new URL(server.replace(/\{[^}]+\}/g, 'x'), 'https://x').pathname.replace(
    /\/+$/,
    '',
  );
  const out: Operation[] = [];
  const paths = isObj(doc.paths) ? doc.paths : {};
  for (const [path, itemRaw] of Object.entries(paths)) {
    const item = deref(doc, itemRaw);
    if (!isObj(item)) continue;
    const template = prefix + path;
    const segments = template.split('/').filter(Boolean);
    const regex = new RegExp(
      `^/${segments.map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/')}$`,
    );
    const literals = segments.filter((s) => !s.startsWith('{')).length;
    const common = Array.isArray(item.parameters) ? (item.parameters as unknown[]) : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isObj(op)) continue;
      const params = [...common, ...(Array.isArray(op.parameters) ? op.parameters : [])];
      const queryParams = new Set(
        params
          .map((p) => deref(doc, p))
          .filter((p): p is Json => isObj(p) && p.in === 'query' && typeof p.name === 'string')
          .map((p) => p.name as string),
      );
      out.push({
        doc: name,
        id: typeof op.operationId === 'string' ? op.operationId : `${method} ${template}`,
        method: method.toUpperCase(),
        template,
        regex,
        literals,
        queryParams,
        op,
      });
    }
  }
  return out;
}

/** The documented path of a request: DC's context-path-relative `/rest/api` is v1's `/wiki/rest/api`. */
function documentedPath(x: Exchange, dcContext: string): string {
  const path = x.url.pathname;
  if (x.site === 'cloud') return path;
  const rel = path.startsWith(dcContext) ? path.slice(dcContext.length) : path;
  return rel.startsWith('/rest/api/') ? `/wiki${rel}` : rel;
}

function findOperation(ops: Operation[], method: string, path: string): Operation | undefined {
  return ops
    .filter((o) => o.method === method && o.regex.test(path))
    .sort((a, b) => b.literals - a.literals)[0];
}

const SITES: Site[] = ['dc', 'cloud'];
let s: SampleConfluence;
const cookie: Record<Site, string> = { dc: '', cloud: '' };
const exchanges: Exchange[] = [];
const purify = createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis);

async function login(site: Site): Promise<string> {
  const res = await fetch(s.loginUrl(site), { redirect: 'manual' });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Adds the session cookie (Node's fetch has no jar) and records the request and its answer. */
function recording(site: Site): FetchLike {
  return async (input, init) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie[site]);
    const res = await fetch(input, { ...init, headers });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    let body: unknown;
    if (contentType.includes('json') && text) body = JSON.parse(text) as unknown;
    exchanges.push({
      site,
      method: (init.method ?? 'GET').toUpperCase(),
      url: new URL(input),
      status: res.status,
      contentType,
      body,
    });
    return new Response(res.status === 204 ? null : text, {
      status: res.status,
      headers: res.headers,
    });
  };
}

function api(site: Site): ConfluenceApi {
  const http = createHttp({ fetch: recording(site), sleep: () => Promise.resolve() });
  return createConfluenceApi(
    site === 'dc' ? 'datacenter' : 'cloud',
    site === 'dc' ? s.dcUrl : `${s.cloudUrl}/wiki`,
    http,
  );
}

describe.skipIf(!haveDocs)(
  "the sample's REST answers against Atlassian's OpenAPI documents",
  () => {
    const docs = {} as Record<DocName, Json>;
    let ops: Operation[] = [];
    let ajv: Ajv;
    const validators = new Map<string, ValidateFunction>();

    beforeAll(async () => {
      for (const name of Object.keys(DOC_FILES) as DocName[])
        docs[name] = JSON.parse(readFileSync(resolve(DOCS_DIR, DOC_FILES[name]), 'utf8')) as Json;
      ops = (Object.keys(docs) as DocName[]).flatMap((n) => operationsOf(n, docs[n]));
      // OpenAPI 3.0 schemas: `nullable`, `example`, `discriminator`... are not JSON Schema keywords.
      ajv = new Ajv({ strict: false, allErrors: true, logger: false });
      addFormats(ajv);
      for (const name of Object.keys(docs) as DocName[])
        ajv.addSchema({ $id: `${name}.json`, components: docs[name].components }, `${name}.json`);

      s = await startSampleConfluence();
      for (const site of SITES) cookie[site] = await login(site);
      const root = String(SPACE.homePageId);
      const blog = PAGES.find((p) => p.type === 'blogpost');
      for (const site of SITES) {
        const client = api(site);
        await snapshotSubtree(client, root, {
          concurrency: 4,
          signal: new AbortController().signal,
          readPage,
          sanitise: (html) => sanitiseExportView(html, purify),
        });
        await listSubtree(client, root);
        expect(await client.findByTitle(SPACE.key, 'Kitchen Sink')).toBeDefined();
        expect(await client.findByTitle(SPACE.key, 'No such page anywhere')).toBeUndefined();
        if (blog) {
          // Cloud: v2 answers 404 for a blog post, the client asks v1.
          await fresh(site).getPage(String(blog.id));
          await fresh(site).getSummary(String(blog.id));
        }
      }
    }, 120_000);
    afterAll(async () => {
      await s.close();
    });

    const fresh = (site: Site): ConfluenceApi => api(site);
    const dcContext = (): string => new URL(s.dcUrl).pathname.replace(/\/+$/, '');
    const opOf = (x: Exchange): Operation | undefined =>
      findOperation(ops, x.method, documentedPath(x, dcContext()));

    function validator(o: Operation, status: number): ValidateFunction | undefined {
      const key = `${o.doc} ${o.method} ${o.template} ${status}`;
      const cached = validators.get(key);
      if (cached) return cached;
      const responses = isObj(o.op.responses) ? o.op.responses : {};
      const response = deref(
        docs[o.doc],
        responses[String(status)] ?? responses[`${String(status)[0]}XX`],
      );
      const content = isObj(response) && isObj(response.content) ? response.content : {};
      const media = content['application/json'];
      if (!isObj(media) || !isObj(media.schema)) return undefined;
      // The schema's `#/components/...` refs resolve against the document it came from.
      const schema = JSON.parse(
        JSON.stringify(media.schema).replace(/"#\/components\//g, `"${o.doc}.json#/components/`),
      ) as Json;
      const fn = ajv.compile(schema);
      validators.set(key, fn);
      return fn;
    }

    it('walks both sites with the real clients', () => {
      expect(exchanges.length).toBeGreaterThan(50);
      expect(new Set(exchanges.map((x) => x.site))).toEqual(new Set(SITES));
    });

    it('every request the clients make is an operation of the documents', () => {
      const unknown = exchanges
        .filter((x) => !opOf(x))
        .map((x) => `${x.site} ${x.method} ${x.url.pathname}`);
      expect([...new Set(unknown)]).toEqual([]);
    });

    it('every query parameter the clients send is declared by its operation', () => {
      const undeclared = new Set<string>();
      for (const x of exchanges) {
        const o = opOf(x);
        if (!o) continue;
        for (const key of x.url.searchParams.keys())
          if (!o.queryParams.has(key)) undeclared.add(`${o.id}: ${key}`);
      }
      expect([...undeclared]).toEqual([]);
    });

    it('every 2xx JSON answer matches its operation response schema', () => {
      const failures: string[] = [];
      let validated = 0;
      for (const x of exchanges) {
        const o = opOf(x);
        if (!o || x.status < 200 || x.status >= 300 || x.body === undefined) continue;
        const validate = validator(o, x.status);
        if (!validate) {
          failures.push(`${o.id} ${x.status}: the document gives no JSON schema`);
          continue;
        }
        validated++;
        if (validate(x.body)) continue;
        const errors = (validate.errors ?? []).filter(
          (e) =>
            !DOC_EXCEPTIONS.some(
              (d) =>
                d.op === o.id &&
                d.path.test(e.instancePath) &&
                pointer({ root: x.body }, `#/root${e.instancePath}`) === null,
            ),
        );
        for (const e of errors.slice(0, 5))
          failures.push(
            `${x.site} ${o.id} ${x.url.pathname}${x.url.search}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
          );
      }
      const counts = new Map<string, number>();
      for (const x of exchanges) {
        const o = opOf(x);
        const key = o ? `${x.site}: ${o.doc} ${o.method} ${o.template}` : '';
        if (o) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const operations = new Set([...counts.keys()].map((k) => k.split(': ')[1]));
      console.log(
        [
          `OpenAPI check: ${exchanges.length} requests, ${operations.size} operations, ${validated} JSON answers validated`,
          ...[...counts].map(([k, n]) => `  ${k}: ${n}`),
        ].join('\n'),
      );
      expect([...new Set(failures)]).toEqual([]);
      expect(validated).toBeGreaterThan(50);
    });

    it('the schemas have teeth: a malformed answer fails', () => {
      const page = exchanges.find(
        (x) => x.site === 'dc' && x.status === 200 && /\/content\/\d+$/.test(x.url.pathname),
      );
      const children = exchanges.find(
        (x) => x.site === 'cloud' && x.url.pathname.endsWith('/children'),
      );
      const pageOp = page && opOf(page);
      const childrenOp = children && opOf(children);
      if (!page || !children || !pageOp || !childrenOp) throw new Error('no exchanges recorded');
      expect(validator(pageOp, 200)?.({ ...(page.body as Json), version: 'seven' })).toBe(false);
      expect(validator(childrenOp, 200)?.({ results: 'none' })).toBe(false);
    });
  },
);
