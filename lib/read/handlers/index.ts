/**
 * THE registry: which handler reads which Confluence construct. Each group is checked in the
 * order written; inside a group the first match wins, so attribute and class rules come before
 * bare tags. The walker checks: ignore, blocks, inline (`read`), useChildren, fallback, then
 * inline marks; anything else is read as its children and counted in `stats.fallback`.
 */
import * as S from '../../confluence/selectors';
import type { Block, Inline, Marks } from '../../model/types';
import { EXCLUDED_FROM_EXPORT, EXPORT_ONLY, HIDDEN_TEXT } from '../hidden-text';
import type { ReadState } from '../state';
import { alignment } from './alignment';
import { anchor } from './anchor';
import { attachments } from './attachments';
import { blockCard } from './block-card';
import { blockquote } from './blockquote';
import { breakStyle, breakStyled } from './break-style';
import { codeBlock } from './code-block';
import { columns } from './columns';
import { date } from './date';
import { decisionList } from './decision-list';
import { embeddedFile } from './embedded-file';
import { emoji } from './emoji';
import { expand } from './expand';
import { footnotes } from './footnotes';
import { heading } from './heading';
import { image } from './image';
import { inlineCard } from './inline-card';
import { jiraIssue } from './jira-issue';
import { lineBreak } from './line-break';
import { link } from './link';
import { list } from './list';
import { listing, listingMacros } from './listing';
import { mediaSingle } from './media-single';
import { mention } from './mention';
import { orientationMacro, orientationMacros } from './orientation-macro';
import { pageBreakMacro, pageBreakMacros } from './page-break-macro';
import { panel } from './panel';
import { paragraph } from './paragraph';
import { rule } from './rule';
import { status } from './status';
import { table } from './table';
import { taskList } from './task-list';
import { textMarks } from './text-marks';
import { toc } from './toc';
import { unsupportedMacro } from './unsupported-macro';

export type BlockHandler = (state: ReadState, el: Element) => Block[];
export type InlineHandler = (state: ReadState, el: Element) => Inline[];
export type MarksHandler = (state: ReadState, el: Element) => Marks;

export interface BlockRule {
  match: string;
  read: BlockHandler;
}
export type InlineRule =
  { match: string; read: InlineHandler } | { match: string; marks: MarksHandler };

const or = (...selectors: string[]): string => selectors.join(', ');

export const registry = {
  /** Never content: scripts, hidden elements, content excluded from exports, chrome, buttons. */
  ignore: {
    nonRendered: S.nonRendered,
    controls: S.controls,
    hidden: HIDDEN_TEXT,
    excludedFromExport: EXCLUDED_FROM_EXPORT,
    viewChrome: S.viewChrome,
    cloudChrome: S.cloudChrome,
    graphics: S.graphics,
  } satisfies Record<string, string>,

  /** Constructs read as blocks (macros by attribute or class first, plain tags last). */
  blocks: {
    breakStyle: { match: breakStyled, read: breakStyle },
    pageBreak: { match: pageBreakMacros, read: pageBreakMacro },
    orientation: { match: orientationMacros, read: orientationMacro },
    toc: { match: S.toc, read: toc },
    listing: { match: listingMacros, read: listing },
    codeBlock: { match: or(S.cloudCode, S.viewCode), read: codeBlock },
    panel: { match: or(S.cloudPanel, S.viewInfoMacro, S.viewPanel), read: panel },
    expand: { match: or(S.cloudExpand, S.viewExpand), read: expand },
    taskList: { match: or(S.cloudTaskList, S.viewTaskList), read: taskList },
    decisionList: { match: S.decisionList, read: decisionList },
    columns: { match: or(S.cloudLayoutSection, S.viewLayoutSection), read: columns },
    mediaSingle: { match: S.cloudMedia, read: mediaSingle },
    blockCard: { match: or(S.cloudBlockCard, S.viewBlockCard), read: blockCard },
    attachments: { match: S.attachments, read: attachments },
    footnotes: { match: S.footnotes, read: footnotes },
    alignment: { match: S.cloudAlignment, read: alignment },
    heading: { match: S.heading, read: heading },
    paragraph: { match: S.paragraph, read: paragraph },
    list: { match: S.list, read: list },
    table: { match: S.table, read: table },
    blockquote: { match: S.blockquote, read: blockquote },
    rule: { match: S.rule, read: rule },
    preformatted: { match: S.pre, read: codeBlock },
  } satisfies Record<string, BlockRule>,

  /** Inline constructs (`read`), and text marks (`marks`, checked last: their children follow). */
  inline: {
    jiraIssue: { match: S.jiraIssue, read: jiraIssue },
    status: { match: S.status, read: status },
    mention: { match: S.mention, read: mention },
    date: { match: S.date, read: date },
    emoji: { match: S.emoji, read: emoji },
    inlineCard: { match: S.inlineCard, read: inlineCard },
    embeddedFile: { match: S.embeddedFile, read: embeddedFile },
    anchor: { match: S.anchor, read: anchor },
    image: { match: S.image, read: image },
    lineBreak: { match: S.lineBreak, read: lineBreak },
    link: { match: S.link, read: link },
    textMarks: { match: S.markElements, marks: textMarks },
  } satisfies Record<string, InlineRule>,

  /** Wrappers whose children are read in their place. */
  useChildren: {
    tableWrapper: S.tableWrappers,
    layout: S.viewLayout,
    transparentMacro: S.transparentMacros,
    imageWrapper: S.viewImageWrapper,
    cloudWrapper: S.cloudWrappers,
    exportOnly: EXPORT_ONLY,
  } satisfies Record<string, string>,

  /** Macros nothing else handles: kept as `unsupported` with their visible content, and a warning. */
  fallback: {
    unsupportedMacro: { match: or(S.anyMacro, S.cloudExtension), read: unsupportedMacro },
  } satisfies Record<string, BlockRule>,
};
