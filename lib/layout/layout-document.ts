import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ExportModel, PageModel } from '../model/types';
import type { Prefs } from '../prefs/schema';
import { layoutBlocks } from './blocks/index';
import { collectDests, type DocState, type LayoutContext, type PageDests } from './context';
import { contents } from './contents';
import { scriptText } from './fonts';
import { withFontFallback } from './font-fallback';
import { coverPage } from './cover';
import { formatPrefsDate } from '../prefs/format';
import { runningText, tokenValues } from './header-footer';
import { makeTheme } from './styles';
import { keepWithNextBreaks, startNeedsOf } from './keep-with-next';
import { tagContent } from './tag';
import { pageGeometry } from './units';
import { notExportedAppendix } from './appendix';
import { WordLedger, attachLedger } from './word-ledger';
import { dropUnplacedRefs } from './page-refs';

/** Options of one export run. */
export interface LayoutOptions {
  prefs: Prefs;
  exportedAt: Date;
  exportedBy?: string;
}

type Node = Exclude<Content, string | number | Content[]>;

/** Page title (bookmarked under its parent page) and the author/updated line. */
function pageHeader(
  page: PageModel,
  dests: PageDests,
  parentDest: string | undefined,
  ctx: LayoutContext,
): Content[] {
  const { prefs, theme } = ctx.doc;
  const title: ContentText & { id: string } = {
    text: scriptText(page.title || 'Untitled'),
    style: 'pageTitle',
    id: dests.titleDest,
    outline: true,
    outlineText: page.title || 'Untitled',
    ...(parentDest ? { outlineParentId: parentDest } : {}),
    margin: [0, 0, 0, theme.fontSize * 0.4],
  };
  const out: Content[] = [tagContent(title, 'H1', ctx)];
  if (prefs.metadataLine && (page.author || page.updated)) {
    const parts: string[] = [];
    if (page.author) parts.push(`By ${page.author}`);
    if (page.updated) {
      const d = new Date(page.updated);
      parts.push(
        `Last updated ${Number.isNaN(d.getTime()) ? page.updated : formatPrefsDate(d, prefs.locale, prefs.dateFormat)}`,
      );
    }
    out.push({
      text: parts.join('  \u00b7  '),
      style: 'meta',
      margin: [0, 0, 0, theme.fontSize * 1.4],
    });
  } else {
    title.margin = [0, 0, 0, theme.fontSize * 1.2];
  }
  return out;
}

/**
 * Export model -> pdfmake document definition. Pure: no I/O, same input, same output. The result
 * is plain data except `header`/`footer` (functions of the page number); table layouts are
 * referenced by name (see table-layouts.ts) and registered by the engines.
 */
