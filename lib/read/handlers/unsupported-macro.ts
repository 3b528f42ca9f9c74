import type { Block } from '../../model/types';
import type { ReadState } from '../state';
import { cleanText, find } from '../util';
import { readBlocks } from '../walk';

/**
 * Any macro without a handler: view `[data-macro-name]`, Cloud extensions
 * (`div.ak-renderer-extension`, `[data-node-type=extension|bodiedExtension|inlineExtension]`,
 * `[data-extension-key]`). Its visible content is kept inside an `unsupported` block, and a
 * warning names it.
 */
export function unsupportedMacro(state: ReadState, el: Element): Block[] {
  const name =
    el.getAttribute('data-macro-name') ??
    el.getAttribute('data-extension-key') ??
    find(el, '[data-extension-key]')?.getAttribute('data-extension-key') ??
    'extension';
  state.warn(el, `unhandled macro ${name}`);
  const blocks = readBlocks(state, el);
  void cleanText;
  return [{ type: 'unsupported', name, blocks }];
}
