// @vitest-environment node
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPdf } from '../helpers/build-pdf';
import {
  inOrder,
  outlineLines,
  qpdfCheck,
  readPdf,
  squash,
  type ReadPdf,
} from '../helpers/read-pdf';
import { LONG_CODE_LINE, sampleModel } from '../helpers/sample-model';

describe('PDF of a two-page export with every block type', () => {
  let bytes: Uint8Array;
  let pdf: ReadPdf;

  beforeAll(async () => {
    bytes = await buildPdf(
      sampleModel(),
      {
        cover: true,
        toc: true,
        watermarkText: 'CONFIDENTIAL',
        headerTemplate: '{title} | {space} | {author} | {date}',
        footerTemplate: 'Page {page} of {pages} | {url}',
      },
      { exportedBy: 'Tester' },
    );
    // Kept for a human look: pdftoppm -png -r 60 <file> /tmp/x
    writeFileSync(join(tmpdir(), 'offprint-pdf-document.pdf'), bytes);
    pdf = await readPdf(bytes);
  });

  it('passes qpdf --check', () => {
    const result = qpdfCheck(bytes);
    expect(result.output).toContain('No syntax or stream encoding errors');
    expect(result.ok).toBe(true);
  });

  it('has the document info', () => {
    expect(pdf.info).toMatchObject({
      title: 'Engineering Handbook',
      author: 'Tester',
      creator: 'Offprint',
      subject: 'Confluence export from https://acme.atlassian.net/wiki',
    });
  });

  it('starts with a cover page and a table of contents', () => {
    const [cover, toc] = pdf.pages;
    expect(cover?.text).toContain('Engineering Handbook');
    expect(cover?.text).toContain('Exported 15 March 2025 by Tester');
    expect(cover?.text).not.toContain('Page 1 of'); // no header/footer on the cover
    expect(
      inOrder(toc?.text ?? '', [
        'Contents',
        'Engineering Handbook',
        'Introduction',
        'Lists',
        'Details',
        'Child Page',
        'Panels',
        'Images',
      ]),
    ).toBe(true);
    // TOC entries link to their destinations and print the page they are on.
    const childPage = pdf.pages.find(
      (p) => p.text.startsWith('Child Page') || p.text.includes('\nChild Page\n'),
    );
    const tocLinks = toc?.links.filter((l) => l.dest === 'p1') ?? [];
    expect(tocLinks.length).toBeGreaterThan(0);
    expect(tocLinks[0]?.destPage).toBe(childPage?.number);
    expect(toc?.text).toMatch(new RegExp(`Child Page ${childPage?.number}`));
  });

  it('keeps every text, in order', () => {
    const expected = [
      'Engineering Handbook',
      'By Ada Lovelace',
      'Introduction',
      'Plain text, bold',
      'italic',
      'underlined',
      'struck',
      'inlineCode()',
      'red text',
      'highlighted',
      'external site',
      'jump to details',
      'child page',
      'page outside export',
      'unsafe link',
      'IN PROGRESS',
      '@Grace Hopper',
      '14 Mar 2025',
      ':smile:',
      'after break',
      'Centred paragraph',
      'Bullet one',
      'Bullet two',
      'Nested three',
      'Nested four',
      'Task done',
      'Task open',
      'Decision made',
      'Details',
      'Name',
      'Description',
      'Owner',
      'Alpha',
      'First row',
      'Spans two columns',
      'Short row',
      'inner A',
      'inner B',
      'example.ts',
      'function greet(name: string) {',
      'let a = 1;',
      'let b = 2;',
      'Child Page',
      'Panels',
      'Info title',
      'Info panel body',
      'Note panel body',
      'Warning panel body',
      'Error panel body',
      'Success panel body',
      'Custom panel body',
      'Expand title',
      'Expanded content',
      'Quoted words',
      'Images',
      'PNG caption',
      'Image not available: missing diagram.png',
      'Inline image',
      'in text',
      'Left column',
      'Right column',
      'jira-issues (simplified)',
      'Macro fallback text',
      'Footnote ref',
      'Footnote text',
    ];
    const body = pdf.pages
      .slice(2)
      .map((p) => p.text)
      .join('\n');
    const missing = expected.filter((s) => !body.includes(s));
    expect(missing).toEqual([]);
    expect(inOrder(body, expected)).toBe(true);
  });

  it('wraps a 300-character code line without losing a character', () => {
    expect(LONG_CODE_LINE.length).toBe(300);
    // The block may continue on the next page: drop running header/footer/watermark lines.
    const running = (line: string): boolean =>
      line === 'CONFIDENTIAL' ||
      line.startsWith('Engineering Handbook |') ||
      line.startsWith('Page ');
    const body = pdf.pages.map((p) =>
      p.text
        .split('\n')
        .filter((l) => !running(l))
        .join('\n'),
    );
    expect(squash(body.join('\n'))).toContain(squash(LONG_CODE_LINE));
  });

  it('numbers table rows and renders the numbered column', () => {
    const page = pdf.pages.find((p) => p.text.includes('Spans two columns'));
    expect(page?.text).toMatch(/1 Alpha/);
    expect(page?.text).toMatch(/2 Spans two columns/);
  });

  it('substitutes header and footer tokens on every page but the cover', () => {
    const total = pdf.pages.length;
    for (const page of pdf.pages.slice(1)) {
      expect(page.text).toContain('Engineering Handbook | ENG | Tester | 15 March 2025');
      expect(page.text).toContain(
        `Page ${page.number} of ${total} | https://acme.atlassian.net/wiki/spaces/ENG/pages/100`,
      );
      expect(page.text).not.toMatch(/\{(title|space|page|pages|date|author|url)\}/);
    }
  });

  it('draws the watermark on every page', () => {
    for (const page of pdf.pages) expect(page.text).toContain('CONFIDENTIAL');
  });

  it('nests bookmarks: pages by depth, headings under their page', () => {
    expect(outlineLines(pdf.outline)).toEqual([
      '0:Engineering Handbook',
      '1:Introduction',
      '2:Lists',
      '2:Details',
      '1:Child Page',
      '2:Panels',
      '3:Images',
    ]);
    const details = pdf.outline[0]?.items[0]?.items.find((i) => i.title === 'Details');
    const detailsPage = pdf.pages.find((p) => p.text.includes('Spans two columns'));
    expect(details?.destPage).toBe(detailsPage?.number);
  });

  it('makes anchor and page links internal, URL links external, unsafe links plain', () => {
    const links = pdf.pages.flatMap((p) => p.links.map((l) => ({ ...l, page: p.number })));
    const body = links.filter((l) => l.page > 2);
    const detailsPage = pdf.pages.find((p) => p.text.includes('Spans two columns'))?.number;
    const childPage = pdf.pages.find((p) => p.text.includes('Info panel body'))?.number;
    expect(body.some((l) => l.dest === 'p0-Details' && l.destPage === detailsPage)).toBe(true);
    expect(body.some((l) => l.dest === 'p1' && l.destPage === childPage)).toBe(true);
    expect(body.some((l) => l.url === 'https://example.com/docs')).toBe(true);
    expect(body.some((l) => l.url === 'https://acme.atlassian.net/wiki/x/999')).toBe(true);
    expect(links.some((l) => (l.url ?? '').startsWith('javascript'))).toBe(false);
    // Footnote reference -> footnote destination.
    const footnotePage = pdf.pages.find((p) => p.text.includes('Footnote text'))?.number;
    expect(body.some((l) => l.dest === 'p1-fn-fn1' && l.destPage === footnotePage)).toBe(true);
    // Every internal link resolves to a page.
    for (const l of links) if (l.dest) expect(l.destPage, l.dest).toBeGreaterThan(0);
  });

  it('paints the PNG images (the SVG is vector, the missing one a placeholder)', () => {
    expect(pdf.pages.reduce((n, p) => n + p.imageCount, 0)).toBe(2);
  });

  it('uses the preferred page size', () => {
    for (const p of pdf.pages) expect([p.width, p.height]).toEqual([595.28, 841.89]);
  });
});
