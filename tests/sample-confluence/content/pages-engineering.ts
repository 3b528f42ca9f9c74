import { b, code, i, link, page, type PageDef } from './dsl.ts';

export const ENGINEERING_PAGES: PageDef[] = [
  {
    id: 1100,
    title: 'Engineering Handbook',
    parent: 1000,
    author: 'amoreau',
    updated: '2024-11-04T09:12:00.000Z',
    version: 7,
    labels: ['handbook'],
    blocks: [
      {
        p: [
          'How the platform team designs, builds, reviews and ships software. Start with ',
          page('Architecture Overview'),
          ', then read the ',
          page('Coding Standards'),
          '.',
        ],
      },
      {
        panel: {
          kind: 'info',
          blocks: [
            {
              p: [
                'This handbook is ',
                b('normative'),
                ' for every repository owned by the platform team.',
              ],
            },
          ],
        },
      },
      { h: 2, text: 'Sections' },
      {
        ul: [
          [page('Architecture Overview')],
          [page('Coding Standards')],
          [page('Code Review Checklist')],
          [page('Release Process')],
        ],
      },
      { h: 2, text: 'Ownership' },
      {
        table: {
          header: true,
          rows: [
            ['Area', 'Owner', 'Channel'],
            ['Architecture', [{ mention: 'amoreau' }], '#arch'],
            ['Tooling', [{ mention: 'bokafor' }], '#dev-tools'],
            ['Releases', [{ mention: 'cwei' }], '#releases'],
          ],
        },
      },
    ],
  },
  {
    id: 1101,
    title: 'Architecture Overview',
    parent: 1100,
    author: 'amoreau',
    updated: '2024-10-21T14:03:00.000Z',
    version: 12,
    attachments: ['architecture-diagram.png'],
    blocks: [
      { toc: true },
      { h: 2, text: 'Context' },
      {
        p: [
          'The platform is a set of ',
          b('stateless services'),
          ' behind an API gateway, with one ',
          i('system of record'),
          ' per bounded context. Services talk over HTTP/JSON inside the mesh and publish domain events to the message bus.',
        ],
      },
      {
        img: {
          file: 'architecture-diagram.png',
          width: 640,
          alt: 'Service architecture',
          caption: 'Figure 1: request flow through the gateway',
          align: 'center',
        },
      },
      { h: 2, text: 'Components' },
      {
        table: {
          header: true,
          widths: [180, 300, 200],
          rows: [
            ['Component', 'Responsibility', 'Technology'],
            ['API gateway', 'Authentication, rate limiting, routing', 'Envoy'],
            ['Orders service', 'Order lifecycle and invoicing', 'Kotlin, PostgreSQL'],
            ['Search service', 'Full-text and faceted search', 'OpenSearch'],
            ['Event bus', 'Asynchronous integration between contexts', 'Kafka'],
          ],
        },
      },
      { h: 2, text: 'Design principles' },
      {
        ol: [
          {
            text: [b('Own your data.'), ' No service reads another service\u2019s database.'],
            sub: {
              ul: [
                'Share through APIs or events',
                'Replicate read models locally when latency matters',
              ],
            },
          },
          [b('Fail soft.'), ' Every remote call has a timeout, a retry budget and a fallback.'],
          [b('Observe everything.'), ' Emit RED metrics and structured logs from day one.'],
        ],
      },
      { h: 3, text: 'Request timeouts' },
      {
        code: {
          lang: 'yaml',
          title: 'gateway/timeouts.yaml',
          text: 'routes:\n  - match: /api/orders\n    timeout: 2s\n    retries:\n      attempts: 2\n      perTryTimeout: 800ms\n  - match: /api/search\n    timeout: 5s\n',
        },
      },
      {
        panel: {
          kind: 'note',
          title: 'Decision record',
          blocks: [
            {
              p: [
                'Major changes need an ADR in ',
                code('docs/adr/'),
                '. See ',
                link('https://adr.github.io/', 'adr.github.io'),
                '.',
              ],
            },
          ],
        },
      },
    ],
  },
  {
    id: 1102,
    title: 'Coding Standards',
    parent: 1100,
    author: 'bokafor',
    updated: '2024-09-30T08:45:00.000Z',
    version: 9,
    blocks: [
      {
        p: [
          'These standards apply to TypeScript and Kotlin code. Linters enforce most of them; reviewers enforce the rest (see ',
          page('Code Review Checklist'),
          ').',
        ],
      },
      { h: 2, text: 'Naming' },
      {
        ul: [
          'Files are kebab-case; the file name is the id.',
          ['Types are ', code('PascalCase'), ', values ', code('camelCase'), '.'],
          'Booleans read as questions: isReady, hasAccess.',
        ],
      },
      { h: 2, text: 'Errors' },
      { p: ['Wrap failures with context and keep the cause:'] },
      {
        code: {
          lang: 'typescript',
          lineNumbers: true,
          text: 'export async function loadOrder(id: string): Promise<Order> {\n  try {\n    return await api.get(`/orders/${id}`);\n  } catch (cause) {\n    throw new Error(`could not load order ${id}`, { cause });\n  }\n}\n',
        },
      },
      {
        panel: {
          kind: 'warning',
          blocks: [
            {
              p: ['Never log secrets, tokens or personal data, even at ', code('debug'), ' level.'],
            },
          ],
        },
      },
      { h: 2, text: 'Formatting' },
      { p: ['Prettier with a print width of 100. Do not hand-format.'] },
      {
        expand: {
          title: 'Why 100 columns?',
          blocks: [{ p: ['Side-by-side diffs on a laptop screen fit two 100-column panes.'] }],
        },
      },
    ],
  },
  {
    id: 1103,
    title: 'Code Review Checklist',
    parent: 1100,
    author: 'bokafor',
    updated: '2024-08-12T16:20:00.000Z',
    version: 4,
    attachments: ['review-checklist.txt'],
    blocks: [
      { p: ['Use this list on every pull request. Reviewers tick what they checked.'] },
      {
        tasks: [
          { done: true, text: 'Tests cover the change, including the failure path' },
          { done: true, text: ['Public functions have ', b('TSDoc'), ' comments'] },
          { done: false, text: 'Migrations are reversible' },
          { done: false, text: 'Security review requested for auth changes' },
        ],
      },
      { h: 2, text: 'Printable copy' },
      { attachments: true },
    ],
  },
  {
    id: 1104,
    title: 'Release Process',
    parent: 1100,
    author: 'cwei',
    updated: '2024-11-18T11:00:00.000Z',
    version: 15,
    blocks: [
      {
        p: [
          'Releases leave ',
          code('main'),
          ' every other Tuesday. Hotfixes follow the same steps with a shorter soak.',
        ],
      },
      { h: 2, text: 'Steps' },
      {
        ol: [
          'Cut the release branch',
          {
            text: 'Run the release pipeline',
            sub: {
              ol: [
                'Build and sign artefacts',
                'Deploy to staging',
                {
                  text: 'Soak for 24 hours',
                  sub: { ul: ['Watch error rate', 'Watch p99 latency'] },
                },
              ],
            },
          },
          ['Announce in ', code('#releases'), ' and update the ', page('Release Notes')],
        ],
      },
      { h: 2, text: 'Release status' },
      {
        table: {
          header: true,
          rows: [
            ['Version', 'Date', 'Status'],
            ['2.4.0', [{ date: '2024-11-19' }], [{ status: 'In progress', colour: 'blue' }]],
            ['2.3.1', [{ date: '2024-11-05' }], [{ status: 'Released', colour: 'green' }]],
            ['2.3.0', [{ date: '2024-10-22' }], [{ status: 'Rolled back', colour: 'red' }]],
          ],
        },
      },
      { decisions: [['Releases are cut on Tuesdays, never on Fridays.']] },
      {
        code: {
          lang: 'bash',
          title: 'Tag a release',
          text: 'git switch -c release/2.4.0\ngit tag -s v2.4.0 -m "Release 2.4.0"\ngit push origin release/2.4.0 --tags\n',
        },
      },
    ],
  },
];
