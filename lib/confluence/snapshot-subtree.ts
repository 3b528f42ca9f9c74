/**
 * A page and its descendants, read through Confluence's REST API into one export model: the
 * tree is walked level by level (siblings fetched in parallel, within the concurrency limit) and
 * assembled depth first in Confluence's child order. Pages the user may not read, or that are
 * gone, are skipped with a warning; a lost session or a cancel stops everything.
 */
import type { Asset, Block, ExportModel, PageModel, Warning } from '../model/types';
import { forEachAssetRef, type AssetRef } from '../read/asset-refs';
import type { ReadContext, ReadResult } from '../read/read-page';
import {
  NotLoggedInError,
  PageForbiddenError,
  PageNotFoundError,
  abortReason,
  isAbort,
} from './rest/errors';
import { createLimiter } from './rest/limiter';
import type { ChildRef, ConfluenceApi, RestPage } from './rest/types';

export interface SubtreeProgress {
  /** walking: pages fetched / found so far; pages: pages read; images: images fetched. */
  phase: 'walking' | 'pages' | 'images';
  done: number;
  total: number;
}

export interface FetchedAssets {
  assets: Record<string, Asset>;
  warnings: Warning[];
}

export interface SubtreeOptions {
  /** REST calls at a time (the HTTP client limits requests as well). */
  concurrency: number;
  /** 0 = the root only, 1 = with its children, ...; unlimited when absent. */
  maxDepth?: number;
  /** Pages the user unticked: left out with their descendants. */
  exclude?: ReadonlySet<string>;
  signal: AbortSignal;
  onProgress?: (progress: SubtreeProgress) => void;
  readPage: (root: Element, ctx: ReadContext) => ReadResult;
  /** export_view HTML -> a sanitised element (see `sanitiseExportView`). */
  sanitise: (html: string) => Element;
  /** Loads images (asset id -> URL); absent = no images (their blocks keep `src` only). */
  fetchImages?: (images: Record<string, string>) => Promise<FetchedAssets>;
  /**
   * The tree as `listSubtree` found it for the picker: its child lists are used instead of
   * asking Confluence again (one request less per page; on a real site, most of the walk).
   */
  tree?: TreeNode;
}

/** A node of the page tree, for a picker. */
export interface TreeNode {
  id: string;
  title: string;
  children: TreeNode[];
  /** Why the node's children could not be listed. */
  skipped?: string;
}

interface WalkNode {
  ref: ChildRef;
  depth: number;
  page?: RestPage;
  skipped?: string;
  children: WalkNode[];
}

/** Images per progress report. */
const IMAGE_BATCH = 16;

