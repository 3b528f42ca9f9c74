/**
 * Every build with its conservation check, and a second chance when words were lost.
 *
 * The ways pdfmake 0.3.11 is known to lose content by itself are a block it was told to keep
 * together (`unbreakable`, `keepWithHeaderRows`, `dontBreakRows`) that turns out taller than a
 * page, which it drops whole (upstream issue 2211), and repeated header rows that leave no room
 * on a page for the rows below them. Layout only keeps content together when
 * its estimate says it fits, but an estimate can be wrong; so when the check finds a loss, the
 * definition is built once more with nothing kept together, and that build is used if it lost
 * less. The user is told either way.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Warning } from '../model/types';
import type { BuildPhases, PdfEngine } from '../pdf/build-pdf';
import type { DrawnText } from '../pdf/renderer/drawn-words';
import { attachLedger, ledgerOf } from '../layout/word-ledger';
import { conservationReport, type ConservationReport } from './conservation';

/** A build and what its check found. */
export interface CheckedBuild {
  bytes: Uint8Array;
  report: ConservationReport;
  /** True when the second, loose build was used. */
  loosened: boolean;
}

export async function buildChecked(
  engine: PdfEngine,
  definition: TDocumentDefinitions,
  warn?: (message: string) => void,
  phases?: Partial<BuildPhases>,
): Promise<CheckedBuild> {
  const first = await buildOnce(engine, definition, warn, phases);
  if (first.report.lost === 0) return { ...first, loosened: false };
  const ledger = ledgerOf(definition);
  const loose = looseCopy(definition);
  if (ledger) attachLedger(loose, ledger);
  const second = await buildOnce(engine, loose, warn);
  if (second.report.lost >= first.report.lost) return { ...first, loosened: false };
  const notice: Warning = {
    kind: 'layout-loosened',
    message:
      `${first.report.lost - second.report.lost} words would have been lost in blocks kept ` +
      'together on one page; the PDF was typeset again without keeping blocks together.',
  };
  return {
    bytes: second.bytes,
    report: { ...second.report, warnings: [notice, ...second.report.warnings] },
    loosened: true,
  };
}

async function buildOnce(
  engine: PdfEngine,
  definition: TDocumentDefinitions,
  warn?: (message: string) => void,
  phases?: Partial<BuildPhases>,
): Promise<{ bytes: Uint8Array; report: ConservationReport }> {
  let drawn: DrawnText | undefined;
  const bytes = await engine.build(definition, warn, phases, (text) => (drawn = text));
  return { bytes, report: conservationReport(definition, drawn) };
}

/**
 * Properties that ask pdfmake to keep content together on one page, or to repeat it on every
 * page (repeated header rows of nested tables add up and crowd out the rows they head).
 */
const KEEP = new Set(['unbreakable', 'keepWithHeaderRows', 'dontBreakRows', 'headerRows']);

/** A copy of the definition's content without keep-together properties. */
export function looseCopy(definition: TDocumentDefinitions): TDocumentDefinitions {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (!value || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
    if (value instanceof Date) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!KEEP.has(k)) out[k] = copy(v);
    return out;
  };
  return { ...definition, content: copy(definition.content) as TDocumentDefinitions['content'] };
}
