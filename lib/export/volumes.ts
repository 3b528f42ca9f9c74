/**
 * Volumes: a long multi-page export split into several PDFs, built one after the other, so the
 * builder's memory (pdfmake keeps the whole laid-out document) stays bounded by a volume's size
 * instead of growing with the export. Pages are never split; a volume ends before the page that
 * would take it over the budget. Links to a page in another volume point at Confluence.
 */
import type { Block, ExportModel, Inline, PageModel, Warning } from '../model/types';
import type { Prefs } from '../prefs/schema';
import { pageGeometry } from '../layout/units';
import { forEachAssetRef } from '../read/asset-refs';
import { inlineText } from '../read/model-text';
import { walkBlocks } from '../model/block-tree';

/** How many PDF pages a volume may hold (estimated), and how much text fits on one. */
export interface VolumeBudget {
  maxPages: number;
  /** Body-text characters on one line, and lines on one page, at the preferences' sizes. */
  charsPerLine: number;
  linesPerPage: number;
  /** Height of one body line, in points. */
  lineHeightPt: number;
}

/** The budget for these preferences; undefined when volumes are off (`volumePages` 0). */
export function volumeBudget(prefs: Prefs): VolumeBudget | undefined {
  if (prefs.volumePages <= 0) return undefined;
  const { textWidth, textHeight } = pageGeometry(prefs);
  // Average glyph width of a proportional font is about half its size; lines are ~1.4 em.
  const lineHeightPt = prefs.fontSize * 1.4;
  return {
    maxPages: prefs.volumePages,
    charsPerLine: Math.max(20, Math.floor(textWidth / (prefs.fontSize * 0.5))),
    linesPerPage: Math.max(10, Math.floor(textHeight / lineHeightPt)),
    lineHeightPt,
  };
}

const wrapped = (text: string, perLine: number): number =>
  text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);

const inlineLines = (inlines: Inline[], perLine: number): number =>
  wrapped(inlineText(inlines), perLine);

/** Estimated body-text lines a block takes at `perLine` characters per line. */
function blockLines(
  block: Block,
  perLine: number,
  budget: VolumeBudget,
  headings: readonly number[],
): number {
  const blocks = (list: Block[], width = perLine): number =>
    list.reduce((n, b) => n + blockLines(b, width, budget, headings), 0);
  switch (block.type) {
    case 'heading':
      return 1 + inlineLines(block.inlines, Math.max(8, perLine / 1.5)) * 1.5;
    case 'paragraph':
      return 0.5 + inlineLines(block.inlines, perLine);
    case 'list':
      return block.items.reduce((n, item) => n + blocks(item, perLine - 4), 0.5);
    case 'tasks':
    case 'decisions':
      return block.items.reduce((n, item) => n + blocks(item.blocks, perLine - 4), 0.5);
    case 'table': {
      const columns = Math.max(1, ...block.rows.map((row) => row.length));
      const cellWidth = Math.max(6, perLine / columns);
      return block.rows.reduce(
        (n, row) => n + 0.6 + Math.max(1, ...row.map((cell) => blocks(cell.blocks, cellWidth))),
        1,
      );
    }
    case 'code':
      // Monospaced glyphs are wider (0.6 em) and set a little smaller.
      return 2 + wrapped(block.text, Math.max(10, perLine * 0.75));
    case 'panel':
    case 'expand':
      return 2 + (block.title ? 1 : 0) + blocks(block.blocks, perLine - 4);
    case 'quote':
    case 'unsupported':
      return 1 + blocks(block.blocks, perLine - 4);
    case 'section':
      return budget.linesPerPage / 2 + blocks(block.blocks, perLine);
    case 'image': {
      // CSS pixels are 0.75 pt; an image of unknown size counts as a third of a page.
      const height = block.height
        ? Math.ceil((block.height * 0.75) / budget.lineHeightPt)
        : budget.linesPerPage / 3;
      return 1 + Math.min(budget.linesPerPage, height) + (block.caption ? 1 : 0);
    }
    case 'columns': {
      const width = Math.max(8, perLine / Math.max(1, block.columns.length));
      return Math.max(0, ...block.columns.map((column) => blocks(column, width)));
    }
    case 'footnotes':
      return block.items.reduce((n, item) => n + blocks(item.blocks, perLine), 1);
    case 'pageBreak':
      return budget.linesPerPage / 2;
    case 'toc':
      // One line per heading of the page it lists.
      return 1 + headings.filter((level) => level <= (block.maxLevel ?? 6)).length;
    case 'rule':
      return 1;
    default: {
      const _exhaustive: never = block;
      void _exhaustive; // a type unknown to this build (a model made elsewhere) counts one line
      return 1;
    }
  }
}

/** Estimated PDF pages of one Confluence page (its title and metadata line included). */
export function estimatePdfPages(page: PageModel, budget: VolumeBudget): number {
  const headings: number[] = [];
  walkBlocks(page.blocks, (b) => {
    if (b.type === 'heading') headings.push(b.level);
  });
  const lines =
    4 + page.blocks.reduce((n, b) => n + blockLines(b, budget.charsPerLine, budget, headings), 0);
  return Math.max(1, Math.ceil(lines / budget.linesPerPage));
}

/**
 * The export as one model per volume, in page order. One volume (the model itself) when volumes
 * are off, when there is a single page, or when everything fits. A volume's title says which it
 * is; it carries its pages' assets and warnings; warnings about no page in particular, or about
 * pages that were not exported, go to the first volume (its "not exported" appendix).
 */
export function splitVolumes(model: ExportModel, budget: VolumeBudget | undefined): ExportModel[] {
  if (!budget || model.pages.length < 2) return [model];
  const groups: PageModel[][] = [];
  let current: PageModel[] = [];
  let pages = 0;
  for (const page of model.pages) {
    const estimate = estimatePdfPages(page, budget);
    if (current.length > 0 && pages + estimate > budget.maxPages) {
      groups.push(current);
      [current, pages] = [[], 0];
    }
    current.push(page);
    pages += estimate;
  }
  groups.push(current);
  if (groups.length === 1) return [model];

  const volumeOf = new Map<string, number>();
  groups.forEach((group, i) => group.forEach((page) => volumeOf.set(page.id, i)));
  const warnings: Warning[][] = groups.map(() => []);
  for (const warning of model.warnings) {
    const at = warning.pageId === undefined ? undefined : volumeOf.get(warning.pageId);
    warnings[at ?? 0]?.push(warning);
  }
  return groups.map((group, i) => {
    const used = new Set<string>();
    for (const page of group) forEachAssetRef(page.blocks, (node) => used.add(node.asset));
    const volume: ExportModel = {
      ...model,
      title: `${model.title} (volume ${i + 1} of ${groups.length})`,
      pages: group,
      assets: Object.fromEntries(Object.entries(model.assets).filter(([id]) => used.has(id))),
      warnings: warnings[i] ?? [],
    };
    return volume;
  });
}
