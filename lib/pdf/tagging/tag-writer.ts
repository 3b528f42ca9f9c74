import { TAG_KEY, type StructMark } from '../../layout/tag';
import type { PdfKitDoc, PdfStructElement, PdfmakeInline } from '../renderer/pdfkit-types';

/** Property, on header/footer/background leaves, saying which kind of artifact they are. */
export const ARTIFACT_KEY = 'pdfArtifact';

const marksOf = (item: Record<string, unknown>): StructMark[] | undefined => {
  const marks = item[TAG_KEY];
  return Array.isArray(marks) && marks.length > 0 ? (marks as StructMark[]) : undefined;
};

const artifactOf = (item: Record<string, unknown>): string | null =>
  typeof item[ARTIFACT_KEY] === 'string' ? item[ARTIFACT_KEY] : null;

const linkOf = (inline: PdfmakeInline): string | undefined => {
  if (inline.link) return `url:${inline.link}`;
  if (inline.linkToDestination) return `dest:${inline.linkToDestination}`;
  if (typeof inline.linkToPage === 'number') return `page:${inline.linkToPage}`;
  return undefined;
};

/**
 * Builds the structure tree of one document while pdfmake renders it, item by item, in
 * pdfmake's order (which is the reading order: page by page, the flow top to bottom, table
 * cells row by row, columns left to right).
 *
 * - A marked item (text run or image carrying `pdfTag`, see lib/layout/tag.ts) is drawn inside
 *   a marked-content sequence with an MCID, added to the innermost element of its marks; the
 *   elements are created on first sight, under their parents, under one `Document` element.
 *   A paragraph broken over pages gets one sequence per line, all in the same element.
 * - A linked run becomes a `Link` element inside its element; consecutive runs with the same
 *   target share it. For URL links the annotation is attached to it as well (pdfkit's OBJR).
 * - Everything else (vectors: rules, borders, cell fills; list bullets; headers, footers,
 *   watermark; content pdfmake draws a second time, such as repeated table header rows) is an
 *   `Artifact`, so screen readers skip it.
 *
 * Marked-content sequences never span two render calls, so they nest properly with the
 * graphics-state saves pdfmake makes between items (clips, vertical alignment).
 */
export class TagWriter {
  private readonly root: PdfStructElement;
  private readonly elements = new Map<number, PdfStructElement>();
  private readonly seen = new WeakSet<object>();
  private open: 'none' | 'artifact' | 'content' = 'none';
  private openId: number | undefined;
  private artifactType: string | null = null;
  private link: { parent: number; target: string; element: PdfStructElement } | undefined;

  constructor(private readonly doc: PdfKitDoc) {
    this.root = doc.struct('Document', doc.options.lang ? { lang: doc.options.lang } : {});
    doc.addStructure(this.root);
  }

  /** Ends the open marked-content sequence, if any. */
  close(): void {
    if (this.open !== 'none') this.doc.endMarkedContent();
    this.open = 'none';
    this.openId = undefined;
  }

  /** Opens an artifact sequence (kept open if one of the same type already is). */
  artifact(type: string | null = null): void {
    if (this.open === 'artifact' && this.artifactType === type) return;
    this.close();
    this.doc.markContent('Artifact', type ? { type } : null);
    this.open = 'artifact';
    this.artifactType = type;
  }

  private element(marks: StructMark[]): { element: PdfStructElement; id: number } {
    let parent = this.root;
    let id = 0;
    for (const mark of marks) {
      let element = this.elements.get(mark.id);
      if (!element) {
        element = this.doc.struct(mark.tag, {
          ...(mark.alt ? { alt: mark.alt } : {}),
          ...(mark.scope ? { scope: mark.scope } : {}),
        });
        parent.add(element);
        this.elements.set(mark.id, element);
      }
      parent = element;
      id = mark.id;
    }
    return { element: parent, id };
  }

  private content(element: PdfStructElement, tag: string): void {
    this.close();
    element.add(this.doc.markStructureContent(tag));
    this.open = 'content';
  }

  /** True (and remembered) the first time an object is drawn. */
  private firstSight(item: object): boolean {
    if (this.seen.has(item)) return false;
    this.seen.add(item);
    return true;
  }

  /**
   * Before pdfmake draws one text run: opens the sequence it belongs in. Returns the Link
   * element the run's annotation should attach to, if any.
   */
  beforeInline(inline: PdfmakeInline): PdfStructElement | undefined {
    const marks = marksOf(inline);
    if (!marks || !this.firstSight(inline)) {
      this.link = undefined;
      this.artifact(artifactOf(inline));
      return undefined;
    }
    const { element, id } = this.element(marks);
    const target = linkOf(inline);
    if (target === undefined) {
      this.link = undefined;
      if (this.open !== 'content' || this.openId !== id) {
        this.content(element, marks[marks.length - 1]?.tag ?? 'P');
        this.openId = id;
      }
      return undefined;
    }
    if (!this.link || this.link.parent !== id || this.link.target !== target) {
      const linkElement = this.doc.struct('Link');
      element.add(linkElement);
      this.link = { parent: id, target, element: linkElement };
    }
    // A sequence per linked run: the Link element's content.
    this.content(this.link.element, 'Link');
    this.openId = -1;
    return inline.link ? this.link.element : undefined;
  }

  /** Before pdfmake draws an image or SVG. */
  beforeImage(node: Record<string, unknown>): void {
    const marks = marksOf(node);
    if (!marks || !this.firstSight(node)) {
      this.artifact(artifactOf(node));
      return;
    }
    const { element } = this.element(marks);
    this.content(element, marks[marks.length - 1]?.tag ?? 'Figure');
  }

  /** After the last page: every element is complete. */
  finish(): void {
    this.close();
    this.root.end();
  }
}
