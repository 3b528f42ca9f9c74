import type { Content } from 'pdfmake/interfaces';
import type { ExportModel } from '../model/types';
import type { PageGeometry } from './units';
import { COLOURS } from './styles';

/** Cover page: logo, space, title, root page, date and who exported it, and the site. */
export function coverPage(
  model: ExportModel,
  geometry: PageGeometry,
  date: string,
  exportedBy: string | undefined,
  logo = '',
): Content {
  const root = model.pages[0];
  const lines: Content[] = [];
  // The logo preference is a PNG or JPEG data URL, validated when it was stored.
  if (logo) lines.push({ image: logo, fit: [160, 64], margin: [0, 0, 0, 18] });
  if (root?.spaceKey) lines.push({ text: root.spaceKey.toUpperCase(), style: 'coverSpace' });
  lines.push({
    text: model.title || root?.title || 'Untitled',
    style: 'coverTitle',
    margin: [0, 6, 0, 10],
  });
  if (root && root.title !== model.title) {
    lines.push({ text: root.title, style: 'coverMeta', margin: [0, 0, 0, 6] });
  }
  lines.push({
    canvas: [
      {
        type: 'line',
        x1: 0,
        y1: 0,
        x2: Math.min(200, geometry.textWidth),
        y2: 0,
        lineWidth: 2,
        lineColor: COLOURS.link,
      },
    ],
    margin: [0, 6, 0, 14],
  });
  const pages = model.pages.length;
  lines.push({
    text: `Exported ${date}${exportedBy ? ` by ${exportedBy}` : ''}`,
    style: 'coverMeta',
  });
  lines.push({
    text: `${pages} page${pages === 1 ? '' : 's'}`,
    style: 'coverMeta',
    margin: [0, 3, 0, 0],
  });
  if (model.site) lines.push({ text: model.site, style: 'coverMeta', margin: [0, 3, 0, 0] });
  return { stack: lines, margin: [0, geometry.textHeight * 0.28, 0, 0] };
}
