import type { Asset, Block, Inline, PageModel, Warning } from '../model/types';
import { readPage, type ReadResult } from '../read/read-page';

export type PageFacts = Omit<PageModel, 'blocks'>;

export interface LoadedImages {
  assets: Record<string, Asset>;
  warnings: Warning[];
}

/** Loads the images a page references (asset id -> URL); failures become warnings. */
export type ImageLoader = (images: Record<string, string>) => Promise<LoadedImages>;

export interface ReadPageResult {
  page: PageModel;
  assets: Record<string, Asset>;
  warnings: Warning[];
  /** Constructs taken by a dedicated handler vs read through the fallback. */
  stats: ReadResult['stats'];
}

/**
 * One Confluence page's content root -> its page model with images loaded. Images that could not
 * be loaded lose their asset id, so layout draws a placeholder naming them.
 */
export async function readPageWithImages(
  root: Element,
  flavour: 'cloud' | 'view',
  facts: PageFacts,
  loadImages: ImageLoader,
): Promise<ReadPageResult> {
  const read = readPage(root, { pageUrl: facts.url, flavour, pageId: facts.id });
  const { assets, warnings } = await loadImages(read.images);
  const blocks = dropMissingAssets(read.blocks, new Set(Object.keys(assets)));
  return {
    page: { ...facts, blocks },
    assets,
    warnings: [...read.warnings, ...warnings].map((w) => ({ ...w, pageId: facts.id })),
    stats: read.stats,
  };
}

function dropMissingAssets(blocks: Block[], present: Set<string>): Block[] {
  return JSON.parse(JSON.stringify(blocks), (_key, value: unknown) => {
    if (
      value &&
      typeof value === 'object' &&
      (value as Inline | Block).type === 'image' &&
      typeof (value as { asset?: unknown }).asset === 'string' &&
      !present.has((value as { asset: string }).asset)
    ) {
      const { asset: _dropped, ...rest } = value as { asset: string };
      return rest;
    }
    return value;
  }) as Block[];
}
