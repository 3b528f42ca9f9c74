import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { TAG_KEY, forEachLeaf, stampContent } from '../../layout/tag';
import type { PdfmakeInstance } from '../build-pdf';
import type { PdfKitDoc, PdfmakeInline, RendererProto, RendererThis } from './pdfkit-types';
import { ARTIFACT_KEY, TagWriter } from '../tagging/tag-writer';
import { useObjectStreams, type PdfKitInternals } from '../object-streams';
import { bufferContent } from './content-buffer';
import { overrideMethods } from './override';
import { LineText } from './line-text';
import { startCounting, type DrawnText } from './drawn-words';

/**
 * What Offprint changes in pdfmake 0.3.11's rendering, without forking it: lean text drawing
 * (./line-text.ts), page content written once per page (./content-buffer.ts), plain objects in
 * compressed object streams (../object-streams.ts; the engine asks for PDF 1.5 at least), and
 * tagged (accessible) PDFs, below. None of it changes where anything is drawn.
 *
 * pdfmake's `tagged` flag only sets /MarkInfo; it emits no structure. pdfkit, underneath, has
 * the structure API. This module connects the two without forking pdfmake:
 *
 * 1. Layout marks content (lib/layout/tag.ts): every text run and image carries `pdfTag`, the
 *    list of structure elements it belongs to (e.g. Table > TR > TH > P). pdfmake carries those
 *    properties through to the inlines and image nodes it renders.
 * 2. `installRenderer` wraps four methods of pdfmake's Renderer prototype (renderPages,
 *    renderLine, renderImage/renderSVG, renderVector, renderWatermark). pdfmake does not export
 *    its Renderer, and the browser build is one bundle, so the prototype is found the same way
 *    in both builds: pdfmake calls its progress callback as a method of the renderer
 *    (`this.progressCallback(...)` in Renderer.renderPages), so one tiny render (a single
 *    vector, no fonts) with a callback reveals `Object.getPrototypeOf(this)`. The wrappers only
 *    act when the pdfkit document was created with `tagged: true`; otherwise they call through.
 * 3. `createPdf` of the same instance is wrapped so a tagged definition is prepared first: text
 *    that layout left unmarked (cover, contents) becomes one P per text node, header and footer
 *    leaves are marked as pagination artifacts.
 *
 * The wrappers do not change what is drawn, only add BDC/EMC operators around it and build
 * the structure tree with pdfkit (see TagWriter). Upgrading pdfmake: check that Renderer.js
 * still has these methods, calls `this.pdfDocument.text()` once per inline in renderLine, and
 * calls the progress callback as a method; tests/golden/pdf-tagged.test.ts fails otherwise.
 */

const INSTALLED = Symbol.for('offprint.tagging');

/** pdfmake instance methods the installer uses besides PdfmakeInstance's. */
interface Installable extends PdfmakeInstance {
  setProgressCallback(callback: ((this: unknown, progress: number) => void) | undefined): void;
  [INSTALLED]?: true;
}

const writers = new WeakMap<PdfKitDoc, TagWriter>();
/** The word count of the document being drawn (the conservation check). */
const counters = new WeakMap<PdfKitDoc, DrawnText>();

/** When the last document's drawing began and ended (performance.now()), for build phases. */
export const renderClock = { started: -1, ended: -1 };

function patch(proto: RendererProto): void {
  const { renderPages, renderLine, renderImage, renderSVG, renderVector, renderWatermark } = proto;

  proto.renderPages = function (this: RendererThis, pages) {
    const doc = this.pdfDocument;
    renderClock.started = performance.now();
    // The engine asks for PDF 1.5; a definition built around it (pdfmake used directly) keeps
    // pdfkit's classic layout.
    const internals = doc as unknown as PdfKitInternals;
    if (internals.version >= 1.5) useObjectStreams(internals);
    const content = bufferContent(doc);
    const drawn = startCounting(doc);
    counters.set(doc, drawn);
    const writer = doc.options.tagged ? new TagWriter(doc) : undefined;
    if (writer) writers.set(doc, writer);
    try {
      renderPages.call(this, pages);
    } finally {
      writer?.finish();
      writers.delete(doc);
      counters.delete(doc);
      content.flush();
      renderClock.ended = performance.now();
    }
  };

  proto.renderLine = function (this: RendererThis, line, x, y) {
    counters.get(this.pdfDocument)?.addLine(line.inlines);
    const text = new LineText(this.pdfDocument);
    text.attach();
    try {
      renderTaggedLine.call(this, line, x, y);
    } finally {
      text.detach();
    }
  };

  const renderTaggedLine = function (
    this: RendererThis,
    line: Parameters<RendererProto['renderLine']>[0],
    x: number,
    y: number,
  ): void {
    const doc = this.pdfDocument;
    const writer = writers.get(doc);
    if (!writer) return renderLine.call(this, line, x, y);
    // Backgrounds of text runs are drawn before the first run: decoration, an artifact.
    writer.artifact();
    // renderLine draws each inline with one doc.text() call, in order.
    const inlines: PdfmakeInline[] = line.inlines;
    let next = 0;
    const overrides = overrideMethods(doc, {
      text: (...args: unknown[]): unknown => {
        const inline = inlines[next++];
        const link = inline ? writer.beforeInline(inline) : undefined;
        const previous = doc._currentStructureElement;
        if (link) doc._currentStructureElement = link;
        try {
          return overrides.original('text')(...args);
        } finally {
          doc._currentStructureElement = previous;
        }
      },
    });
    try {
      renderLine.call(this, line, x, y);
    } finally {
      overrides.restore();
      writer.close();
    }
  };

  const wrapImage = (render: RendererProto['renderImage']): RendererProto['renderImage'] =>
    function (this: RendererThis, node) {
      const writer = writers.get(this.pdfDocument);
      if (!writer) return render.call(this, node);
      writer.beforeImage(node);
      try {
        render.call(this, node);
      } finally {
        writer.close();
      }
    };
  proto.renderImage = wrapImage(renderImage);
  proto.renderSVG = wrapImage(renderSVG);

  proto.renderVector = function (this: RendererThis, vector) {
    const writer = writers.get(this.pdfDocument);
    if (!writer) return renderVector.call(this, vector);
    writer.artifact();
    try {
      renderVector.call(this, vector);
    } finally {
      writer.close();
    }
  };

  proto.renderWatermark = function (this: RendererThis, page) {
    const writer = writers.get(this.pdfDocument);
    if (!writer) return renderWatermark.call(this, page);
    writer.artifact('Pagination');
    try {
      renderWatermark.call(this, page);
    } finally {
      writer.close();
    }
  };
}

