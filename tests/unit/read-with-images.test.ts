// @vitest-environment jsdom
/**
 * Images that could not be loaded lose their asset id (layout then draws a placeholder naming
 * the file); the loaded ones keep theirs, wherever they sit in the page.
 */
import { describe, expect, it } from 'vitest';
import { readPageWithImages } from '../../lib/confluence/read-with-images';
import type { Block } from '../../lib/model/types';

const facts = {
  id: '1',
  title: 'Images',
  url: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/1',
  spaceKey: 'ENG',
  depth: 0,
};

function imagesIn(value: unknown, out: { asset?: string; src?: string }[] = []) {
  if (Array.isArray(value)) for (const v of value) imagesIn(v, out);
  else if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (node['type'] === 'image') out.push(node as { asset?: string; src?: string });
    for (const v of Object.values(node)) imagesIn(v, out);
  }
  return out;
}

describe('readPageWithImages', () => {
  it('keeps the asset ids of loaded images and drops those that failed, nested too', async () => {
    document.body.innerHTML = `<div id="main-content" class="wiki-content">
      <p><img src="https://acme.atlassian.net/wiki/download/attachments/1/ok.png" alt="ok"></p>
      <table><tbody><tr><td><p>cell <img src="https://acme.atlassian.net/wiki/download/attachments/1/broken.png" alt="broken"></p></td></tr></tbody></table>
    </div>`;
    const root = document.getElementById('main-content') as Element;
    const result = await readPageWithImages(root, 'view', facts, async (images) => {
      const entries = Object.entries(images);
      const ok = entries.find(([, url]) => url.includes('ok.png'));
      const broken = entries.find(([, url]) => url.includes('broken.png'));
      expect(ok && broken).toBeTruthy();
      return {
        assets: {
          [ok?.[0] ?? '']: {
            mime: 'image/png',
            dataUrl: 'data:image/png;base64,AA==',
            width: 1,
            height: 1,
            sourceUrl: ok?.[1] ?? '',
          },
        },
        warnings: [{ kind: 'image-failed', message: 'Image not included: broken.png (404)' }],
      };
    });
    const images = imagesIn(result.page.blocks as Block[]);
    expect(images).toHaveLength(2);
    const [first, second] = images;
    expect(first?.asset).toBeDefined();
    expect(result.assets[first?.asset ?? '']).toBeDefined();
    expect(second?.asset).toBeUndefined();
    expect(result.warnings.map((w) => w.message)).toContain('Image not included: broken.png (404)');
    expect(result.warnings.every((w) => w.pageId === '1')).toBe(true);
  });
});
