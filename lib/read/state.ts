/** The reading state handed to every handler. */
import type { Align, Block, ImageInline, Marks, Warning } from '../model/types';
import type { ReadContext } from './read-page';
import { modelColour } from '../model/colour';
import { absolute, shortId } from './util';

export interface ReadState {
  ctx: ReadContext;
  warnings: Warning[];
  /** Asset id -> absolute URL. */
  images: Record<string, string>;
  stats: { handled: Record<string, number>; fallback: Record<string, number> };
  /** Marks of the text being read (set by mark elements such as `<strong>`). */
  marks: Marks;
  /** Alignment of the paragraphs being read (Cloud alignment marks, aligned wrappers). */
  align: Align | undefined;
  /** View markup colours by `data-colorid` (Cloud export_view puts them in a `<style>`). */
  colorIds: Map<string, string>;
  /** Alignment of images read inline, used when a paragraph holding only an image becomes an image block. */
  imageAlign: WeakMap<ImageInline, Align>;
  /**
   * Blocks met where only inline content can stand (a TOC macro inside a heading): kept here and
   * placed after the block being read (lib/read/walk.ts).
   */
  lifted: Block[];
  /** Elements read even though an ignore rule names them (set by a handler for its content). */
  keep: string | undefined;
  /** Records a warning about `el`. */
  warn(el: Element, message: string, kind?: string): void;
  /** Counts an element read by the handler `name`. */
  handled(name: string): void;
  /** Counts an element read as its children because nothing handles it. */
  fallback(key: string): void;
  /** Resolves `src` against the page; returns the absolute URL or undefined. */
  resolve(src: string): string | undefined;
  /** Registers an image URL and returns its asset id (same URL -> same id). */
  asset(url: string): string;
}

/** Builds the state for reading `root`. */
export function createState(root: Element, ctx: ReadContext): ReadState {
  const state: ReadState = {
    ctx,
    warnings: [],
    images: {},
    stats: { handled: {}, fallback: {} },
    marks: {},
    align: undefined,
    colorIds: readColorIds(root),
    imageAlign: new WeakMap(),
    lifted: [],
    keep: undefined,
    warn(el, message, kind = 'unhandled-macro') {
      const w: Warning = { kind, message };
      if (ctx.pageId !== undefined) w.pageId = ctx.pageId;
      // One warning per distinct message is enough for "3 macros simplified".
      if (!state.warnings.some((x) => x.kind === w.kind && x.message === w.message)) {
        state.warnings.push(w);
      }
      void el;
    },
    handled(name) {
      state.stats.handled[name] = (state.stats.handled[name] ?? 0) + 1;
    },
    fallback(key) {
      state.stats.fallback[key] = (state.stats.fallback[key] ?? 0) + 1;
    },
    resolve(src) {
      return absolute(src, ctx.pageUrl);
    },
    asset(url) {
      const id = 'img-' + shortId(url);
      state.images[id] = url;
      return id;
    },
  };
  return state;
}

/**
 * Cloud's export_view (2025) colours text with `span[data-colorid=x]` and a `<style>` holding
 * `[data-colorid=x]{color:#ff5630}`; read those rules (light mode only) from the root's styles
 * and the document's.
 */
function readColorIds(root: Element): Map<string, string> {
  const map = new Map<string, string>();
  const styles = [
    ...Array.from(root.getElementsByTagName('style')),
    ...Array.from(root.ownerDocument.getElementsByTagName('style')),
  ];
  const rule = /(^|[^\]\w-])\[data-colorid=["']?([\w-]+)["']?\]\s*\{\s*color\s*:\s*([^;}]+)/g;
  for (const s of new Set(styles)) {
    const css = s.textContent ?? '';
    if (!css.includes('data-colorid')) continue;
    // Drop dark-mode rules (`html[data-color-mode=dark] [data-colorid=x]{...}`).
    const light = css.replace(
      /html\[data-color-mode=dark\]\s*\[data-colorid=[^\]]+\]\s*\{[^}]*\}/g,
      '',
    );
    for (const m of light.matchAll(rule)) {
      const c = modelColour(m[3]);
      if (m[2] && c && !map.has(m[2])) map.set(m[2], c);
    }
  }
  return map;
}