export function layoutDocument(model: ExportModel, opts: LayoutOptions): TDocumentDefinitions {
  const { prefs, exportedAt, exportedBy } = opts;
  const theme = makeTheme(prefs);
  const geometry = pageGeometry(prefs);
  const ledger = new WordLedger();
  const doc: DocState = {
    model,
    prefs,
    theme,
    geometry,
    landscape: pageGeometry(prefs, 'landscape'),
    pages: collectDests(model.pages),
    placed: new Set(),
    imageNames: new Map(),
    pageRefs: [],
    ledger,
  };
  const values = tokenValues(model, prefs, exportedAt, exportedBy);

  // Top-level nodes; each section (cover, TOC, page) starts a new PDF page when asked to.
  const top: Node[] = [];
  const startSection = (nodes: Content[], newPage: boolean): void => {
    nodes.forEach((n, i) => {
      const node: Node = typeof n === 'object' && !Array.isArray(n) ? n : { stack: [n] };
      if (i === 0 && newPage && top.length > 0) top.push({ stack: [node], pageBreak: 'before' });
      else top.push(node);
    });
  };

  if (prefs.cover)
    startSection([coverPage(model, geometry, values.date, exportedBy, prefs.coverLogo)], true);
  if (prefs.toc && model.pages.length > 0) {
    startSection(
      [
        contents(
          model.pages,
          doc.pages,
          prefs.tocDepth,
          theme.fontSize,
          geometry.textWidth,
          {
            width: geometry.textWidth,
            font: {
              fontSize: theme.fontSize,
              lineHeight: theme.lineHeight,
              bold: false,
              mono: false,
            },
            styles: theme.styles,
            pageHeight: Math.min(geometry.textHeight, doc.landscape.textHeight),
          },
          doc.pageRefs,
        ),
      ],
      true,
    );
  }

  // Bookmark parents: the nearest earlier page with a smaller depth.
  const open: { depth: number; dest: string }[] = [];
  model.pages.forEach((page, index) => {
    const dests = doc.pages.get(page.id);
    if (!dests) return;
    while (open.length > 0 && (open[open.length - 1]?.depth ?? 0) >= page.depth) open.pop();
    const parent = open[open.length - 1]?.dest;
    open.push({ depth: page.depth, dest: dests.titleDest });
    const ctx: LayoutContext = {
      doc,
      page,
      dests,
      width: geometry.textWidth,
      topLevel: true,
      listDepth: 0,
      fontSize: theme.fontSize,
    };
    doc.placed.add(dests.titleDest);
    // The page's title is owed like a heading of the page.
    const title = ledger.enter(
      { type: 'heading', level: 1, inlines: [{ type: 'text', text: page.title }] },
      page.title,
    );
    const head = ledger.close(title, pageHeader(page, dests, parent, ctx));
    const nodes = [...head, ...layoutBlocks(page.blocks, ctx)];
    startSection(nodes, prefs.newPagePerPage || index === 0);
  });

  startSection(notExportedAppendix(model.warnings, theme.fontSize), true);

  // A wide table or a section (blocks/section.ts) on pages of the other orientation: the block
  // after it returns to the page orientation.
  const content: Content[] = [];
  let turned = false;
  for (const node of top) {
    const orientation = (node as { pageOrientation?: string }).pageOrientation;
    const isTurned = orientation !== undefined && orientation !== prefs.orientation;
    if (turned && !isTurned) {
      const breaks = (node as { pageBreak?: string }).pageBreak === 'before';
      content.push(
        breaks
          ? ({ ...node, pageOrientation: prefs.orientation } as Node)
          : { stack: [node], pageBreak: 'before', pageOrientation: prefs.orientation },
      );
    } else content.push(node);
    turned = isTurned;
  }

  const header = runningText(
    prefs.headerTemplate,
    values,
    geometry,
    theme.fontSize,
    'header',
    prefs.cover,
  );
  const footer = runningText(
    prefs.footerTemplate,
    values,
    geometry,
    theme.fontSize,
    'footer',
    prefs.cover,
  );
  const author = exportedBy ?? model.pages[0]?.author;
  const dd: TDocumentDefinitions = {
    pageSize: prefs.pageSize,
    pageOrientation: prefs.orientation,
    pageMargins: geometry.margins,
    content,
    images: Object.fromEntries([...doc.imageNames].map(([dataUrl, name]) => [name, dataUrl])),
    styles: theme.styles,
    defaultStyle: theme.defaultStyle,
    info: {
      title: model.title,
      ...(author ? { author } : {}),
      subject: model.site ? `Confluence export from ${model.site}` : 'Confluence export',
      creator: 'Offprint',
      producer: 'Offprint (pdfmake)',
      creationDate: exportedAt,
    },
    ...(header ? { header } : {}),
    ...(footer ? { footer } : {}),
    pageBreakBefore: keepWithNextBreaks(theme.fontSize, theme.lineHeight, startNeedsOf(doc)),
    // Tagged PDF (lib/pdf/tagging): structure tree, document language, title in the window bar.
    ...(prefs.taggedPdf
      ? { tagged: true, language: model.lang ?? 'en', displayTitle: true, version: '1.7' as const }
      : {}),
  };
  const mark = prefs.watermarkText.trim();
  if (mark) {
    dd.watermark = {
      text: mark,
      opacity: Math.max(0, Math.min(1, prefs.watermarkOpacity)),
      color: '#7a869a',
      bold: true,
    };
  }
  dropUnplacedRefs(doc.pageRefs, doc.placed);
  attachLedger(dd, ledger);
  return withFontFallback(dd);
}
