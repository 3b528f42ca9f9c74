import type { Block } from '../../model/types';
import type { ReadState } from '../state';
import { cleanText, find, kids } from '../util';
import { readBlocks } from '../walk';
import { toc } from './toc';

/**
 * cloud (renderer 124–127): a macro the renderer has no view for is drawn as a placeholder, a
 * `div.ak-renderer-extension` showing only the macro's title (ADF `macroMetadata.title`), with no
 * extension key in the DOM. Such a macro is named by its title, or by its key when we read it.
 */
const PLACEHOLDER_TITLES: Record<string, string> = { 'Table of Contents': 'toc' };

/** The macro's name: view `data-macro-name`, Cloud `data-extension-key`, or the placeholder's. */
function macroName(el: Element): string | undefined {
  const named =
    el.getAttribute('data-macro-name') ??
    el.getAttribute('data-extension-key') ??
    find(el, '[data-extension-key]')?.getAttribute('data-extension-key');
  if (named) return named;
  const only = kids(el);
  if (only.length !== 1 || only[0]?.children.length !== 0) return undefined;
  const title = cleanText(only[0]);
  return PLACEHOLDER_TITLES[title] ?? (title || undefined);
}

/**
 * Any macro without a handler: view `[data-macro-name]`, Cloud extensions
 * (`div.ak-renderer-extension`, `[data-node-type=extension|bodiedExtension|inlineExtension]`,
 * `[data-extension-key]`). A Cloud placeholder for a macro we know is read as that macro (the TOC);
 * anything else keeps its visible content inside an `unsupported` block, and a warning names it.
 */
export function unsupportedMacro(state: ReadState, el: Element): Block[] {
  const name = macroName(el) ?? 'extension';
  if (name === 'toc') return toc(state, el);
  state.warn(el, `unhandled macro ${name}`);
  return [{ type: 'unsupported', name, blocks: readBlocks(state, el) }];
}
