/**
 * Scroll Exporter Extensions' (K15t) page-break macro `scroll-pagebreak`: the content after it
 * starts a new PDF page. view: `div.conf-macro[data-macro-name]` (REST body.view / export_view,
 * DC page DOM); cloud: the extension keyed `data-extension-key` (ADF `extensionKey`). Sources:
 * the second comment line of the fixtures tests/fixtures/read/*-page-break/input.html.
 */
import type { Block } from '../../model/types';
import { macroSelector } from '../hidden-text';
import type { ReadState } from '../state';

export const pageBreakMacros = macroSelector(['scroll-pagebreak']);

export function pageBreakMacro(_state: ReadState, _el: Element): Block[] {
  return [{ type: 'pageBreak' }];
}
