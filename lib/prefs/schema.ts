/** User preferences: what the options page sets and what layout reads. */
export type PageSizeName = 'A4' | 'LETTER' | 'LEGAL' | 'A3';

export interface Prefs {
  pageSize: PageSizeName;
  orientation: 'portrait' | 'landscape';
  /** Page margins in millimetres: left, top, right, bottom. */
  marginsMm: [number, number, number, number];
  /** Base body font size in points. */
  fontSize: number;
  /** Header and footer templates; tokens: {title} {space} {page} {pages} {date} {author} {url}. */
  headerTemplate: string;
  footerTemplate: string;
  cover: boolean;
  toc: boolean;
  tocDepth: number;
  /** Start each Confluence page on a new PDF page (multi-page exports). */
  newPagePerPage: boolean;
  /** Show author and last-updated under each page title. */
  metadataLine: boolean;
  watermarkText: string;
  watermarkOpacity: number;
  codeLineNumbers: boolean;
  /** Images are downscaled to this resolution at their printed size. */
  maxImageDpi: number;
  /** Tokens: {title} {space} {date}. */
  fileNameTemplate: string;
  restConcurrency: number;
  /** BCP 47 locale for dates, e.g. 'en-GB'. */
  locale: string;
}

export const DEFAULT_PREFS: Prefs = {
  pageSize: 'A4',
  orientation: 'portrait',
  marginsMm: [18, 20, 18, 20],
  fontSize: 10,
  headerTemplate: '{title}',
  footerTemplate: '{page} / {pages}',
  cover: false,
  toc: false,
  tocDepth: 3,
  newPagePerPage: true,
  metadataLine: true,
  watermarkText: '',
  watermarkOpacity: 0.12,
  codeLineNumbers: false,
  maxImageDpi: 200,
  fileNameTemplate: '{title}',
  restConcurrency: 4,
  locale: 'en-GB',
};
