import { b, page, type PageDef } from './dsl.ts';

/**
 * Blog posts of the space: no parent (Confluence keeps them beside the page tree), dated URLs
 * (`/display/DOC/YYYY/MM/DD/Title` on DC, `/wiki/spaces/DOC/blog/YYYY/MM/DD/ID/Title` on Cloud).
 * The publish date is `updated`.
 */
export const BLOG_POSTS: PageDef[] = [
  {
    id: 3001,
    type: 'blogpost',
    title: 'Offprint 1.0 is out',
    author: 'bokafor',
    updated: '2025-03-14T09:30:00.000Z',
    version: 2,
    labels: ['announcement'],
    blocks: [
      {
        p: [
          'Today we ship ',
          b('Offprint 1.0'),
          ': Confluence pages to PDF, entirely in the browser.',
        ],
      },
      { h: 2, text: 'What is new' },
      { ul: ['Linked table of contents', 'Bookmarks for every heading', 'Right-to-left scripts'] },
      { p: ['Read the ', page('Release Notes'), ' for the details.'] },
    ],
  },
  {
    id: 3002,
    type: 'blogpost',
    title: 'Quarterly Operations Review',
    author: 'amoreau',
    updated: '2025-06-30T16:00:00.000Z',
    version: 1,
    blocks: [
      { p: 'Uptime this quarter was 99.97 %, with two incidents and no data loss.' },
      {
        panel: {
          kind: 'note',
          title: 'Next steps',
          blocks: [{ p: 'Rotate the on-call schedule before the summer holidays.' }],
        },
      },
    ],
  },
];
