/** The model nodes that name an asset, found through the model's one tree walk. */
import { ownInlines, walkBlocks, walkInlines } from '../model/block-tree';
import type { Block, EmojiInline, ImageBlock, ImageInline } from '../model/types';

/** A model node that names an asset: an image block, an image or emoji inline. */
export type AssetRef = (ImageBlock | ImageInline | EmojiInline) & { asset: string };

/**
 * Calls `visit` on every node of `blocks` (at any depth, inlines and captions included) whose
 * `asset` is set. The visit may change or delete that `asset` in place.
 */
export function forEachAssetRef(blocks: readonly Block[], visit: (node: AssetRef) => void): void {
  walkBlocks(blocks, (b) => {
    if (b.type === 'image' && b.asset !== undefined) visit(b as AssetRef);
    walkInlines(ownInlines(b), (i) => {
      if ((i.type === 'image' || i.type === 'emoji') && i.asset !== undefined) visit(i as AssetRef);
    });
  });
}
