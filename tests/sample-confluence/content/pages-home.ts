import { b, page, type PageDef } from './dsl.ts';

export const HOME: PageDef = {
  id: 1000,
  title: 'Documentation Home',
  author: 'amoreau',
  updated: '2024-12-02T08:00:00.000Z',
  version: 18,
  attachments: ['offprint-logo.svg'],
  blocks: [
    {
      layout: {
        kind: 'two-right-sidebar',
        columns: [
          [
            {
              p: [
                'Welcome to the ',
                b('Documentation'),
                ' space: engineering practice, runbooks and compliance policies.',
              ],
            },
            { h: 2, text: 'Start here' },
            {
              ul: [
                [page('Engineering Handbook')],
                [page('Operations Runbooks')],
                [page('Compliance')],
                [page('Release Notes')],
              ],
            },
          ],
          [
            { img: { file: 'offprint-logo.svg', width: 200, alt: 'Logo' } },
            { panel: { kind: 'info', blocks: [{ p: 'Questions? Ask in #docs.' }] } },
          ],
        ],
      },
    },
  ],
};

/** Release notes: one parent with enough children to need two pages of REST results. */
export const RELEASE_NOTES: PageDef[] = [
  {
    id: 1500,
    title: 'Release Notes',
    parent: 1000,
    author: 'cwei',
    updated: '2024-11-19T09:00:00.000Z',
    version: 30,
    blocks: [{ p: 'One page per release, newest last.' }],
  },
  ...Array.from({ length: 27 }, (_, n): PageDef => {
    const minor = Math.floor(n / 9);
    const patch = n % 9;
    const day = String(1 + (n % 28)).padStart(2, '0');
    return {
      id: 1501 + n,
      title: `Release 2.${minor}.${patch}`,
      parent: 1500,
      author: 'cwei',
      labels: ['release-notes'],
      updated: `2024-${String(1 + Math.floor(n / 4)).padStart(2, '0')}-${day}T10:00:00.000Z`,
      version: 1,
      blocks: [
        {
          p: [
            `Release 2.${minor}.${patch} ships `,
            b(`${3 + (n % 5)} fixes`),
            ' and no breaking changes.',
          ],
        },
        { ul: [`Fixed issue #${1000 + n * 7}`, `Upgraded dependencies (batch ${n + 1})`] },
      ],
    };
  }),
];
