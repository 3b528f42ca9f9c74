/**
 * The walker: feeds a container's child nodes through the registry, collecting inline content
 * into paragraphs and handing constructs to their handlers.
 */
import { childBlocks } from '../model/block-tree';
import type { Align, Block, ImageBlock, Inline, Marks, TextInline } from '../model/types';
import { registry } from './handlers/index';
import type { ReadState } from './state';
import { collapse, is, isBlockTag, tag } from './util';

/** Reads the children of `parent` as blocks. */
export function readBlocks(state: ReadState, parent: Element): Block[] {
  const flow = new Flow(state, false);
  walkChildren(state, parent, flow);
  return flow.blocks();
}

/**
 * Reads the children of `parent` as inline content (whitespace collapsed, not trimmed: the
 * caller's paragraph trims). Blocks met on the way become runs separated by line breaks.
 */
export function readInlines(state: ReadState, parent: Element): Inline[] {
  const flow = new Flow(state, true);
  walkChildren(state, parent, flow);
  return flow.inlines();
}

/** Reads `parent` as inlines and tidies them as a paragraph would (for headings, titles, cells). */
export function readTidyInlines(state: ReadState, parent: Element): Inline[] {
  return tidyInlines(readInlines(state, parent));
}

/** Runs `fn` with `marks` added to the current marks. */
export function withMarks<T>(state: ReadState, marks: Marks, fn: () => T): T {
  const saved = state.marks;
  state.marks = { ...saved, ...marks };
  try {
    return fn();
  } finally {
    state.marks = saved;
  }
}

/** Runs `fn` with paragraphs aligned `align` (undefined keeps the current alignment). */
export function withAlign<T>(state: ReadState, align: Align | undefined, fn: () => T): T {
  if (align === undefined) return fn();
  const saved = state.align;
  state.align = align;
  try {
    return fn();
  } finally {
    state.align = saved;
  }
}

/** Runs `fn` with no marks and no alignment (a fresh block context, e.g. a table cell). */
export function fresh<T>(state: ReadState, fn: () => T): T {
  const { marks, align } = state;
  state.marks = {};
  state.align = undefined;
  try {
    return fn();
  } finally {
    state.marks = marks;
    state.align = align;
  }
}

/** Collects inline content and blocks in document order. */
export class Flow {
  private out: Block[] = [];
  private run: Inline[] = [];
  constructor(
    private readonly state: ReadState,
    private readonly inlineMode: boolean,
  ) {}

  text(text: string): void {
    if (!text) return;
    const node: TextInline = { type: 'text', text: collapse(text) };
    const marks = cleanMarks(this.state.marks);
    if (marks) node.marks = marks;
    this.run.push(node);
  }

  inline(items: Inline[]): void {
    this.run.push(...items);
  }

  block(items: Block[]): void {
    if (this.inlineMode) {
      this.boundary();
      const inl = blocksToInlines(items, (b) => this.state.lifted.push(b));
      if (inl.length) {
        this.run.push(...inl);
        this.boundary();
      }
      return;
    }
    // Blocks lifted while `items` were read belong after them, not after the paragraph before.
    this.flush(false);
    this.out.push(...items);
    this.placeLifted();
  }

  /** In a block flow: blocks lifted out of inline content read so far go here, after it. */
  private placeLifted(): void {
    if (this.inlineMode || this.state.lifted.length === 0) return;
    this.out.push(...this.state.lifted.splice(0));
  }

  /** A block boundary (`<div>`): ends the paragraph being collected. */
  boundary(): void {
    if (this.inlineMode) {
      const last = this.run[this.run.length - 1];
      if (last && last.type !== 'break' && hasContent(this.run)) this.run.push({ type: 'break' });
      return;
    }
    this.flush();
  }

  private flush(placeLifted = true): void {
    const inlines = tidyInlines(this.run);
    this.run = [];
    if (hasContent(inlines)) {
      const image = soleImage(this.state, inlines);
      if (image) this.out.push(image);
      else {
        const p: Block = { type: 'paragraph', inlines };
        if (this.state.align && this.state.align !== 'left') p.align = this.state.align;
        this.out.push(p);
      }
    }
    if (placeLifted) this.placeLifted();
  }

