import type { DocState, LayoutContext } from './context';

/**
 * Structure types of a tagged PDF (ISO 32000 standard structure types) that layout marks.
 * `Link` is not marked by layout: the renderer makes one around every linked text run.
 */
export type StructTag =
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'P'
  | 'L'
  | 'LI'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'
  | 'Caption'
  | 'Code'
  | 'BlockQuote'
  | 'Div';

/**
 * One structure element a piece of content belongs to. `id` is unique in one document
 * definition: the renderer makes one element per id, so every line and image carrying the same
 * mark (a paragraph broken over lines and pages) lands in the same element.
 */
export interface StructMark {
  tag: StructTag;
  id: number;
  /** Alternative text (Figure). */
  alt?: string;
  /** Header cell scope (TH). */
  scope?: 'Column' | 'Row';
}

/**
 * The property, on pdfmake text runs and image/SVG nodes, holding the marks from the outermost
 * element to the innermost (e.g. L, LI, LBody, P). pdfmake copies a text run's own properties
 * into the inlines it lays out and keeps image nodes as they are, so the marks reach the
 * renderer (lib/pdf/tagging) untouched. pdfmake itself ignores them.
 */
export const TAG_KEY = 'pdfTag';

type Node = Record<string, unknown>;

const counters = new WeakMap<DocState, number>();

function nextId(doc: DocState): number {
  const id = (counters.get(doc) ?? 0) + 1;
  counters.set(doc, id);
  return id;
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

type Visit = (leaf: Node) => void;

/** A string or number in a content array becomes a text node, so it can carry properties. */
function visitItem(v: unknown, visit: Visit, inRun: boolean): unknown {
  if (typeof v === 'string' || typeof v === 'number') {
    const node: Node = { text: String(v) };
    visit(node);
    return inRun ? node : { text: [node] };
  }
  visitLeaves(v, visit, inRun);
  return v;
}

function visitArray(items: unknown[], visit: Visit, inRun: boolean): void {
  for (let i = 0; i < items.length; i++) items[i] = visitItem(items[i], visit, inRun);
}

function visitLeaves(content: unknown, visit: Visit, inRun: boolean): void {
  if (Array.isArray(content)) {
    visitArray(content, visit, inRun);
    return;
  }
  if (!isNode(content)) return;
  if ('text' in content) {
    // Runs nested in a text array do not inherit their parent's properties (pdfmake #1174):
    // every run is visited itself. A text node's own properties reach its runs only as style,
    // so a node with a plain string gets one run to carry them.
    if (Array.isArray(content.text)) visitArray(content.text, visit, true);
    else if (inRun) visit(content);
    else {
      const run: Node = { text: content.text };
      visit(run);
      content.text = [run];
    }
    return;
  }
  if ('image' in content || 'svg' in content) {
    visit(content);
    return;
  }
  for (const key of ['stack', 'columns', 'ul', 'ol'] as const) {
    const items = content[key];
    if (Array.isArray(items)) visitArray(items, visit, false);
  }
  const table = content.table;
  if (isNode(table) && Array.isArray(table.body)) {
    for (const row of table.body as unknown[]) {
      if (Array.isArray(row)) visitArray(row, visit, false);
    }
  }
}

/**
 * Calls `visit` on every text run, image and SVG node under `content` (the objects the renderer
 * sees again as inlines and images), in document order; bare strings in content arrays are
 * replaced by text nodes first. Returns the content to use in place of `content`.
 */
export function forEachLeaf<T>(content: T, visit: (leaf: Record<string, unknown>) => void): T {
  return visitItem(content, visit, false) as T;
}

/** Puts `mark` in front of the marks of every leaf under `content` (see forEachLeaf). */
export function stampContent<T>(content: T, mark: StructMark): T {
  return forEachLeaf(content, (leaf) => {
    const marks = leaf[TAG_KEY];
    leaf[TAG_KEY] = Array.isArray(marks) ? [mark, ...(marks as StructMark[])] : [mark];
  });
}

/**
 * Marks `content` as one structure element of type `tag` (for tagged PDFs; see
 * lib/pdf/tagging). Marks nest: tagging a list after its items were tagged puts L outside LI.
 * Returns the content to use (a bare string becomes a text node). No-op when the preference
 * is off.
 */
export function tagContent<T>(
  content: T,
  tag: StructTag,
  ctx: LayoutContext,
  extra: { alt?: string; scope?: 'Column' | 'Row' } = {},
): T {
  if (!ctx.doc.prefs.taggedPdf) return content;
  return stampContent(content, { tag, id: nextId(ctx.doc), ...extra });
}
