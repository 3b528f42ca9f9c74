import { b, code, i, link, page, type PageDef } from './dsl.ts';

export const OPERATIONS_PAGES: PageDef[] = [
  {
    id: 1200,
    title: 'Operations Runbooks',
    parent: 1000,
    author: 'cwei',
    updated: '2024-10-02T07:30:00.000Z',
    version: 5,
    blocks: [
      {
        p: [
          'Runbooks for the on-call engineer. Each one starts with the symptoms and ends with how to confirm recovery.',
        ],
      },
      {
        ul: [
          [page('Incident Response')],
          [page('Backup and Restore')],
          [page('Monitoring and Alerting')],
        ],
      },
      {
        panel: {
          kind: 'tip',
          blocks: [
            {
              p: [
                'Page the secondary on-call if you have not mitigated within ',
                b('30 minutes'),
                '.',
              ],
            },
          ],
        },
      },
    ],
  },
  {
    id: 1201,
    title: 'Incident Response',
    parent: 1200,
    author: 'cwei',
    updated: '2024-11-11T22:15:00.000Z',
    version: 21,
    blocks: [
      {
        panel: {
          kind: 'error',
          title: 'Sev 1',
          blocks: [
            {
              p: [
                'Customer-facing outage or data loss: open an incident channel ',
                b('immediately'),
                '.',
              ],
            },
          ],
        },
      },
      { h: 2, text: 'Severity levels' },
      {
        table: {
          header: true,
          widths: [90, 330, 160],
          rows: [
            ['Level', 'Definition', 'Response time'],
            [
              [{ status: 'Sev 1', colour: 'red' }],
              'Outage, data loss or security breach',
              '15 minutes',
            ],
            [
              [{ status: 'Sev 2', colour: 'yellow' }],
              'Degraded service for many customers',
              '1 hour',
            ],
            [
              [{ status: 'Sev 3', colour: 'grey' }],
              'Minor impact, workaround exists',
              'Next business day',
            ],
          ],
        },
      },
      { h: 2, text: 'First ten minutes' },
      {
        ol: [
          'Acknowledge the page',
          ['Open ', code('#inc-<date>-<topic>'), ' and name an incident commander'],
          'Post the first status update',
          'Mitigate before you investigate',
        ],
      },
      { h: 2, text: 'After the incident' },
      {
        p: [
          'Write a blameless postmortem within five working days. The template lives in ',
          page('Audit Log Requirements', 'the audit requirements'),
          ' appendix.',
        ],
      },
      { quote: [{ p: [i('Mitigate first, understand second, fix forever third.')] }] },
    ],
  },
  {
    id: 1202,
    title: 'Backup and Restore',
    parent: 1200,
    author: 'amoreau',
    updated: '2024-07-19T13:40:00.000Z',
    version: 8,
    attachments: ['datacentre-photo.jpg'],
    blocks: [
      {
        p: [
          'Databases are backed up nightly with point-in-time recovery for 14 days. Backups are encrypted and copied to a second region.',
        ],
      },
      { img: { file: 'datacentre-photo.jpg', width: 320, alt: 'Secondary data centre' } },
      { h: 2, text: 'Restore a database' },
      {
        code: {
          lang: 'bash',
          lineNumbers: true,
          text: 'export PGHOST=restore.db.internal\npg_restore --clean --if-exists \\\n  --dbname=orders \\\n  /backups/orders/2024-07-18.dump\npsql -c "select count(*) from orders"\n',
        },
      },
      {
        panel: {
          kind: 'warning',
          blocks: [
            {
              p: [
                'Restores overwrite the target. Double-check ',
                code('PGHOST'),
                ' before running.',
              ],
            },
          ],
        },
      },
      { h: 2, text: 'Restore drills' },
      {
        tasks: [
          { done: true, text: 'Q1 drill' },
          { done: true, text: 'Q2 drill' },
          { done: false, text: 'Q3 drill' },
        ],
      },
    ],
  },
  {
    id: 1203,
    title: 'Monitoring and Alerting',
    parent: 1200,
    author: 'bokafor',
    updated: '2024-09-09T10:05:00.000Z',
    version: 6,
    blocks: [
      {
        p: [
          'Every service exports RED metrics: ',
          b('r'),
          'ate, ',
          b('e'),
          'rrors and ',
          b('d'),
          'uration. Dashboards live in ',
          link('https://grafana.example.com/d/platform', 'Grafana'),
          '.',
        ],
      },
      { h: 2, text: 'Alert rules' },
      {
        code: {
          lang: 'yaml',
          title: 'alerts/orders.yaml',
          text: 'groups:\n  - name: orders\n    rules:\n      - alert: OrdersHighErrorRate\n        expr: sum(rate(http_requests_total{job="orders",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="orders"}[5m])) > 0.02\n        for: 10m\n        labels:\n          severity: page\n',
        },
      },
      { h: 2, text: 'Who gets paged' },
      {
        table: {
          header: true,
          rows: [
            ['Severity', 'Route'],
            ['page', 'Primary on-call, then secondary after 15 min'],
            ['ticket', 'Team backlog'],
          ],
        },
      },
    ],
  },
];