  blocks(): Block[] {
    this.flush();
    return this.out;
  }

  inlines(): Inline[] {
    const run = this.run;
    while (run.length && run[run.length - 1]?.type === 'break') run.pop();
    return run;
  }
}

/** Walks the child nodes of `parent` into `flow`. */
export function walkChildren(state: ReadState, parent: Element, flow: Flow): void {
  for (const node of Array.from(parent.childNodes)) walkNode(state, node, flow);
}

/**
 * Elements nested deeper than this are read as their plain text. A hostile page can build a
 * 10,000-deep DOM with script (the HTML parser stops at 512), which would overflow the stack;
 * and Chrome turns anything nested past 100 levels in `executeScript`'s result into null, which
 * broke the PDF build ("blocks is not iterable"). 40 elements make at most ~85 levels of model
 * JSON; real Confluence content is at most 17 elements deep (../shared/confluence-samples).
 */
const MAX_DEPTH = 40;
let depth = 0;

/** Routes one node through the registry. */
export function walkNode(state: ReadState, node: Node, flow: Flow): void {
  if (node.nodeType === 3 || node.nodeType === 4) {
    flow.text(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  if (depth >= MAX_DEPTH) {
    state.warn(el, 'Content nested too deeply was kept as plain text', 'too-deep');
    flow.text(el.textContent ?? '');
    return;
  }
  depth++;
  try {
    route(state, el, flow);
  } finally {
    depth--;
  }
}

/**
 * The registry's rules as lists, made on first use (route runs for every element of the page;
 * not at module load: the handlers import this module, so the registry is not there yet).
 */
function rules() {
  const blocks = Object.entries(registry.blocks);
  const inline = Object.entries(registry.inline);
  const useChildren = Object.entries(registry.useChildren);
  const fallback = Object.entries(registry.fallback);
  const ignore = Object.values(registry.ignore);
  // Every selector in one list: most elements (plain wrappers) match none of them.
  const any = [
    ...ignore,
    ...[...blocks, ...inline, ...fallback].map(([, rule]) => rule.match),
    ...useChildren.map(([, selector]) => selector),
  ].join(', ');
  return {
    ignore,
    blocks,
    inline,
    useChildren,
    fallback,
    any,
    anyParses: undefined as boolean | undefined,
  };
}
let RULES: ReturnType<typeof rules> | undefined;

/** False only when `el` matches no rule at all (true when in doubt). */
function mayMatchARule(el: Element, r: ReturnType<typeof rules>): boolean {
  if (r.anyParses === undefined) {
    try {
      el.matches(r.any);
      r.anyParses = true;
    } catch {
      // A selector this engine does not know: the rules are tried one by one, as always.
      r.anyParses = false;
    }
  }
  return !r.anyParses || el.matches(r.any);
}

function route(state: ReadState, el: Element, flow: Flow): void {
  RULES ??= rules();
  const { ignore, blocks, inline, useChildren, fallback } = RULES;
  if (!mayMatchARule(el, RULES)) {
    state.fallback(constructKey(el));
    childrenOf(state, el, flow);
    return;
  }
  const kept = state.keep !== undefined && is(el, state.keep) && !is(el, registry.ignore.hidden);
  if (!kept) for (const selector of ignore) if (is(el, selector)) return;

  for (const [name, rule] of blocks) {
    if (!is(el, rule.match)) continue;
    state.handled(name);
    flow.block(rule.read(state, el));
    return;
  }
  for (const [name, rule] of inline) {
    if (!('read' in rule) || !is(el, rule.match)) continue;
    state.handled(name);
    flow.inline(rule.read(state, el));
    return;
  }
  for (const [name, selector] of useChildren) {
    if (!is(el, selector)) continue;
    state.handled(name);
    childrenOf(state, el, flow);
    return;
  }
  for (const [name, rule] of fallback) {
    if (!is(el, rule.match)) continue;
    state.handled(name);
    const blocks = rule.read(state, el);
    // An inline macro (`span[data-macro-name]`) keeps its text in the running paragraph.
    if (!isBlockTag(el) && !hasBlockDescendant(el)) {
      flow.inline(
        blocksToInlines(
          blocks.flatMap((b) => (b.type === 'unsupported' ? b.blocks : [b])),
          (b) => state.lifted.push(b),
        ),
      );
    } else flow.block(blocks);
    return;
  }
  for (const [name, rule] of inline) {
    if (!('marks' in rule) || !is(el, rule.match)) continue;
    state.handled(name);
    const marks = rule.marks(state, el);
    withMarks(state, marks, () => walkChildren(state, el, flow));
    return;
  }
  state.fallback(constructKey(el));
  childrenOf(state, el, flow);
}

/** Reads `el`'s children into `flow`, with block boundaries around block-level elements. */
function childrenOf(state: ReadState, el: Element, flow: Flow): void {
  const block = isBlockTag(el);
  if (block) flow.boundary();
  walkChildren(state, el, flow);
  if (block) flow.boundary();
}

function hasBlockDescendant(el: Element): boolean {
  for (const d of Array.from(el.getElementsByTagName('*'))) if (isBlockTag(d)) return true;
  return false;
}

/** A name for stats: the macro or node type, else the first stable class, else the tag. */
export function constructKey(el: Element): string {
  const macro =
    el.getAttribute('data-macro-name') ??
    el.getAttribute('data-extension-key') ??
    el.getAttribute('data-node-type');
  if (macro) return macro;
  // Cloud's atomic CSS classes (`_1e0c1txw`, `css-1jke4yk`) say nothing about the construct.
  const cls = Array.from(el.classList).find((c) => !/^(_|css-)/.test(c));
  return cls ? `${tag(el)}.${cls}` : tag(el);
}

function cleanMarks(marks: Marks): Marks | undefined {
  const out: Marks = {};
  let any = false;
  for (const [k, v] of Object.entries(marks) as [keyof Marks, unknown][]) {
    if (v === undefined || v === false) continue;
    (out as Record<string, unknown>)[k] = v;
    any = true;
  }
  return any ? out : undefined;
}

/** True when the inlines hold something visible. */
export function hasContent(inlines: Inline[]): boolean {
  return inlines.some((i) =>
    i.type === 'text'
      ? i.text.trim() !== ''
      : i.type === 'link'
        ? hasContent(i.inlines)
        : i.type !== 'break',
  );
}

function sameMarks(a: Marks | undefined, b: Marks | undefined): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

/**
 * Paragraph tidying, as HTML renders: merges runs with equal marks, collapses spaces across
 * runs and links, trims the ends and around line breaks, drops empty runs and links.
 */
export function tidyInlines(input: Inline[]): Inline[] {
  const merged = merge(input);
  let space = true; // at the start, a leading space is dropped
  const walk = (list: Inline[]): void => {
    for (let i = 0; i < list.length; i++) {
      const it = list[i];
      if (!it) continue;
      if (it.type === 'text') {
        if (space) it.text = it.text.replace(/^ +/, '');
        if (it.text) space = it.text.endsWith(' ');
      } else if (it.type === 'link') {
        walk(it.inlines);
      } else if (it.type === 'break') {
        trimEnd(merged, it);
        space = true;
      } else if (it.type !== 'anchor') {
        space = false;
      }
    }
  };
  walk(merged);
  trimEnd(merged, undefined);
  const out = prune(merged);
  while (out[0]?.type === 'break') out.shift();
  while (out[out.length - 1]?.type === 'break') out.pop();
  return out;
}

function merge(list: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const it of list) {
    const prev = out[out.length - 1];
    if (it.type === 'text' && prev?.type === 'text' && sameMarks(prev.marks, it.marks)) {
      prev.text += it.text;
    } else if (it.type === 'link') {
      out.push({ ...it, inlines: merge(it.inlines) });
    } else {
      out.push(it.type === 'text' ? { ...it } : it);
    }
  }
  return out;
}

/** Removes trailing spaces of the text run before `stop` (or before the end). */
function trimEnd(root: Inline[], stop: Inline | undefined): void {
  const seq: Inline[] = [];
  const flatten = (list: Inline[]): boolean => {
    for (const it of list) {
      if (it === stop) return true;
      if (it.type === 'link') {
        if (flatten(it.inlines)) return true;
      } else seq.push(it);
    }
    return false;
  };
  flatten(root);
  for (let i = seq.length - 1; i >= 0; i--) {
    const it = seq[i];
    if (!it) continue;
    if (it.type === 'anchor') continue;
    if (it.type !== 'text') return;
    it.text = it.text.replace(/ +$/, '');
    if (it.text) return;
  }
}

function prune(list: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const it of list) {
    if (it.type === 'text' && it.text === '') continue;
    if (it.type === 'link') {
      const inner = prune(it.inlines);
      if (!inner.length) continue;
      out.push({ ...it, inlines: inner });
      continue;
    }
    out.push(it);
  }
  return out;
}

