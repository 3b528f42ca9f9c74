/**
 * The conservation check of every export: the words each model block owes (layout's ledger,
 * lib/layout/word-ledger.ts) against the words the renderer drew for it
 * (lib/pdf/renderer/drawn-words.ts). A shortfall is content the PDF silently lost; it becomes a
 * warning naming the page, the nearest heading and the block's first words.
 */
import type { Warning } from '../model/types';
import type { DrawnText } from '../pdf/renderer/drawn-words';
import {
  blockText,
  countWords,
  ledgerOf,
  type LedgerEntry,
  type WordLedger,
} from '../layout/word-ledger';

/** One block that drew fewer words than it holds. */
export interface Loss {
  entry: LedgerEntry;
  /** The words not drawn, one per missing occurrence, in the block's order. */
  missing: string[];
}

/** Result of one check: what was owed and what went missing. */
export interface Conservation {
  owed: number;
  lost: number;
  losses: Loss[];
}

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

/** Compares what every block owes with what it drew. */
export function checkConservation(ledger: WordLedger, drawn: DrawnText): Conservation {
  let owedTotal = 0;
  let lostTotal = 0;
  const losses: Loss[] = [];
  for (const [id, owed] of ledger.owedWords()) {
    if (owed.size === 0) continue;
    const parts = drawn.byBlock.get(id) ?? [];
    const have = countWords(parts.join('\n'));
    let squashed: string | undefined;
    const missing: string[] = [];
    for (const [word, n] of owed) {
      owedTotal += n;
      const short = n - (have.get(word) ?? 0);
      if (short <= 0) continue;
      // A long word (URL, identifier) broken over lines is drawn in pieces; a right-to-left
      // run may be drawn in visual order.
      squashed ??= parts.join('').normalize('NFC').toLowerCase().replace(/\s+/g, '');
      if (squashed.includes(word)) continue;
      if (RTL.test(word) && have.has([...word].reverse().join(''))) continue;
      for (let i = 0; i < short; i++) missing.push(word);
    }
    if (missing.length === 0) continue;
    lostTotal += missing.length;
    const entry = ledger.entries.get(id);
    if (entry) losses.push({ entry, missing });
  }
  return { owed: owedTotal, lost: lostTotal, losses };
}

/** At most this many blocks are named one by one; the rest are summed up in one warning. */
const NAMED_LOSSES = 20;

/** Warnings for the user, one per block that lost words (the first NAMED_LOSSES). */
export function lossWarnings(result: Conservation): Warning[] {
  const warnings: Warning[] = result.losses.slice(0, NAMED_LOSSES).map(({ entry, missing }) => ({
    kind: 'words-lost',
    message:
      `${missing.length} word${missing.length === 1 ? '' : 's'} of ${describe(entry)} ` +
      `on "${entry.pageTitle}"` +
      (entry.heading && entry.block.type !== 'heading' && entry.heading !== entry.pageTitle
        ? `, under "${entry.heading}"`
        : '') +
      ` did not reach the PDF: "${firstWords(entry)}" (missing: ${missing.slice(0, 8).join(' ')}` +
      `${missing.length > 8 ? ' …' : ''})`,
  }));
  const rest = result.losses.slice(NAMED_LOSSES);
  if (rest.length > 0) {
    const words = rest.reduce((n, loss) => n + loss.missing.length, 0);
    warnings.push({
      kind: 'words-lost',
      message: `${words} more words of ${rest.length} more blocks did not reach the PDF.`,
    });
  }
  return warnings;
}

const NAMES: Record<string, string> = {
  heading: 'a heading',
  paragraph: 'a paragraph',
  list: 'a list',
  tasks: 'a task list',
  decisions: 'a decision list',
  table: 'a table',
  code: 'a code block',
  panel: 'a panel',
  expand: 'an expand section',
  quote: 'a quote',
  image: 'an image caption',
  columns: 'a layout section',
  unsupported: 'a macro',
  footnotes: 'the footnotes',
};

function describe(entry: LedgerEntry): string {
  return NAMES[entry.block.type] ?? `a ${entry.block.type}`;
}

function firstWords(entry: LedgerEntry): string {
  const text = blockText(entry.block).replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 60).trimEnd()}…` : text;
}

/** The check of one build, for the user: its losses as warnings, and the totals. */
export interface ConservationReport {
  /** Words the model's blocks owed; 0 when the check could not run. */
  owed: number;
  lost: number;
  warnings: Warning[];
  /** Time the check took (ms), for the benchmark. */
  ms: number;
}

/**
 * The check for one built definition. A definition layout did not make, or a build whose
 * drawing was not counted, is itself a warning: the export cannot vouch for it.
 */
export function conservationReport(
  definition: object,
  drawn: DrawnText | undefined,
): ConservationReport {
  const started = performance.now();
  const ledger = ledgerOf(definition);
  if (!ledger || !drawn) {
    return {
      owed: 0,
      lost: 0,
      ms: 0,
      warnings: [
        { kind: 'words-unchecked', message: 'The PDF could not be checked for lost words.' },
      ],
    };
  }
  const result = checkConservation(ledger, drawn);
  const warnings = lossWarnings(result);
  return { owed: result.owed, lost: result.lost, warnings, ms: performance.now() - started };
}

/** The warnings of conservationReport. */
export function conservationWarnings(definition: object, drawn: DrawnText | undefined): Warning[] {
  return conservationReport(definition, drawn).warnings;
}
