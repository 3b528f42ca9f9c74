// @vitest-environment jsdom
/**
 * The reader over real Confluence markup (../shared/confluence-samples, skipped when absent):
 * a content root is found, reading throws nothing, and ≥ 99% of the words visible in the root
 * survive in the model (multiset recall).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findContentRoot } from '../../lib/read/find-content-root';
import { modelText } from '../../lib/read/model-text';
import { readPage } from '../../lib/read/read-page';

const SAMPLES = join(__dirname, '../../../shared/confluence-samples');
const FOLDERS = ['view', 'cloud-dom'] as const;

/**
 * What a reader sees: the root's text without non-rendered and hidden elements, UI controls,
 * and the TOC macro's list (it repeats the headings; the model renders a `toc` block instead).
 * Independent of the reader's own selectors on purpose.
 */
const NOT_VISIBLE = [
  'script, style, noscript, template',
  '[hidden], .hidden, [aria-hidden="true"], .aui-icon',
  'button, input, select, textarea, form, fieldset, label',
  '.toc-macro',
  'svg',
  '.plugin_attachments_upload_container, .attachment-buttons',
].join(', ');

function visibleText(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  for (const el of Array.from(copy.querySelectorAll(NOT_VISIBLE))) el.remove();
  // Block boundaries separate words even without whitespace between tags.
  for (const el of Array.from(
    copy.querySelectorAll('p, div, li, td, th, br, h1, h2, h3, h4, h5, h6, tr'),
  )) {
    el.append(copy.ownerDocument.createTextNode(' '));
  }
  return copy.textContent ?? '';
}

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
}

/** Multiset recall of `reference` words in `candidate`, plus the missing words. */
function recall(reference: string[], candidate: string[]): { recall: number; missing: string[] } {
  const bag = new Map<string, number>();
  for (const w of candidate) bag.set(w, (bag.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of reference) {
    const n = bag.get(w) ?? 0;
    if (n > 0) bag.set(w, n - 1);
    else missing.push(w);
  }
  return { recall: reference.length ? 1 - missing.length / reference.length : 1, missing };
}

const files = FOLDERS.flatMap((folder) => {
  const dir = join(SAMPLES, folder);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .map((f) => ({ folder, file: f, path: join(dir, f) }))
    : [];
});

describe.skipIf(files.length === 0)('reader over real Confluence samples', () => {
  test.each(files)('$folder/$file', ({ folder, file, path }) => {
    const pageUrl = `https://example.atlassian.net/wiki/spaces/DOC/pages/1/${encodeURIComponent(file)}`;
    const doc = new DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/html');
    const found = findContentRoot(doc);
    expect(found, 'content root').not.toBeNull();
    if (!found) return;
    expect(found.flavour).toBe(folder === 'cloud-dom' ? 'cloud' : 'view');
    const result = readPage(found.root, {
      pageUrl,
      flavour: found.flavour,
    });
    const r = recall(words(visibleText(found.root)), words(modelText(result.blocks)));
    console.log(
      `${folder}/${file}: recall ${(r.recall * 100).toFixed(2)}%` +
        (r.missing.length ? ` missing ${JSON.stringify(r.missing.slice(0, 15))}` : '') +
        `\n  handled ${JSON.stringify(result.stats.handled)}\n  fallback ${JSON.stringify(result.stats.fallback)}`,
    );
    expect(r.recall).toBeGreaterThanOrEqual(0.99);
  });
});
