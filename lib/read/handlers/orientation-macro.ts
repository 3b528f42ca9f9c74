/**
 * Scroll Exporter Extensions' (K15t) `scroll-landscape` / `scroll-portrait` macros: their body is
 * printed on pages of that orientation (a `section` block). Markup as for the page-break macro
 * (page-break-macro.ts); the body stands inside the macro's element.
 */
import type { Block } from '../../model/types';
import { macroSelector } from '../hidden-text';
import type { ReadState } from '../state';
import { readBlocks } from '../walk';

export const orientationMacros = macroSelector(['scroll-landscape', 'scroll-portrait']);

export function orientationMacro(state: ReadState, el: Element): Block[] {
  const name = el.getAttribute('data-macro-name') ?? el.getAttribute('data-extension-key');
  const orientation = name === 'scroll-portrait' ? 'portrait' : 'landscape';
  const blocks = readBlocks(state, el);
  return blocks.length ? [{ type: 'section', orientation, blocks }] : [];
}
