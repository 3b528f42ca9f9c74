import { overrideMethods } from './override';
import type { PdfKitDoc } from './pdfkit-types';
import { mapRtlLigatures } from './rtl-ligatures';

/** Options pdfmake 0.3.11's Renderer.renderLine passes to `doc.text()` for one inline. */
interface InlineTextOptions {
  textWidth?: number;
  characterSpacing?: number;
  link?: string | number | null;
  goTo?: string;
  destination?: string;
  features?: string[];
}

interface Glyph {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** A link area being collected: consecutive words of one link on a line become one. */
interface LinkSpan {
  target: unknown;
  x: number;
  y: number;
  w: number;
  h: number;
  structParent: unknown;
}

type LinkKind = 'link' | 'goTo';

/** A TJ array being written: consecutive inlines of the same font, colour and baseline. */
interface Run {
  parts: string[];
  /** Where the pen stands after the last glyph (pdfkit's top-down user space). */
  penX: number;
  baseline: number;
}

const num = (n: number): string => {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

const COLOUR_DIGITS = 10_000;
const colourPart = (n: number): string => String(Math.round(n * COLOUR_DIGITS) / COLOUR_DIGITS);

/**
 * Draws the text of one laid-out line the short way. pdfmake's renderLine calls, per inline,
 * `opacity()`, `fill(colour)` (which also paints an empty path), then pdfkit's `text()`, which
 * writes a complete `q cm BT Tm Tf TJ ET Q` block and measures the string again. On a 500-page
 * document that is most of the content stream and a third of the build time.
 *
 * While attached (for one renderLine call) this intercepts those three methods and writes one
 * text object for the line: `Tf`, colour and opacity only when they change, and consecutive
 * inlines that continue each other on the same baseline in one TJ array. The text matrix
 * `1 0 0 -1 x y` undoes the page's top-down flip, so no `cm` (and no q/Q) is needed inside.
 * Named destinations and glyph subsetting go through pdfkit exactly as its `text()` does; links
 * too, but pdfmake asks for one link annotation per word: the words of one link that follow each
 * other on a line get one annotation (one link for screen readers, and fewer objects).
 *
 * Any other content operator arriving while the text object is open (pdfmake's decorations,
 * the tagger's marked-content operators) closes it first, so every operator stays where PDF
 * allows it and marked content nests with text objects as it did before.
 */
export class LineText {
  private textOpen = false;
  private writing = false;
  private run: Run | undefined;
  private current = { font: '', size: -1, colour: '', opacity: -1, spacing: 0 };
  private pendingColour: unknown = 'black';
  private pendingOpacity = 1;
  private overrides: ReturnType<typeof overrideMethods> | undefined;
  private readonly addContent: (op: string) => unknown;
  private readonly spans: Record<LinkKind, LinkSpan | undefined> = {
    link: undefined,
    goTo: undefined,
  };

  constructor(private readonly doc: PdfKitDoc) {
    this.addContent = doc.addContent.bind(doc);
  }

  attach(): void {
    this.overrides = overrideMethods(this.doc, {
      text: (text: unknown, x: number, y: number, options: InlineTextOptions) => {
        this.text(String(text), x, y, options ?? {});
        return this.doc;
      },
      fill: (colour?: unknown, rule?: unknown) => {
        // renderLine's fill(colour) only sets the colour; fill() after a path still paints.
        if (colour === undefined || typeof rule !== 'undefined' || /odd|zero/.test(String(colour)))
          return this.overrides?.original('fill')(colour, rule);
        this.pendingColour = colour;
        return this.doc;
      },
      opacity: (opacity: unknown) => {
        this.pendingOpacity = typeof opacity === 'number' ? Math.max(0, Math.min(1, opacity)) : 1;
        return this.doc;
      },
      addContent: (op: string) => {
        if (!this.writing) this.closeText();
        return this.addContent(op);
      },
    });
  }

  /** Ends the open text object and gives the document its own methods back. */
  detach(): void {
    this.flushSpan('link');
    this.flushSpan('goTo');
    this.closeText();
    this.overrides?.restore();
    this.overrides = undefined;
  }

  private write(op: string): void {
    this.writing = true;
    try {
      this.addContent(op);
    } finally {
      this.writing = false;
    }
  }

  private flushRun(): void {
    if (!this.run) return;
    this.write(`[${this.run.parts.join(' ')}] TJ`);
    this.run = undefined;
  }

  private closeText(): void {
    if (!this.textOpen) return;
    this.flushRun();
    // Character spacing is graphics state: it would outlive the text object.
    this.write(this.current.spacing !== 0 ? '0 Tc\nET' : 'ET');
    this.textOpen = false;
  }

  private text(raw: string, x: number, y: number, options: InlineTextOptions): void {
    const text = raw.replace(/\n/g, '');
    if (text.length === 0) return;
    const doc = this.doc;
    const font = doc._font;
    const size = doc._fontSize;
    const spacing = options.characterSpacing ?? 0;
    this.annotate(text, x, y, options);
    doc.page.fonts[font.id] ??= font.ref();

    const [encoded, glyphs] = font.encode(text, options.features) as [string[], Glyph[]];
    mapRtlLigatures(font as { unicode?: number[][] }, text, encoded);
    const ops: string[] = [];
    if (!this.textOpen) {
      this.flushRun();
      ops.push('BT');
      this.textOpen = true;
      this.current = { font: '', size: -1, colour: '', opacity: -1, spacing: 0 };
    }
    if (this.pendingOpacity !== this.current.opacity) {
      this.flushRun();
      this.emit(ops);
      this.writing = true;
      try {
        // pdfkit's own ExtGState registry: one /GsN per opacity, added to the page resources.
        (doc as unknown as { _doOpacity(f: number, s: number): void })._doOpacity(
          this.pendingOpacity,
          this.pendingOpacity,
        );
      } finally {
        this.writing = false;
      }
      this.current.opacity = this.pendingOpacity;
    }
    const colour = this.colourOp(this.pendingColour);
    if (colour !== this.current.colour) {
      this.flushRun();
      if (colour.startsWith('/')) {
        this.emit(ops);
        this.writing = true;
        try {
          (doc as unknown as { fillColor(c: unknown): void }).fillColor(this.pendingColour);
        } finally {
          this.writing = false;
        }
      } else ops.push(colour);
      this.current.colour = colour;
    }
    if (font.id !== this.current.font || size !== this.current.size) {
      this.flushRun();
      ops.push(`/${font.id} ${num(size)} Tf`);
      this.current.font = font.id;
      this.current.size = size;
    }
    if (spacing !== this.current.spacing) {
      this.flushRun();
      ops.push(`${num(spacing)} Tc`);
      this.current.spacing = spacing;
    }

    const baseline = y + (font.ascender / 1000) * size;
    const scale = size / 1000;
    const offsets = glyphs.some((g) => g.xOffset || g.yOffset);
    const gap = this.run ? x - this.run.penX : 0;
    const continues =
      this.run !== undefined &&
      ops.length === 0 &&
      !offsets &&
      spacing === 0 &&
      this.run.baseline === baseline &&
      Math.abs(gap) < 0.01;
    if (!continues) {
      if (this.run) {
        ops.unshift(`[${this.run.parts.join(' ')}] TJ`);
        this.run = undefined;
      }
      ops.push(`1 0 0 -1 ${num(x)} ${num(baseline)} Tm`);
    }
    this.emit(ops);

    if (offsets) {
      this.writeWithOffsets(encoded, glyphs, x, baseline, scale);
      return;
    }
    const run = this.run ?? { parts: [], penX: x, baseline };
    let last = 0;
    let pen = x;
    for (let i = 0; i < glyphs.length; i++) {
      const g = glyphs[i] as Glyph;
      pen += g.xAdvance * scale + spacing;
      const kern = g.xAdvance - g.advanceWidth;
      if (kern !== 0 || i === glyphs.length - 1) {
        const hex = encoded.slice(last, i + 1).join('');
        const previous = run.parts.length - 1;
        // Glyphs right after glyphs (no adjustment between) join the same string.
        if (run.parts[previous]?.endsWith('>')) {
          run.parts[previous] = `${run.parts[previous]?.slice(0, -1) ?? ''}${hex}>`;
        } else run.parts.push(`<${hex}>`);
        if (kern !== 0) run.parts.push(num(-kern));
        last = i + 1;
      }
    }
    run.penX = pen;
    this.run = run;
  }

  /** Glyphs placed off the pen (combining marks): a text matrix for each such glyph. */
  private writeWithOffsets(
    encoded: string[],
    glyphs: Glyph[],
    x: number,
    baseline: number,
    scale: number,
  ): void {
    const ops: string[] = [];
    let pen = x;
    let moved = false;
    for (let i = 0; i < glyphs.length; i++) {
      const g = glyphs[i] as Glyph;
      if (g.xOffset || g.yOffset) {
        ops.push(
          `1 0 0 -1 ${num(pen + g.xOffset * scale)} ${num(baseline - g.yOffset * scale)} Tm`,
        );
        moved = true;
      } else if (moved) {
        ops.push(`1 0 0 -1 ${num(pen)} ${num(baseline)} Tm`);
        moved = false;
      }
      const kern = g.xAdvance - g.advanceWidth;
      ops.push(`[<${encoded[i] ?? ''}>${kern !== 0 ? ` ${num(-kern)}` : ''}] TJ`);
      pen += g.xAdvance * scale + this.current.spacing;
    }
    this.write(ops.join('\n'));
  }

  private emit(ops: string[]): void {
    if (ops.length === 0) return;
    this.write(ops.join('\n'));
    ops.length = 0;
  }

  /** `r g b rg` / `c m y k k` for plain colours; `/…` marks colours only pdfkit can set. */
  private colourOp(colour: unknown): string {
    const parts = this.doc._normalizeColor(colour);
    if (Array.isArray(parts) && parts.every((p) => typeof p === 'number')) {
      if (parts.length === 3) return `${parts.map(colourPart).join(' ')} rg`;
      if (parts.length === 4) return `${parts.map(colourPart).join(' ')} k`;
    }
    return `/pdfkit ${String(colour)}`;
  }

  /** Link annotations and destinations of one inline, as pdfkit's text() makes them. */
  private annotate(text: string, x: number, y: number, options: InlineTextOptions): void {
    const doc = this.doc;
    const hasLink = options.link !== null && options.link !== undefined;
    if (!hasLink) this.flushSpan('link');
    if (options.goTo === undefined) this.flushSpan('goTo');
    if (!hasLink && options.goTo === undefined && options.destination === undefined) return;
    const spacing = options.characterSpacing ?? 0;
    const area = {
      x,
      y,
      w: (options.textWidth ?? 0) + spacing * (text.length - 1),
      h: doc.currentLineHeight(),
    };
    if (hasLink) {
      const structure = doc._currentStructureElement as
        { dictionary?: { data?: { S?: string } } } | undefined;
      const structParent = structure?.dictionary?.data?.S === 'Link' ? structure : undefined;
      this.addSpan('link', { ...area, target: options.link, structParent });
    }
    if (options.goTo !== undefined)
      this.addSpan('goTo', { ...area, target: options.goTo, structParent: undefined });
    if (options.destination !== undefined)
      doc.addNamedDestination(options.destination, 'XYZ', x, y, null);
  }

  /** Extends the open span of this kind when `next` continues it, or starts a new one. */
  private addSpan(kind: LinkKind, next: LinkSpan): void {
    const open = this.spans[kind];
    if (
      open &&
      open.target === next.target &&
      open.structParent === next.structParent &&
      Math.abs(open.y - next.y) < 0.01 &&
      Math.abs(open.h - next.h) < 0.01 &&
      Math.abs(open.x + open.w - next.x) < 0.5
    ) {
      open.w = next.x + next.w - open.x;
      return;
    }
    this.flushSpan(kind);
    this.spans[kind] = next;
  }

  private flushSpan(kind: LinkKind): void {
    const span = this.spans[kind];
    if (!span) return;
    this.spans[kind] = undefined;
    const { x, y, w, h, target, structParent } = span;
    if (kind === 'goTo') this.doc.goTo(x, y, w, h, String(target));
    else this.doc.link(x, y, w, h, target, structParent ? { structParent } : {});
  }
}
