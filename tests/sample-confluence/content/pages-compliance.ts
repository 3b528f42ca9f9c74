import { b, code, page, type PageDef } from './dsl.ts';

export const COMPLIANCE_PAGES: PageDef[] = [
  {
    id: 1300,
    title: 'Compliance',
    parent: 1000,
    author: 'amoreau',
    updated: '2024-06-03T09:00:00.000Z',
    version: 3,
    blocks: [
      { excerpt: [{ p: ['Policies that keep us aligned with ISO 27001 and SOC 2.'] }] },
      {
        ul: [
          [page('Data Retention Policy')],
          [page('Access Control Policy')],
          [page('Audit Log Requirements')],
        ],
      },
    ],
  },
  {
    id: 1301,
    title: 'Data Retention Policy',
    parent: 1300,
    author: 'amoreau',
    updated: '2024-05-14T15:30:00.000Z',
    version: 11,
    attachments: ['retention-schedule.csv'],
    // Policies are owned by Compliance: readers may not attach files (uploads answer 403).
    readOnly: true,
    blocks: [
      {
        properties: [
          ['Owner', [{ mention: 'amoreau' }]],
          ['Status', [{ status: 'Approved', colour: 'green' }]],
          ['Review date', [{ date: '2025-05-14' }]],
          ['Classification', 'Internal'],
        ],
      },
      { h: 2, text: 'Purpose' },
      {
        p: [
          'This policy sets how long each class of record is kept and how it is destroyed at the end of its life.',
        ],
      },
      { h: 2, text: 'Retention schedule' },
      {
        table: {
          header: true,
          numbered: true,
          rows: [
            ['Record', 'Retention', 'Disposal'],
            ['Audit logs', '7 years', 'Crypto-shred'],
            ['Invoices', '10 years', 'Secure delete'],
            ['Support tickets', '3 years', 'Anonymise'],
            ['Application logs', '90 days', 'Expire'],
          ],
        },
      },
      { attachments: true },
      {
        panel: {
          kind: 'note',
          blocks: [{ p: ['Legal holds ', b('override'), ' this schedule.'] }],
        },
      },
    ],
  },
  {
    id: 1302,
    title: 'Access Control Policy',
    parent: 1300,
    author: 'bokafor',
    updated: '2024-08-28T12:10:00.000Z',
    version: 6,
    blocks: [
      { h: 2, text: 'Principles' },
      {
        ol: [
          'Least privilege',
          'Separation of duties',
          {
            text: 'Access is reviewed quarterly',
            sub: { ul: ['Managers confirm each grant', 'Unconfirmed grants are revoked'] },
          },
        ],
      },
      { h: 2, text: 'Roles' },
      {
        table: {
          header: true,
          rows: [
            ['Role', 'Production read', 'Production write'],
            ['Engineer', { body: 'Yes', bg: '#e3fcef' }, { body: 'No', bg: '#ffebe6' }],
            ['SRE', { body: 'Yes', bg: '#e3fcef' }, { body: 'Break-glass only', bg: '#fffae6' }],
          ],
        },
      },
      {
        code: {
          lang: 'json',
          title: 'policy.json',
          text: '{\n  "role": "sre",\n  "allow": ["prod:read"],\n  "breakGlass": ["prod:write"]\n}\n',
        },
      },
      {
        p: [
          'Break-glass use is logged as described in ',
          page('Audit Log Requirements'),
          '; grant it with ',
          code('access grant --break-glass'),
          '.',
        ],
      },
    ],
  },
  {
    id: 1303,
    title: 'Audit Log Requirements',
    parent: 1300,
    author: 'cwei',
    updated: '2024-09-17T17:45:00.000Z',
    version: 5,
    blocks: [
      { h: 2, text: 'What to log' },
      {
        ul: [
          'Authentication events',
          'Privilege changes',
          'Access to personal data',
          'Configuration changes in production',
        ],
      },
      { h: 2, text: 'Event format' },
      {
        code: {
          lang: 'json',
          text: '{\n  "ts": "2024-09-17T17:45:00Z",\n  "actor": "bokafor",\n  "action": "grant",\n  "target": "prod:write",\n  "reason": "INC-4211"\n}\n',
        },
      },
      { h: 2, text: 'Postmortem template' },
      {
        expand: {
          title: 'Template',
          blocks: [{ ol: ['Summary', 'Impact', 'Timeline', 'Root cause', 'Actions'] }],
        },
      },
    ],
  },
  {
    id: 1304,
    title: 'Security Incident Postmortem 2024-03',
    parent: 1300,
    author: 'amoreau',
    updated: '2024-03-30T10:00:00.000Z',
    version: 2,
    restricted: true,
    blocks: [{ p: ['Restricted content.'] }],
  },
];
