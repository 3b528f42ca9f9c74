import type { Content, ContentText, Decoration } from 'pdfmake/interfaces';
import type { Inline, LinkTarget, Marks } from '../model/types';
import { modelColour } from '../model/colour';
import type { LayoutContext } from './context';
import { imageContent } from './blocks/image';
import { splitByFont } from './fonts';
import { isRtlText, visualLines } from './fonts-bidi';
import { COLOURS, LOZENGE_COLOURS } from './styles';

/** Style of one text run; everything optional so equal runs compare equal. */
interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  decoration?: Decoration | Decoration[];
  font?: string;
  fontSize?: number;
  color?: string;
  background?: string;
  sup?: boolean;
  sub?: boolean;
  link?: string;
  linkToDestination?: string;
}

interface Run extends RunStyle {
  text: string;
  /** Never joined with its neighbours (an emoji part: see FontRun.apart). */
  apart?: true;
}

/** Text node properties, plus the node id pdfmake accepts on any text (destinations). */
export type TextProps = Omit<ContentText, 'text'> & { id?: string };

type Piece = { kind: 'run'; run: Run } | { kind: 'image'; content: Content };

const NBSP = '\u00a0';
const SAFE_URL = /^(https?:|mailto:)/i;

/** Only web and mail links survive; `javascript:`, `file:`, relative junk become plain text. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  return SAFE_URL.test(trimmed) ? trimmed : undefined;
}

/** Resolves a link target to pdfmake link properties, or {} when it cannot be a link. */
export function resolveLink(
  target: LinkTarget,
  ctx: LayoutContext,
): { link?: string; linkToDestination?: string } {
  switch (target.kind) {
    case 'url': {
      const url = safeUrl(target.url);
      return url ? { link: url } : {};
    }
    case 'anchor': {
      const dest = ctx.dests.anchors.get(target.anchor);
      return dest ? { linkToDestination: dest } : {};
    }
    case 'page': {
      const dests = ctx.doc.pages.get(target.pageId);
      if (dests) {
        const dest = (target.anchor && dests.anchors.get(target.anchor)) || dests.titleDest;
        return { linkToDestination: dest };
      }
      const url = safeUrl(target.url);
      return url ? { link: url } : {};
    }
  }
}

function marksStyle(marks: Marks | undefined, baseSize: number): RunStyle {
  const s: RunStyle = {};
  if (!marks) return s;
  if (marks.bold) s.bold = true;
  if (marks.italic) s.italics = true;
  const deco: Decoration[] = [];
  if (marks.underline) deco.push('underline');
  if (marks.strike) deco.push('lineThrough');
  if (deco.length === 1 && deco[0]) s.decoration = deco[0];
  else if (deco.length > 1) s.decoration = deco;
  if (marks.code) {
    s.font = 'Mono';
    s.fontSize = Math.round(baseSize * 0.88 * 10) / 10;
    s.background = COLOURS.inlineCodeFill;
  }
  if (marks.sup) s.sup = true;
  else if (marks.sub) s.sub = true;
  const colour = modelColour(marks.colour);
  if (colour) s.color = colour;
  const background = modelColour(marks.background);
  if (background) s.background = background;
  return s;
}

function pieces(
  inlines: readonly Inline[],
  ctx: LayoutContext,
  base: RunStyle,
  baseSize: number,
  out: Piece[],
): void {
  // Each script in the font that has it (lib/layout/fonts.ts), already here because right-to-left
  // lines are measured with their fonts; the definition-wide pass leaves these runs as they are.
  const bodyFont = String(ctx.doc.theme.defaultStyle.font ?? 'Roboto');
  const push = (text: string, style: RunStyle): void => {
    if (!text) return;
    for (const part of splitByFont(text, style.font ?? base.font ?? bodyFont)) {
      const font = part.font !== undefined ? { font: part.font } : {};
      const apart = part.apart ? { apart: true as const } : {};
      out.push({ kind: 'run', run: { ...base, ...style, ...font, ...apart, text: part.text } });
    }
  };
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        // Tabs have no glyph in Roboto; Confluence shows them as whitespace.
        push(inline.text.replace(/\t/g, '    '), marksStyle(inline.marks, baseSize));
        break;
      case 'link': {
        const target = resolveLink(inline.target, ctx);
        const linkStyle: RunStyle = { ...base, ...target };
        if (target.link || target.linkToDestination) linkStyle.color = COLOURS.link;
        pieces(inline.inlines, ctx, linkStyle, baseSize, out);
        break;
      }
      case 'status': {
        const c = LOZENGE_COLOURS[inline.colour.toLowerCase()] ?? LOZENGE_COLOURS.neutral!;
        push(`${NBSP}${inline.text.toUpperCase()}${NBSP}`, {
          bold: true,
          fontSize: Math.round(baseSize * 0.78 * 10) / 10,
          color: c.text,
          background: inline.subtle ? '#ffffff' : c.fill,
        });
        break;
      }
      case 'mention':
        push(inline.name, { color: COLOURS.mention });
        break;
      case 'date':
        push(`${NBSP}${inline.text}${NBSP}`, {
          background: LOZENGE_COLOURS.neutral!.fill,
          color: COLOURS.text,
          fontSize: Math.round(baseSize * 0.9 * 10) / 10,
        });
        break;
      case 'emoji':
        // Drawn with Noto Emoji (monochrome outlines) through push; the reader gives the
        // character wherever the page identifies it (lib/read/handlers/emoji.ts).
        // TODO(2025-06-01): draw `asset` emoji images once inline images can sit in a line.
        push(inline.text, {});
        break;
      case 'image': {
        const content = imageContent(
          {
            ...(inline.asset !== undefined ? { asset: inline.asset } : {}),
            ...(inline.width !== undefined ? { width: inline.width } : {}),
            ...(inline.height !== undefined ? { height: inline.height } : {}),
            ...(inline.alt !== undefined ? { alt: inline.alt } : {}),
            ...(inline.src !== undefined ? { src: inline.src } : {}),
          },
          ctx,
          true,
        );
        out.push({ kind: 'image', content });
        break;
      }
      case 'break':
        push('\n', {});
        break;
      case 'anchor':
        // The destination is set on the enclosing paragraph (pdfmake ids are per text node).
        break;
      default: {
        // An inline type added to the model after this file: keep its text if it has one.
        const unknown = inline as { text?: unknown };
        if (typeof unknown.text === 'string') push(unknown.text, {});
      }
    }
  }
}