/** Finds pdfmake's Renderer prototype by rendering one line segment (see the module note). */
async function findRenderer(pdfmake: Installable): Promise<RendererProto> {
  let proto: RendererProto | undefined;
  pdfmake.setProgressCallback(function (this: unknown) {
    if (this && typeof this === 'object') proto ??= Object.getPrototypeOf(this) as RendererProto;
  });
  try {
    await pdfmake
      .createPdf({ content: [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 1, y2: 0 }] }] })
      .getBuffer();
  } finally {
    pdfmake.setProgressCallback(undefined);
  }
  const methods = [
    'renderPages',
    'renderLine',
    'renderImage',
    'renderSVG',
    'renderVector',
    'renderWatermark',
  ] as const;
  if (!proto || !methods.every((m) => typeof proto?.[m] === 'function')) {
    throw new Error('tagged PDF: pdfmake renderer not found (pdfmake upgraded?)');
  }
  return proto;
}

let nextFallbackId = -1;

/** Marks what layout left unmarked, in a copy the engine owns (see the module note). */
export function prepareTagged(dd: TDocumentDefinitions): TDocumentDefinitions {
  const fallback = (content: unknown): unknown => {
    if (Array.isArray(content)) return content.map(fallback);
    if (!content || typeof content !== 'object') {
      return typeof content === 'string' ? fallback({ text: content }) : content;
    }
    const node = content as Record<string, unknown>;
    if ('text' in node) {
      let marked = false;
      forEachLeaf(node, (leaf) => {
        marked ||= Array.isArray(leaf[TAG_KEY]);
      });
      // Ids below zero never meet layout's (which count up from 1).
      return marked ? node : stampContent(node, { tag: 'P', id: nextFallbackId-- });
    }
    for (const key of ['stack', 'columns', 'ul', 'ol'] as const) {
      if (Array.isArray(node[key])) node[key] = (node[key] as unknown[]).map(fallback);
    }
    const table = node.table as { body?: unknown } | undefined;
    if (table && Array.isArray(table.body)) {
      table.body = (table.body as unknown[]).map((row) =>
        Array.isArray(row) ? row.map(fallback) : row,
      );
    }
    return node;
  };
  const artifacts =
    (part: unknown): unknown =>
    (...args: unknown[]) => {
      const made =
        typeof part === 'function' ? (part as (...a: unknown[]) => unknown)(...args) : part;
      return forEachLeaf(made, (leaf) => {
        leaf[ARTIFACT_KEY] = 'Pagination';
      });
    };
  const out = { ...dd, content: fallback(dd.content) } as TDocumentDefinitions;
  const parts = out as { header?: unknown; footer?: unknown };
  if (parts.header) parts.header = artifacts(parts.header);
  if (parts.footer) parts.footer = artifacts(parts.footer);
  return out;
}

/**
 * Makes `pdfmake` (a Node-entry or browser-build instance) write tagged PDFs for definitions
 * with `tagged: true`. Idempotent per instance; must run before the instance's progress
 * callback is used for anything else.
 */
export async function installRenderer(pdfmake: PdfmakeInstance): Promise<void> {
  const target = pdfmake as Installable;
  if (target[INSTALLED]) return;
  const proto = await findRenderer(target);
  if (!Object.prototype.hasOwnProperty.call(proto, INSTALLED)) {
    patch(proto);
    Object.defineProperty(proto, INSTALLED, { value: true });
  }
  const createPdf = target.createPdf.bind(target);
  target.createPdf = (dd) => createPdf(dd.tagged ? prepareTagged(dd) : dd);
  target[INSTALLED] = true;
}
