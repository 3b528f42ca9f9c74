import * as S from '../../confluence/selectors';
import type { Block, PanelBlock, PanelKind } from '../../model/types';
import type { ReadState } from '../state';
import { modelColour } from '../../model/colour';
import { cleanText, find, is, kids, styleOf } from '../util';
import { readBlocks, readBlocksExcept } from '../walk';

/**
 * View information macros are named differently from Cloud panels: the DC "note" macro is
 * yellow, the DC "warning" macro is red (Cloud calls red "error"), "tip" is green.
 */
const VIEW_KINDS: Record<string, PanelKind> = {
  'confluence-information-macro-information': 'info',
  'confluence-information-macro-note': 'note',
  'confluence-information-macro-warning': 'error',
  'confluence-information-macro-tip': 'tip',
};

const CLOUD_KINDS: Record<string, PanelKind> = {
  info: 'info',
  note: 'note',
  warning: 'warning',
  success: 'success',
  error: 'error',
  tip: 'tip',
  custom: 'custom',
};

/**
 * Panels. View: `div.confluence-information-macro-{information,note,warning,tip}` (title in
 * `.title` / `.confluence-information-macro-title`, body in `.confluence-information-macro-body`)
 * and the generic `div.panel` (`.panelHeader`, `.panelContent`, colours in `style`). Cloud:
 * `div.ak-editor-panel[data-panel-type]`, custom ones with `data-panel-color` and
 * `data-panel-icon-text`.
 */
export function panel(state: ReadState, el: Element): Block[] {
  if (is(el, S.cloudPanel)) return [cloudPanel(state, el)];
  if (is(el, S.viewInfoMacro)) return [infoMacro(state, el)];
  return [genericPanel(state, el)];
}

function cloudPanel(state: ReadState, el: Element): PanelBlock {
  const kind = CLOUD_KINDS[el.getAttribute('data-panel-type') ?? ''] ?? 'custom';
  const body = find(el, '.ak-editor-panel__content') ?? el;
  const block: PanelBlock = { type: 'panel', kind, blocks: readBlocks(state, body) };
  if (kind === 'custom') {
    const bg = modelColour(el.getAttribute('data-panel-color'));
    if (bg) block.colour = bg;
    const icon =
      el.getAttribute('data-panel-icon-text') ??
      find(el, '.ak-editor-panel__icon [data-emoji-text]')?.getAttribute('data-emoji-text');
    if (icon) block.icon = icon;
  }
  return block;
}

function infoMacro(state: ReadState, el: Element): PanelBlock {
  let kind: PanelKind = 'info';
  for (const c of Array.from(el.classList)) kind = VIEW_KINDS[c] ?? kind;
  const titleEl = find(el, '.confluence-information-macro-title, p.title');
  const body = find(el, '.confluence-information-macro-body');
  const blocks = body ? readBlocks(state, body) : readBlocks(state, el);
  const block: PanelBlock = { type: 'panel', kind, blocks };
  const title = cleanText(titleEl);
  if (title) block.title = title;
  return block;
}

function genericPanel(state: ReadState, el: Element): PanelBlock {
  const header = kids(el).find((c) => c.classList.contains('panelHeader'));
  const content = kids(el).find((c) => c.classList.contains('panelContent'));
  const blocks = content
    ? readBlocks(state, content)
    : readBlocksExcept(state, el, (c) => c === header);
  const block: PanelBlock = { type: 'panel', kind: 'custom', blocks };
  const title = cleanText(header);
  if (title) block.title = title;
  const bg =
    modelColour(styleOf(content ?? el)['background-color']) ??
    modelColour(styleOf(el)['background-color']);
  if (bg) block.colour = bg;
  return block;
}
