// @vitest-environment node
import { LEDGER_KEY } from '../../lib/layout/word-ledger';
import type { Content, ContentText, DynamicContent } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../lib/layout/header-footer';
import { layoutDocument } from '../../lib/layout/layout-document';
import { KEEP } from '../../lib/layout/keep-with-next';
import type { ExportModel } from '../../lib/model/types';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import { h, p, sampleModel, t } from '../helpers/sample-model';

const opts = { prefs: DEFAULT_PREFS, exportedAt: new Date('2025-03-15T12:00:00Z') };

/** Every object node in the definition, depth first. */
function nodes(content: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(content)) content.forEach((c) => nodes(c, out));
  else if (content && typeof content === 'object') {
    out.push(content as Record<string, unknown>);
    for (const v of Object.values(content)) if (typeof v === 'object') nodes(v, out);
  }
  return out;
}

describe('layoutDocument', () => {
  it('sets page size, orientation and margins (mm -> pt)', () => {
    const dd = layoutDocument(sampleModel(), {
      ...opts,
      prefs: {
        ...DEFAULT_PREFS,
        pageSize: 'LETTER',
        orientation: 'landscape',
        marginsMm: [25.4, 12.7, 25.4, 12.7],
      },
    });
    expect(dd.pageSize).toBe('LETTER');
    expect(dd.pageOrientation).toBe('landscape');
    expect((dd.pageMargins as number[]).map((m) => Math.round(m))).toEqual([72, 36, 72, 36]);
    expect(dd.defaultStyle).toMatchObject({ font: 'Roboto', fontSize: 10 });
  });

  it('is plain data except header, footer, pageBreakBefore and the creation date', () => {
    const dd = layoutDocument(sampleModel(), opts);
    const { header, footer, pageBreakBefore, info, ...rest } = dd;
    expect(typeof header).toBe('function');
    expect(typeof footer).toBe('function');
    // Keep-with-next (keep-with-next.ts): pdfmake asks it where to break pages.
    expect(typeof pageBreakBefore).toBe('function');
    // pdfmake takes the creation date as a Date.
    const { creationDate, ...infoRest } = info ?? {};
    expect(creationDate).toStrictEqual(opts.exportedAt);
    const data = { ...rest, info: infoRest };
    // A function, a Date, an undefined value or a class instance would not survive the round trip.
    expect(JSON.parse(JSON.stringify(data))).toStrictEqual(data);
  });

  it('gives every node id once, and links only to ids that exist', () => {
    const dd = layoutDocument(sampleModel(), { ...opts, prefs: { ...DEFAULT_PREFS, toc: true } });
    const all = nodes(dd.content);
    const ids = all.map((n) => n.id).filter((id): id is string => typeof id === 'string');
    expect(new Set(ids).size).toBe(ids.length);
    const targets = all
      .map((n) => n.linkToDestination)
      .filter((d): d is string => typeof d === 'string');
    // The contents links to the headings; the sample has some of each.
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((d) => !ids.includes(d))).toEqual([]);
    const refs = all.map((n) => n.pageReference).filter((d): d is string => typeof d === 'string');
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((d) => !ids.includes(d))).toEqual([]);
  });

  it('bookmarks page titles under their parent page and headings to tocDepth', () => {
    const model: ExportModel = {
      title: 'T',
      site: '',
      assets: {},
      warnings: [],
      pages: [
        {
          id: 'a',
          title: 'A',
          url: '',
          depth: 0,
          blocks: [h(1, 'A1'), h(2, 'A1.1'), h(4, 'deep')],
        },
        { id: 'b', title: 'B', url: '', depth: 1, blocks: [h(2, 'B1')] },
      ],
    };
    const all = nodes(layoutDocument(model, opts).content).filter((n) => n.outline === true);
    expect(all.map((n) => [n.outlineText, n.outlineParentId ?? null])).toEqual([
      ['A', null],
      ['A1', 'p0'],
      ['A1.1', 'p0-h1'],
      ['B', 'p0'],
      ['B1', 'p1'],
    ]);
  });

  it('substitutes header/footer tokens and hides them on the cover', () => {
    const dd = layoutDocument(sampleModel(), {
      ...opts,
      exportedBy: 'Jo',
      prefs: {
        ...DEFAULT_PREFS,
        cover: true,
        headerTemplate: '{title}/{space}/{author}/{url}',
        footerTemplate: '{page} of {pages} {date}',
      },
    });
    const header = dd.header as DynamicContent;
    const footer = dd.footer as DynamicContent;
    const size = { width: 595, height: 842, orientation: 'portrait' as const };
    expect(header(1, 5, size)).toBeNull();
    expect((header(2, 5, size) as ContentText).text).toBe(
      'Engineering Handbook/ENG/Jo/https://acme.atlassian.net/wiki/spaces/ENG/pages/100',
    );
    expect((footer(3, 5, size) as ContentText).text).toBe('3 of 5 15 March 2025');
  });

  it('adds a watermark and document info', () => {
    const dd = layoutDocument(sampleModel(), {
      ...opts,
      prefs: { ...DEFAULT_PREFS, watermarkText: 'DRAFT', watermarkOpacity: 0.2 },
    });
    expect(dd.watermark).toMatchObject({ text: 'DRAFT', opacity: 0.2 });
    expect(dd.info).toMatchObject({
      title: 'Engineering Handbook',
      creator: 'Offprint',
      author: 'Ada Lovelace',
    });
    expect(layoutDocument(sampleModel(), opts).watermark).toBeUndefined();
  });

  it('merges adjacent same-style text and drops unsafe links', () => {
    const model: ExportModel = {
      title: 'T',
      site: '',
      assets: {},
      warnings: [],
      pages: [
        {
          id: 'a',
          title: 'A',
          url: '',
          depth: 0,
          blocks: [
            p(t('one '), t('two '), t('three', { bold: true }), t(' four', { bold: true })),
            p({
              type: 'link',
              target: { kind: 'url', url: 'javascript:alert(1)' },
              inlines: [t('x')],
            }),
            p({ type: 'link', target: { kind: 'anchor', anchor: 'nowhere' }, inlines: [t('y')] }),
          ],
        },
      ],
    };
    const content = layoutDocument(model, {
      ...opts,
      // Untagged: tagging gives every run its structure marks (pdf-tagged.test.ts checks those).
      prefs: { ...DEFAULT_PREFS, metadataLine: false, taggedPdf: false },
    }).content as Content[];
    // Every run carries its block's ledger id (the conservation check): the first paragraph is
    // block 2, after the page title.
    const texts = nodes(content)
      .filter((n) => Array.isArray(n.text))
      .map((n) => n.text);
    expect(texts[1]).toEqual([
      { text: 'one two ', [LEDGER_KEY]: 2 },
      { text: 'three four', bold: true, [LEDGER_KEY]: 2 },
    ]);
    // The link texts stay, without their links.
    expect(texts.slice(2)).toEqual([
      [{ text: 'x', [LEDGER_KEY]: 3 }],
      [{ text: 'y', [LEDGER_KEY]: 4 }],
    ]);
    const all = nodes(content);
    expect(all.some((n) => 'link' in n || 'linkToDestination' in n)).toBe(false);
  });

  it('keeps a heading with a short paragraph after it by a mark, not an unbreakable stack', () => {
    const model: ExportModel = {
      title: 'T',
      site: '',
      assets: {},
      warnings: [],
      pages: [{ id: 'a', title: 'A', url: '', depth: 0, blocks: [h(2, 'Head'), p('Body')] }],
    };
    const all = nodes(layoutDocument(model, opts).content);
    // pdfmake drops an unbreakable block taller than a page; the page break cannot lose words.
    expect(all.filter((n) => n.unbreakable === true)).toEqual([]);
    const levels = all.filter((n) => n.headlineLevel !== undefined).map((n) => n.headlineLevel);
    expect(levels).toEqual([2, KEEP.whole]);
  });
});

describe('fillTemplate', () => {
  it('replaces known tokens and leaves others', () => {
    const values = { title: 'T', space: 'S', date: 'D', author: 'A', url: 'U' };
    expect(
      fillTemplate('{title} {space} {page}/{pages} {date} {author} {url} {other}', values, 2, 9),
    ).toBe('T S 2/9 D A U {other}');
  });
});