const styleKey = (r: Run): string => {
  const { text: _text, apart: _apart, ...style } = r;
  void _text;
  void _apart;
  return JSON.stringify(style, Object.keys(style).sort());
};

/** Adjacent runs with identical style become one (fewer pdfmake inlines, faster layout). */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  let lastKey = '';
  for (const run of runs) {
    const key = styleKey(run);
    const last = out[out.length - 1];
    if (last && key === lastKey && !run.apart && !last.apart) last.text += run.text;
    else {
      out.push({ ...run });
      lastKey = key;
    }
  }
  return out;
}

const asText = (runs: Run[]): ContentText['text'] =>
  runs.map((r) => {
    const { text, apart: _apart, ...style } = r;
    void _apart;
    return Object.keys(style).length === 0 ? text : { text, ...style };
  });

/**
 * A paragraph that is mostly Arabic or Hebrew: right-aligned (unless centred), its lines broken
 * here and laid in visual order (lib/layout/fonts-bidi.ts); undefined for any other paragraph.
 */
function rightToLeft(
  runs: Run[],
  ctx: LayoutContext,
  node: TextProps,
  baseSize: number,
): ContentText | undefined {
  if (!isRtlText(runs.map((r) => r.text).join(''))) return undefined;
  const alignment = node.alignment === 'center' ? 'center' : 'right';
  // Headings are bold through their style: widths are estimated bold.
  const style = typeof node.style === 'string' ? ctx.doc.theme.styles[node.style] : undefined;
  const bold = style?.bold === true;
  const lines = visualLines(
    runs.map((r) => (bold && r.bold === undefined ? { ...r, bold } : r)),
    ctx.width,
    baseSize,
  );
  return { ...node, alignment, text: asText(lines) } as ContentText;
}

/**
 * Inlines -> pdfmake text content. `node` props (style, margin, alignment, id, ...) are put on
 * the text node. Inline images cannot sit inside a pdfmake text line, so a run of text with
 * images becomes a stack: text, image, text.
 */
export function inlinesContent(
  inlines: readonly Inline[],
  ctx: LayoutContext,
  node: TextProps = {},
  opts: { baseSize?: number; base?: RunStyle } = {},
): Content {
  const out: Piece[] = [];
  pieces(inlines, ctx, opts.base ?? {}, opts.baseSize ?? ctx.fontSize, out);
  const images = out.filter((p) => p.kind === 'image');
  if (images.length === 0) {
    const runs = mergeRuns(out.map((p) => (p as { run: Run }).run));
    const rtl = rightToLeft(runs, ctx, node, opts.baseSize ?? ctx.fontSize);
    if (rtl) return rtl;
    // An empty paragraph keeps its line (Confluence shows blank paragraphs as space).
    return { ...node, text: runs.length > 0 ? asText(runs) : '' } as ContentText;
  }
  const stack: Content[] = [];
  let runs: Run[] = [];
  const flush = (): void => {
    const merged = mergeRuns(runs).filter((r) => r.text.trim() !== '' || r.text === '\n');
    if (merged.some((r) => r.text.trim() !== '')) stack.push({ text: asText(merged) });
    runs = [];
  };
  for (const p of out) {
    if (p.kind === 'run') runs.push(p.run);
    else {
      flush();
      stack.push(p.content);
    }
  }
  flush();
  const { id, margin, alignment, ...rest } = node;
  void rest;
  return {
    stack: stack.map((c) =>
      typeof c === 'object' && !Array.isArray(c) && alignment ? { ...c, alignment } : c,
    ),
    ...(id !== undefined ? { id } : {}),
    ...(margin !== undefined ? { margin } : {}),
    ...(node.style !== undefined ? { style: node.style } : {}),
  } as Content;
}
