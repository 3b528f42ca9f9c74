// The "bench" page family: one long Confluence page of N PDF pages, made of the sample's own
// realistic pages (prose, tables, code, panels, lists, properties) repeated, with one image about
// every three PDF pages. Served by bench/routes.ts; measured by scripts/bench.ts.
import type { Block, PageDef, Text } from '../content/dsl.ts';
import { COMPLIANCE_PAGES } from '../content/pages-compliance.ts';
import { ENGINEERING_PAGES } from '../content/pages-engineering.ts';
import { OPERATIONS_PAGES } from '../content/pages-operations.ts';

/** Page ids of the bench family: BENCH_BASE_ID + the number of PDF pages asked for. */
export const BENCH_BASE_ID = 800_000;
/** Largest bench page served (PDF pages). */
export const BENCH_MAX_PAGES = 5000;

/** Images cycled through, one per unit with an image (all in images/library.ts). */
export const BENCH_IMAGES = [
  'architecture-diagram.png',
  'datacentre-photo.jpg',
  'banner.png',
  'offprint-logo.svg',
] as const;

// Calibrated against Offprint's default layout (A4, 10.5 pt): one unit (one template page, its
// headings numbered) is about this many PDF pages; an image goes into every IMAGE_EVERY-th unit.
const PDF_PAGES_PER_UNIT = 0.56;
const IMAGE_EVERY = 5;

const TEMPLATES: PageDef[] = [...ENGINEERING_PAGES, ...OPERATIONS_PAGES, ...COMPLIANCE_PAGES];

/** Drops what only makes sense once per page (TOC, the attachments list, excerpts). */
function keep(block: Block): boolean {
  return !('toc' in block) && !('attachments' in block) && !('excerpt' in block);
}

const numbered = (prefix: string, t: Text): Text =>
  typeof t === 'string' ? `${prefix} ${t}` : [`${prefix} `, ...t];

/** Heading texts get the unit's number so anchors stay unique on the long page. */
function renumber(block: Block, prefix: string): Block {
  return 'h' in block ? { ...block, text: numbered(prefix, block.text) } : block;
}

function unit(n: number): Block[] {
  const template = TEMPLATES[n % TEMPLATES.length] as PageDef;
  const body = template.blocks
    .filter(keep)
    // The template's own images stay out: the bench places its images at a steady rate.
    .filter((b) => !('img' in b))
    .map((b) => renumber(b, `${n + 1}.`));
  const out: Block[] = [{ h: 1, text: `${n + 1}. ${template.title}` }, ...body];
  if (n % IMAGE_EVERY === 0) {
    const file = BENCH_IMAGES[(n / IMAGE_EVERY) % BENCH_IMAGES.length] as string;
    out.splice(Math.min(3, out.length), 0, {
      img: { file, alt: `Figure ${n + 1}`, caption: `Figure ${n + 1}: ${file}`, align: 'center' },
    });
  }
  return out;
}

/** `count` bench units from unit `first` on (the tree family's pages are made of them too). */
export function benchUnits(count: number, first = 0): Block[] {
  return Array.from({ length: count }, (_, n) => unit(first + n)).flat();
}

/** The bench page asking for about `pdfPages` PDF pages, or undefined outside the family. */
export function benchPage(pdfPages: number): PageDef | undefined {
  if (!Number.isInteger(pdfPages) || pdfPages < 1 || pdfPages > BENCH_MAX_PAGES) return undefined;
  const units = Math.max(1, Math.round(pdfPages / PDF_PAGES_PER_UNIT));
  return {
    id: BENCH_BASE_ID + pdfPages,
    title: `Bench ${pdfPages}`,
    parent: 1000,
    author: 'jdoe',
    updated: '2024-12-01T10:00:00.000Z',
    version: 1,
    attachments: [...BENCH_IMAGES],
    blocks: benchUnits(units),
  };
}

export const benchPageById = (id: number): PageDef | undefined =>
  id > BENCH_BASE_ID ? benchPage(id - BENCH_BASE_ID) : undefined;
