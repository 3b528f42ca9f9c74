import type { PdfmakeInstance } from './build-pdf';

/**
 * pdfmake 0.3.11 cannot place a canvas taller than the space a fresh page (or column) leaves:
 * its page writer's `addCanvas` returns false, and LayoutBuilder.processCanvas then calls
 * `.forEach` on that false. The TypeError's text names a variable, which the minified browser
 * build renames, so it cannot be told from any other TypeError. This module makes the refusal
 * itself observable: the writer's `addCanvas` is wrapped to throw CanvasDoesNotFit instead.
 *
 * pdfmake exports neither its LayoutBuilder nor its writers, and the browser build is one
 * bundle, so the writer is found the same way in both builds (as lib/pdf/renderer/install.ts
 * finds the Renderer): ElementWriter.addCanvas walks a canvas it has placed with
 * `node.canvas.forEach(fn, this)`, so a probe canvas whose array has its own `forEach` is handed
 * the writer as `thisArg`. Upgrading pdfmake: tests/golden/pdfmake-internals.test.ts checks
 * these shapes.
 */
export class CanvasDoesNotFit extends Error {
  constructor() {
    super('pdfmake could not place a drawing in the space a fresh page leaves');
    this.name = 'CanvasDoesNotFit';
  }
}

/** The page writer's methods this module relies on. */
export interface CanvasWriterProto {
  addCanvas(this: unknown, node: unknown, index?: number): unknown;
  _fitOnPage?: unknown;
}

const GUARDED = Symbol.for('offprint.canvas-fit');

/** Instances already guarded (the probe build runs once per pdfmake instance). */
const guarding = new WeakMap<object, Promise<void>>();

/** Finds the prototype that defines pdfmake's page writer's `addCanvas` (see the module note). */
export async function findCanvasWriter(pdfmake: PdfmakeInstance): Promise<CanvasWriterProto> {
  let writer: object | undefined;
  const vectors = [{ type: 'line', x1: 0, y1: 0, x2: 1, y2: 0 }];
  Object.defineProperty(vectors, 'forEach', {
    value(this: unknown[], fn: (v: unknown, i: number, a: unknown[]) => void, thisArg?: unknown) {
      if (thisArg && typeof thisArg === 'object' && 'addCanvas' in thisArg) writer ??= thisArg;
      Array.prototype.forEach.call(this, fn, thisArg);
    },
  });
  await pdfmake.createPdf({ content: [{ canvas: vectors as never }] }).getBuffer();
  let proto: object | null = writer ? Object.getPrototypeOf(writer) : null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'addCanvas')) {
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  if (!proto || typeof (proto as CanvasWriterProto).addCanvas !== 'function') {
    throw new Error('pdfmake page writer not found (pdfmake upgraded?)');
  }
  return proto as CanvasWriterProto;
}

/**
 * Makes a canvas pdfmake cannot place throw CanvasDoesNotFit (idempotent per instance and per
 * prototype: the Node entry and the browser build each have their own writer class).
 */
export function guardCanvases(pdfmake: PdfmakeInstance): Promise<void> {
  let done = guarding.get(pdfmake);
  if (!done) {
    done = findCanvasWriter(pdfmake).then((proto) => {
      if (Object.prototype.hasOwnProperty.call(proto, GUARDED)) return;
      const { addCanvas } = proto;
      proto.addCanvas = function (this: unknown, node, index) {
        const placed = addCanvas.call(this, node, index);
        if (placed === false) throw new CanvasDoesNotFit();
        return placed;
      };
      Object.defineProperty(proto, GUARDED, { value: true });
    });
    done.catch(() => guarding.delete(pdfmake));
    guarding.set(pdfmake, done);
  }
  return done;
}
