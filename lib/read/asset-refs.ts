/** A model node that names an asset: an image block, an image or emoji inline. */
export type AssetRef = Record<string, unknown> & { asset: string };

/**
 * Calls `visit` on every node in `value` (blocks, inlines, at any depth) whose `asset` is a
 * string. The visit may change or delete that `asset` in place; the node's children are walked
 * after it.
 */
export function forEachAssetRef(value: unknown, visit: (node: AssetRef) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) forEachAssetRef(item, visit);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  if (typeof node['asset'] === 'string') visit(node as AssetRef);
  for (const key in node) {
    const child = node[key];
    if (child && typeof child === 'object') forEachAssetRef(child, visit);
  }
}