/** A paragraph holding only an image (or a linked image) is an image block. */
function soleImage(state: ReadState, inlines: Inline[]): ImageBlock | undefined {
  if (inlines.length !== 1) return undefined;
  const only = inlines[0];
  let href: string | undefined;
  let img: Inline | undefined = only;
  if (only?.type === 'link' && only.inlines.length === 1) {
    img = only.inlines[0];
    if (only.target.kind === 'url') href = only.target.url;
    else if (only.target.kind === 'page') href = only.target.url;
  }
  if (img?.type !== 'image') return undefined;
  const block: ImageBlock = { type: 'image' };
  if (img.asset !== undefined) block.asset = img.asset;
  if (img.width !== undefined) block.width = img.width;
  if (img.height !== undefined) block.height = img.height;
  if (img.alt !== undefined) block.alt = img.alt;
  const align = state.imageAlign.get(img) ?? state.align;
  if (align !== undefined) block.align = align;
  if (img.src !== undefined) block.src = img.src;
  if (href !== undefined) block.href = href;
  return block;
}

/**
 * Flattens blocks to inline runs separated by line breaks (for inline-only places). A table of
 * contents has no inline form: it goes to `lift`, to stand as a block after the inline place.
 */
export function blocksToInlines(blocks: Block[], lift?: (b: Block) => void): Inline[] {
  const out: Inline[] = [];
  const add = (items: Inline[]): void => {
    if (!items.length) return;
    if (out.length && out[out.length - 1]?.type !== 'break') out.push({ type: 'break' });
    out.push(...items);
  };
  const visit = (b: Block): void => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        add(b.inlines);
        break;
      case 'image': {
        const img: Inline = { type: 'image' };
        if (b.asset !== undefined) img.asset = b.asset;
        if (b.width !== undefined) img.width = b.width;
        if (b.height !== undefined) img.height = b.height;
        if (b.alt !== undefined) img.alt = b.alt;
        if (b.src !== undefined) img.src = b.src;
        add([img]);
        if (b.caption) add(b.caption);
        break;
      }
      case 'code':
        add([{ type: 'text', text: b.text, marks: { code: true } }]);
        break;
      case 'panel':
      case 'expand':
        if (b.title) add([{ type: 'text', text: b.title }]);
        break;
      case 'toc':
        lift?.(b);
        break;
      case 'list':
      case 'tasks':
      case 'decisions':
      case 'table':
      case 'quote':
      case 'section':
      case 'unsupported':
      case 'columns':
      case 'footnotes':
      case 'rule':
      case 'pageBreak':
        break;
      default: {
        const _exhaustive: never = b;
        void _exhaustive; // a type unknown to this build (a model made elsewhere) adds nothing
      }
    }
    childBlocks(b).forEach(visit);
  };
  blocks.forEach(visit);
  return out;
}

/** Reads the children of `parent` as blocks, skipping the child elements `skip` accepts. */
export function readBlocksExcept(
  state: ReadState,
  parent: Element,
  skip: (el: Element) => boolean,
): Block[] {
  const flow = new Flow(state, false);
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === 1 && skip(node as Element)) continue;
    walkNode(state, node, flow);
  }
  return flow.blocks();
}