/** Exports the page `rootId` and its descendants (to `maxDepth`). */
export async function snapshotSubtree(
  api: ConfluenceApi,
  rootId: string,
  options: SubtreeOptions,
): Promise<ExportModel> {
  const { signal } = options;
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const progress = options.onProgress ?? (() => undefined);
  const started = now();

  // Stops the walk on a fatal error too (401, cancel), so no new requests start.
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(abortReason(signal));
  if (signal.aborted) throw abortReason(signal);
  signal.addEventListener('abort', onAbort, { once: true });
  const limiter = createLimiter(options.concurrency, stop.signal);
  const warnings: Warning[] = [];
  const arriving = new ArrivingPages(options, stop.signal);

  let found = 1;
  let fetched = 0;
  const walked = (): void => progress({ phase: 'walking', done: fetched, total: found });

  const known = new Map<string, TreeNode>();
  const index = (node: TreeNode): void => {
    known.set(node.id, node);
    node.children.forEach(index);
  };
  if (options.tree) index(options.tree);

  async function listChildren(id: string): Promise<ChildRef[]> {
    const listed = known.get(id);
    if (listed?.skipped) throw new ListingSkipped(listed.skipped);
    if (listed) {
      return listed.children
        .filter((child) => !options.exclude?.has(child.id))
        .map((child) => ({ id: child.id, title: child.title }));
    }
    const out: ChildRef[] = [];
    await limiter.run(async () => {
      for await (const child of api.children(id)) {
        if (stop.signal.aborted) throw abortReason(stop.signal);
        if (!options.exclude?.has(child.id)) out.push(child);
      }
    });
    return out;
  }

  async function visit(node: WalkNode): Promise<void> {
    const { id } = node.ref;
    const [page, kids] = await Promise.allSettled([
      limiter.run(() => api.getPage(id)),
      node.depth < maxDepth ? listChildren(id) : Promise.resolve([]),
    ]);
    fetched++;
    if (page.status === 'rejected') {
      const why = skipReason(page.reason, node.depth === 0);
      node.skipped = why;
      walked();
      warnings.push({
        pageId: id,
        kind: 'page-skipped',
        message: `Page ${describe(node.ref)} skipped: ${why}.`,
      });
      return;
    }
    node.page = page.value;
    let children: Promise<unknown> = Promise.resolve();
    if (kids.status === 'rejected') {
      const why = skipReason(kids.reason, false);
      warnings.push({
        pageId: id,
        kind: 'children-skipped',
        message: `Child pages of "${page.value.title}" (id ${id}) skipped: ${why}.`,
      });
    } else {
      node.children = kids.value.map((ref) => ({ ref, depth: node.depth + 1, children: [] }));
      found += node.children.length;
      children = Promise.all(node.children.map(visit));
      // Awaited below, after this page is read; a failure meanwhile is not unhandled.
      children.catch(() => undefined);
    }
    walked();
    // The children's requests go out first; this page is read while they are answered.
    await yieldToEventLoop();
    if (stop.signal.aborted) throw abortReason(stop.signal);
    arriving.arrived(page.value);
    progress({ phase: 'pages', done: arriving.pagesRead, total: found });
    await children;
  }

  const root: WalkNode = { ref: { id: rootId }, depth: 0, children: [] };
  try {
    walked();
    await visit(root);
  } catch (error) {
    stop.abort(error);
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  if (!root.page) throw new Error(`The page to export (id ${rootId}) could not be read.`);

  // Depth first, in Confluence's order.
  const order: { node: WalkNode; page: RestPage }[] = [];
  const flatten = (node: WalkNode): void => {
    if (node.page) order.push({ node, page: node.page });
    node.children.forEach(flatten);
  };
  flatten(root);

  return buildModel(
    root.page.title,
    api.siteBase,
    order.map(({ node, page }) => ({ page, depth: node.depth })),
    warnings,
    options,
    started,
    arriving,
  );
}

/**
 * Exports exactly the pages `ids`, in that order, each at depth 0 (search results the user
 * ticked). Pages that cannot be read are skipped with a warning; a lost session or a cancel
 * stops everything.
 */
export async function readPages(
  api: ConfluenceApi,
  ids: readonly string[],
  title: string,
  options: Omit<SubtreeOptions, 'maxDepth' | 'exclude'>,
): Promise<ExportModel> {
  const { signal } = options;
  const progress = options.onProgress ?? (() => undefined);
  const started = now();
  if (signal.aborted) throw abortReason(signal);
  const limiter = createLimiter(options.concurrency, signal);
  const warnings: Warning[] = [];
  const arriving = new ArrivingPages(options, signal);
  let fetched = 0;
  const got = await Promise.all(
    ids.map(async (id) => {
      try {
        const page = await limiter.run(() => api.getPage(id));
        arriving.arrived(page);
        return page;
      } catch (error) {
        const why = skipReason(error, false);
        warnings.push({
          pageId: id,
          kind: 'page-skipped',
          message: `Page id ${id} skipped: ${why}.`,
        });
        return undefined;
      } finally {
        progress({ phase: 'walking', done: ++fetched, total: ids.length });
      }
    }),
  );
  const entries = got.flatMap((page) => (page ? [{ page, depth: 0 }] : []));
  if (!entries.length) throw new Error('None of the chosen pages could be read.');
  return buildModel(title, api.siteBase, entries, warnings, options, started, arriving);
}

/**
 * Pages are read as they arrive, while other requests are still out, and each page's images
 * start loading at once (one request per image URL, within the concurrency limit): the tab's
 * CPU works while the network waits, instead of fetching everything, then reading everything,
 * then loading every image.
 */
class ArrivingPages {
  private readonly reads = new Map<string, ReadResult>();
  private readonly images = new Map<string, Promise<{ asset?: Asset; warnings: Warning[] }>>();
  private readonly limiter: ReturnType<typeof createLimiter>;

  constructor(
    private readonly options: Omit<SubtreeOptions, 'maxDepth' | 'exclude'>,
    signal: AbortSignal,
  ) {
    this.limiter = createLimiter(options.concurrency, signal);
  }

  get pagesRead(): number {
    return this.reads.size;
  }

  arrived(page: RestPage): ReadResult {
    const known = this.reads.get(page.id);
    if (known) return known;
    const read = this.options.readPage(this.options.sanitise(page.exportViewHtml), {
      markup: 'view',
      pageUrl: page.webUrl,
      pageId: page.id,
    });
    this.reads.set(page.id, read);
    const load = this.options.fetchImages;
    if (load) {
      for (const url of Object.values(read.images)) {
        if (this.images.has(url)) continue;
        const loading = this.limiter.run(async () => {
          const got = await load({ image: url });
          return {
            ...(got.assets.image ? { asset: got.assets.image } : {}),
            warnings: got.warnings,
          };
        });
        // Awaited in page order once every page is read; a cancel in between is not unhandled.
        loading.catch(() => undefined);
        this.images.set(url, loading);
      }
    }
    return read;
  }

  image(url: string): Promise<{ asset?: Asset; warnings: Warning[] }> {
    return this.images.get(url) ?? Promise.resolve({ warnings: [] });
  }
}

/** Reads fetched pages into one model, in order; asset ids are made unique across pages. */
async function buildModel(
  title: string,
  site: string,
  order: { page: RestPage; depth: number }[],
  warnings: Warning[],
  options: Omit<SubtreeOptions, 'maxDepth' | 'exclude'>,
  started: number,
  arriving: ArrivingPages,
): Promise<ExportModel> {
  const { signal } = options;
  const progress = options.onProgress ?? (() => undefined);
  // Same URL -> same asset id.
  const images: Record<string, string> = {};
  const idOfUrl = new Map<string, string>();
  const pages: PageModel[] = [];
  for (const [n, { page, depth }] of order.entries()) {
    if (signal.aborted) throw abortReason(signal);
    const read = arriving.arrived(page);
    const rename = new Map<string, string>();
    for (const [localId, url] of Object.entries(read.images)) {
      let id = idOfUrl.get(url);
      if (!id) {
        id = localId;
        for (let k = 2; images[id] !== undefined; k++) id = `${localId}-${k}`;
        images[id] = url;
        idOfUrl.set(url, id);
      }
      if (id !== localId) rename.set(localId, id);
    }
    pages.push({
      id: page.id,
      title: page.title,
      url: page.webUrl,
      depth,
      ...(page.spaceKey ? { spaceKey: page.spaceKey } : {}),
      ...(page.author ? { author: page.author } : {}),
      ...(page.updated ? { updated: page.updated } : {}),
      blocks: rename.size ? mapAssets(read.blocks, (id) => rename.get(id) ?? id) : read.blocks,
    });
    warnings.push(...read.warnings.map((w) => ({ ...w, pageId: page.id })));
    progress({ phase: 'pages', done: n + 1, total: order.length });
  }
  const readMs = now() - started;

  // The images still loading; their results in page order.
  const assetsStarted = now();
  const assets: Record<string, Asset> = {};
  const entries = Object.entries(images);
  if (options.fetchImages && entries.length) {
    progress({ phase: 'images', done: 0, total: entries.length });
    for (const [n, [id, url]] of entries.entries()) {
      if (signal.aborted) throw abortReason(signal);
      const got = await arriving.image(url);
      if (got.asset) assets[id] = got.asset;
      warnings.push(...got.warnings);
      if ((n + 1) % IMAGE_BATCH === 0 || n + 1 === entries.length)
        progress({ phase: 'images', done: n + 1, total: entries.length });
    }
  }
  // Images that could not be loaded lose their asset id: layout draws a placeholder.
  const missing = entries.some(([id]) => !assets[id]);
  const finalPages = missing
    ? pages.map((p) => ({
        ...p,
        blocks: mapAssets(p.blocks, (id) => (assets[id] ? id : undefined)),
      }))
    : pages;

  return {
    title,
    site,
    pages: finalPages,
    assets,
    warnings,
    timings: { read: Math.round(readMs), assets: Math.round(now() - assetsStarted) },
  };
}

/** The page tree under `rootId` (titles only, no bodies), for a picker. */
export async function listSubtree(
  api: ConfluenceApi,
  rootId: string,
  maxDepth?: number,
): Promise<TreeNode> {
  const limit = maxDepth ?? Number.POSITIVE_INFINITY;
  const summary = await api.getSummary(rootId);
  const build = async (id: string, title: string, depth: number): Promise<TreeNode> => {
    const node: TreeNode = { id, title, children: [] };
    if (depth >= limit) return node;
    const refs: ChildRef[] = [];
    try {
      for await (const ref of api.children(id)) refs.push(ref);
    } catch (error) {
      if (depth === 0) throw error;
      node.skipped = skipReason(error, false);
      return node;
    }
    node.children = await Promise.all(
      refs.map((ref) => build(ref.id, ref.title ?? `Page ${ref.id}`, depth + 1)),
    );
    return node;
  };
  return build(summary.id, summary.title, 0);
}

/**
 * Why a page is skipped; rethrows what must stop the export (no session, cancelled) and any
 * failure of the root page, which is the export.
 */
function skipReason(error: unknown, isRoot: boolean): string {
  if (error instanceof NotLoggedInError || isAbort(error)) throw error;
  if (error instanceof ListingSkipped) return error.reason;
  if (isRoot) {
    if (error instanceof PageForbiddenError)
      throw new PageForbiddenError(
        'You do not have permission to view this page.',
        error.url,
        403,
        {
          cause: error,
        },
      );
    if (error instanceof PageNotFoundError)
      throw new PageNotFoundError('This page was not found (deleted or moved?).', error.url, 404, {
        cause: error,
      });
    throw error;
  }
  if (error instanceof PageForbiddenError) return 'no permission';
  if (error instanceof PageNotFoundError) return 'not found';
  return `could not be read (${error instanceof Error ? error.message : String(error)})`;
}

/** A child list the picker's walk could not get (its reason, already worded). */
class ListingSkipped extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function describe(ref: ChildRef): string {
  return ref.title ? `"${ref.title}" (id ${ref.id})` : `id ${ref.id}`;
}

/**
 * Rewrites every image/emoji asset reference, in place (the blocks are this export's own, fresh
 * from the reader); `undefined` removes it.
 */
function mapAssets(blocks: Block[], map: (id: string) => string | undefined): Block[] {
  forEachAssetRef(blocks, (node) => {
    const next = map(node.asset);
    if (next === undefined) delete (node as Partial<AssetRef>).asset;
    else node.asset = next;
  });
  return blocks;
}

const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

/**
 * Lets the tab's own events run. Not `setTimeout(0)`: chained timeouts are clamped to 4 ms, and
 * in a background tab Chrome runs timers once a second at most, which made a page tree's read
 * take seconds per page while the user looked at another tab. A message is neither.
 */
function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
