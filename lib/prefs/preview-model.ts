import type { Block, ExportModel, Inline, TableCell } from '../model/types';

/** Builders kept local: lib/model holds types only for this file's purposes. */
const t = (text: string, marks?: { bold?: boolean; italic?: boolean; code?: boolean }): Inline =>
  marks ? { type: 'text', text, marks } : { type: 'text', text };

const p = (...inlines: Inline[]): Block => ({ type: 'paragraph', inlines });

const cell = (text: string, header = false): TableCell => ({
  blocks: [p(t(text))],
  colspan: 1,
  rowspan: 1,
  header,
});

/**
 * The sample page the options page previews the preferences on: a typical Confluence release
 * page with a title, headings, a paragraph, a panel, a table and a code block.
 */
export const PREVIEW_MODEL: ExportModel = {
  title: 'Release 2.4 — Payments API',
  site: 'https://acme.atlassian.net/wiki',
  assets: {},
  warnings: [],
  pages: [
    {
      id: '98304',
      title: 'Release 2.4 — Payments API',
      url: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/98304',
      spaceKey: 'ENG',
      depth: 0,
      author: 'Ana Lima',
      updated: '2025-03-12T09:30:00Z',
      blocks: [
        { type: 'heading', level: 1, anchor: 'Overview', inlines: [t('Overview')] },
        p(
          t('Release 2.4 moves card payments to the new '),
          t('ledger service', { bold: true }),
          t(' and retires the v1 refund endpoint. Merchants on the '),
          t('legacy', { italic: true }),
          t(' plan are migrated automatically during the maintenance window on 18 March.'),
        ),
        {
          type: 'panel',
          kind: 'info',
          title: 'Before you deploy',
          blocks: [
            p(
              t('Run '),
              t('make migrate', { code: true }),
              t(' against staging first and check the reconciliation report.'),
            ),
          ],
        },
        { type: 'heading', level: 2, anchor: 'Changes', inlines: [t('Changes')] },
        {
          type: 'table',
          headerRows: 1,
          widths: [2, 1, 3],
          rows: [
            [cell('Component', true), cell('Owner', true), cell('Change', true)],
            [cell('ledger-service'), cell('Payments'), cell('New double-entry ledger')],
            [cell('refunds-api'), cell('Payments'), cell('v1 endpoint removed')],
            [cell('checkout-web'), cell('Web'), cell('Uses the v2 client')],
          ],
        },
        { type: 'heading', level: 2, anchor: 'Configuration', inlines: [t('Configuration')] },
        {
          type: 'code',
          language: 'yaml',
          title: 'ledger.yaml',
          text: 'ledger:\n  currency: EUR\n  batchSize: 500\n  retry:\n    attempts: 3\n    backoff: 2s',
        },
        p(t('Questions go to the #payments channel.')),
      ],
    },
  ],
};
