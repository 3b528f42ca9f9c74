// The "Project Archive": a generated family of 158 pages in three levels (root, ten project
// sections, their pages), a second root of the DOC space beside "Documentation Home" so that
// tree keeps its shape. Bodies are the sample's own realistic pages (prose, tables, code,
// panels, lists) under an archive header; one page per project section carries an image. One section has 30
// children, more than a Data Center child listing returns at once (25), so listings paginate.
import type { Block, PageDef, UserKey } from './dsl.ts';
import { b, page } from './dsl.ts';
import { COMPLIANCE_PAGES } from './pages-compliance.ts';
import { ENGINEERING_PAGES } from './pages-engineering.ts';
import { OPERATIONS_PAGES } from './pages-operations.ts';

export const ARCHIVE_ROOT_ID = 5000;
export const ARCHIVE_ROOT_TITLE = 'Project Archive';

const PROJECTS = [
  'Atlas Migration',
  'Borealis Search',
  'Cobalt Billing',
  'Delta Mobile',
  'Ember Analytics',
  'Fjord Storage',
  'Granite Gateway',
  'Harbor Onboarding',
  'Iris Notifications',
] as const;
/** Pages per project section (the meeting notes section comes last, with 30). */
const PER_PROJECT = 13;
const MEETINGS = 30;

const AUTHORS: UserKey[] = ['amoreau', 'bokafor', 'cwei', 'jdoe'];
const IMAGES = [
  'architecture-diagram.png',
  'datacentre-photo.jpg',
  'banner.png',
  'offprint-logo.svg',
] as const;

// The space's policy and runbook pages, except the restricted one (its body is fine, but keep
// the archive free of anything that reads as confidential).
const TEMPLATES: PageDef[] = [
  ...ENGINEERING_PAGES,
  ...OPERATIONS_PAGES,
  ...COMPLIANCE_PAGES,
].filter((p) => !p.restricted);

/** Template blocks that belong to the original page only: its images and its TOC. */
const keep = (block: Block): boolean => !('img' in block) && !('toc' in block);

const date = (n: number): string => {
  const d = new Date(Date.UTC(2021, 0, 4) + n * 5 * 86_400_000 + (n % 7) * 3_600_000);
  return d.toISOString();
};

let serial = 0;
function archived(
  id: number,
  title: string,
  parent: number,
  blocks: Block[],
  image?: string,
): PageDef {
  const n = serial++;
  const body: Block[] = [
    {
      panel: {
        kind: 'note',
        title: 'Archived',
        blocks: [{ p: ['This page is kept for reference and is no longer maintained.'] }],
      },
    },
    ...blocks,
  ];
  if (image)
    body.splice(2, 0, {
      img: { file: image, alt: `${title} figure`, caption: `Figure: ${title}`, align: 'center' },
    });
  return {
    id,
    title,
    parent,
    author: AUTHORS[n % AUTHORS.length] as UserKey,
    updated: date(n),
    version: 1 + (n % 9),
    ...(image ? { attachments: [image] } : {}),
    labels: ['archive'],
    blocks: body,
  };
}

function projectPages(project: string, sectionId: number, firstId: number): PageDef[] {
  return Array.from({ length: PER_PROJECT }, (_, k) => {
    const template = TEMPLATES[(k + sectionId) % TEMPLATES.length] as PageDef;
    const id = firstId + k;
    const image = id % 20 === 0 ? IMAGES[(id / 20) % IMAGES.length] : undefined;
    return archived(
      id,
      `${project}: ${template.title}`,
      sectionId,
      [
        {
          properties: [
            ['Project', project],
            ['Owner', [{ mention: AUTHORS[k % AUTHORS.length] as UserKey }]],
            ['Status', [{ status: 'Archived', colour: 'grey' }]],
            ['Based on', [page(template.title)]],
          ],
        },
        ...template.blocks.filter(keep),
      ],
      image,
    );
  });
}

function meetingNotes(sectionId: number, firstId: number): PageDef[] {
  return Array.from({ length: MEETINGS }, (_, k) => {
    const when = new Date(Date.UTC(2022, 0, 6) + k * 14 * 86_400_000).toISOString().slice(0, 10);
    const project = PROJECTS[k % PROJECTS.length] as string;
    return archived(firstId + k, `Architecture sync ${when}`, sectionId, [
      {
        properties: [
          ['Date', [{ date: when }]],
          ['Attendees', AUTHORS.map((a) => ({ mention: a }))],
        ],
      },
      { h: 2, text: 'Agenda' },
      {
        ol: [
          [b(project), ': status and open risks'],
          'Incidents since the last sync',
          ['Follow-ups from ', page('Architecture Overview')],
        ],
      },
      { h: 2, text: 'Notes' },
      {
        table: {
          header: true,
          rows: [
            ['Topic', 'Owner', 'Outcome'],
            [project, [{ mention: AUTHORS[k % 4] as UserKey }], 'On track'],
            ['Capacity', [{ mention: AUTHORS[(k + 1) % 4] as UserKey }], 'Review in two weeks'],
          ],
        },
      },
      { decisions: [`Keep ${project} on the current release train.`] },
      {
        tasks: [
          { done: k % 2 === 0, text: 'Circulate the notes' },
          { done: false, text: [`Update the ${project} risk register`] },
        ],
      },
    ]);
  });
}

function section(k: number, title: string, intro: string): PageDef {
  return archived(ARCHIVE_ROOT_ID + 1 + k, title, ARCHIVE_ROOT_ID, [
    { p: intro },
    {
      panel: {
        kind: 'info',
        blocks: [{ p: ['Ask in ', b('#architecture'), ' before reusing anything from here.'] }],
      },
    },
  ]);
}

const sections: PageDef[] = PROJECTS.map((project, k) =>
  section(k, project, `Design documents, runbooks and policies of the ${project} project.`),
);
const meetingSection = section(
  PROJECTS.length,
  'Architecture Sync Notes',
  'Notes of the fortnightly architecture sync, 2022 onwards.',
);

/** The archive, in tree order: root, then each section followed by its pages. */
export const ARCHIVE_PAGES: PageDef[] = [
  {
    id: ARCHIVE_ROOT_ID,
    title: ARCHIVE_ROOT_TITLE,
    author: 'amoreau',
    updated: '2024-06-28T16:00:00.000Z',
    version: 3,
    labels: ['archive'],
    blocks: [
      {
        p: [
          'Closed projects of the Documentation space. Pages here are read-only; current practice lives under ',
          page('Documentation Home'),
          '.',
        ],
      },
      { h: 2, text: 'Projects' },
      { ul: PROJECTS.map((p) => [page(p)]) },
      { h: 2, text: 'Meetings' },
      { p: [page('Architecture Sync Notes')] },
    ],
  },
  ...sections.flatMap((s, k) => [s, ...projectPages(PROJECTS[k] as string, s.id, 5100 + k * 20)]),
  meetingSection,
  ...meetingNotes(meetingSection.id, 5400),
];
