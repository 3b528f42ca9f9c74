import type { Content, DynamicContent } from 'pdfmake/interfaces';
import type { ExportModel } from '../model/types';
import type { Prefs } from '../prefs/schema';
import type { PageGeometry } from './units';
import { formatPrefsDate } from '../prefs/format';

/** Values of the template tokens that do not depend on the PDF page. */
export interface TokenValues {
  title: string;
  space: string;
  date: string;
  author: string;
  url: string;
}

/** Replaces {title} {space} {page} {pages} {date} {author} {url}; unknown tokens stay as typed. */
export function fillTemplate(
  template: string,
  values: TokenValues,
  page: number,
  pages: number,
): string {
  return template.replace(/\{(title|space|page|pages|date|author|url)\}/g, (_m, key: string) => {
    if (key === 'page') return String(page);
    if (key === 'pages') return String(pages);
    return values[key as keyof TokenValues];
  });
}

export function tokenValues(
  model: ExportModel,
  prefs: Prefs,
  exportedAt: Date,
  exportedBy: string | undefined,
): TokenValues {
  const root = model.pages[0];
  return {
    title: model.title,
    space: root?.spaceKey ?? '',
    date: formatPrefsDate(exportedAt, prefs.locale, prefs.dateFormat),
    author: exportedBy ?? root?.author ?? '',
    url: root?.url ?? model.site,
  };
}

/**
 * Header or footer as a pdfmake function of the page number. Not shown on the cover page.
 * Placed in the page margin, vertically centred in it.
 */
export function runningText(
  template: string,
  values: TokenValues,
  geometry: PageGeometry,
  fontSize: number,
  where: 'header' | 'footer',
  skipFirstPage: boolean,
): DynamicContent | undefined {
  if (!template.trim()) return undefined;
  const [left, top, right, bottom] = geometry.margins;
  const size = Math.max(6, fontSize * 0.75);
  const band = where === 'header' ? top : bottom;
  const y = Math.max(4, (band - size * 1.2) / 2);
  return (page: number, pages: number): Content | null => {
    if (skipFirstPage && page === 1) return null;
    return {
      text: fillTemplate(template, values, page, pages),
      style: 'headerFooter',
      alignment: where === 'header' ? 'left' : 'center',
      margin: [left, y, right, 0],
      // One line only: a long title must not grow into the text area.
      maxHeight: size * 2.2,
    } as Content;
  };
}
