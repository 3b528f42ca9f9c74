/**
 * User preferences: what the options page sets and what layout reads.
 *
 * Each field has a default and its own validator. A stored record is read field by field: an
 * invalid or missing field falls back to its default and never costs the others (see
 * `readPrefs`). Imports are strict instead (`checkPrefs`): one bad field rejects the file.
 */
export type PageSizeName = 'A4' | 'LETTER' | 'LEGAL' | 'A3';

/** pdfmake font family names; they must match `FONT_FAMILIES` in lib/pdf/font-files.ts. */
export type FontFamilyName = 'Roboto' | 'Mono';

/** How `{date}` and dates on the page are written; `iso` is `2025-03-15`. */
export type DateFormatName = 'long' | 'medium' | 'short' | 'iso';

export interface Prefs {
  pageSize: PageSizeName;
  orientation: 'portrait' | 'landscape';
  /** Page margins in millimetres: left, top, right, bottom. */
  marginsMm: [number, number, number, number];
  /** Base body font size in points. */
  fontSize: number;
  /** Body text family (code blocks always use the monospaced family). Since v2. */
  fontFamily: FontFamilyName;
  /** Header and footer templates; tokens: {title} {space} {page} {pages} {date} {author} {url}. */
  headerTemplate: string;
  footerTemplate: string;
  cover: boolean;
  /**
   * Logo on the cover page: a `data:image/png;base64,…` or `data:image/jpeg;base64,…` URL of at
   * most `MAX_LOGO_BYTES` bytes, or '' for none. Since v2.
   */
  coverLogo: string;
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
  /**
   * Self-hosted Confluence origins (`https://wiki.example.com`) the user granted an optional host
   * permission for, in the order added. Since v2.
   */
  sites: string[];
  /** BCP 47 locale for dates, e.g. 'en-GB'. */
  locale: string;
  /** Date style used with `locale`. Since v2. */
  dateFormat: DateFormatName;
  /**
   * Show the PDF in a preview tab (pages, outline, Download) instead of downloading it at once.
   * Since v3.
   */
  previewBeforeDownload: boolean;
  /**
   * Tagged (accessible) PDF: a structure tree (headings, paragraphs, lists, tables, figures with
   * alt text, links, code) in reading order; headers, footers and the watermark as artifacts.
   * Since v4.
   */
  taggedPdf: boolean;
  /**
   * After the download, also upload the PDF as an attachment of the exported page (a new version
   * when the page already has one of that name), with the user's own Confluence session. Since v5.
   */
  attachToPage: boolean;
  /**
   * Page-tree and search exports estimated at more PDF pages than this are split into volumes
   * (one PDF each, built in turn) so memory stays bounded; 0 = always one PDF. Since v6.
   */
  volumePages: number;
}

export const DEFAULT_PREFS: Prefs = {
  pageSize: 'A4',
  orientation: 'portrait',
  marginsMm: [18, 20, 18, 20],
  fontSize: 10,
  fontFamily: 'Roboto',
  headerTemplate: '{title}',
  footerTemplate: '{page} / {pages}',
  cover: false,
  coverLogo: '',
  toc: false,
  tocDepth: 3,
  newPagePerPage: true,
  metadataLine: true,
  watermarkText: '',
  watermarkOpacity: 0.12,
  codeLineNumbers: false,
  previewBeforeDownload: false,
  taggedPdf: true,
  attachToPage: false,
  volumePages: 500,
  maxImageDpi: 200,
  fileNameTemplate: '{title}',
  restConcurrency: 4,
  sites: [],
  locale: 'en-GB',
  dateFormat: 'long',
};

/** Choices the options page offers, with their labels. */
export const PAGE_SIZES: readonly { value: PageSizeName; label: string }[] = [
  { value: 'A4', label: 'A4 (210 × 297 mm)' },
  { value: 'LETTER', label: 'Letter (8.5 × 11 in)' },
  { value: 'LEGAL', label: 'Legal (8.5 × 14 in)' },
  { value: 'A3', label: 'A3 (297 × 420 mm)' },
];

export const FONT_FAMILY_CHOICES: readonly { value: FontFamilyName; label: string }[] = [
  { value: 'Roboto', label: 'Roboto (sans-serif)' },
  { value: 'Mono', label: 'DejaVu Sans Mono (monospaced)' },
];

export const DATE_FORMATS: readonly { value: DateFormatName; label: string }[] = [
  { value: 'long', label: 'Long (15 March 2025)' },
  { value: 'medium', label: 'Medium (15 Mar 2025)' },
  { value: 'short', label: 'Short (15/03/2025)' },
  { value: 'iso', label: 'ISO (2025-03-15)' },
];

/** Numeric bounds, shared by the validators and the form's number inputs. */
export const LIMITS = {
  marginMm: { min: 0, max: 80, step: 1 },
  fontSize: { min: 6, max: 24, step: 0.5 },
  tocDepth: { min: 1, max: 6, step: 1 },
  watermarkOpacity: { min: 0, max: 1, step: 0.01 },
  maxImageDpi: { min: 72, max: 600, step: 1 },
  restConcurrency: { min: 1, max: 8, step: 1 },
  volumePages: { min: 0, max: 5000, step: 50 },
  templateLength: 200,
  watermarkLength: 60,
  maxSites: 50,
} as const;

/** Cover logo cap: the decoded image, not its data URL. */
export const MAX_LOGO_BYTES = 256 * 1024;

/** A field validator: the value as the field's type, or an error message. */
export type Check<T> = (value: unknown) => { ok: true; value: T } | { ok: false; error: string };

const good = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
const bad = (error: string): { ok: false; error: string } => ({ ok: false, error });

function oneOf<T extends string>(choices: readonly T[]): Check<T> {
  return (v) =>
    typeof v === 'string' && (choices as readonly string[]).includes(v)
      ? good(v as T)
      : bad(`must be one of ${choices.join(', ')}`);
}

const bool: Check<boolean> = (v) =>
  typeof v === 'boolean' ? good(v) : bad('must be true or false');

function numberIn(min: number, max: number, integer = false): Check<number> {
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return bad('must be a number');
    if (integer && !Number.isInteger(v)) return bad('must be a whole number');
    if (v < min || v > max) return bad(`must be between ${min} and ${max}`);
    return good(v);
  };
}

function text(maxLength: number, nonEmpty = false): Check<string> {
  return (v) => {
    if (typeof v !== 'string') return bad('must be text');
    if (v.length > maxLength) return bad(`must be at most ${maxLength} characters`);
    if (nonEmpty && !v.trim()) return bad('must not be empty');
    return good(v);
  };
}

const margins: Check<[number, number, number, number]> = (v) => {
  if (!Array.isArray(v) || v.length !== 4) return bad('must be four numbers (mm)');
  const one = numberIn(LIMITS.marginMm.min, LIMITS.marginMm.max);
  const out: number[] = [];
  for (const m of v) {
    const r = one(m);
    if (!r.ok) return bad(`each margin ${r.error}`);
    out.push(r.value);
  }
  return good(out as [number, number, number, number]);
};

const locale: Check<string> = (v) => {
  if (typeof v !== 'string' || !v.trim()) return bad('must be a language tag such as en-GB');
  try {
    const [canonical] = Intl.getCanonicalLocales(v);
    return canonical ? good(canonical) : bad('must be a language tag such as en-GB');
  } catch {
    return bad(`"${v}" is not a valid language tag`);
  }
};

/**
 * `https://wiki.example.com` (scheme, host, optional port; no path): what an optional host
 * permission is granted for. Returns the normalised origin, or undefined.
 */
export function parseOrigin(input: string): string | undefined {
  const trimmed = input.trim();
  if (!trimmed) return undefined;
  // Typing "wiki.example.com" means https.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  return url.origin;
}

const sites: Check<string[]> = (v) => {
  if (!Array.isArray(v)) return bad('must be a list of origins');
  if (v.length > LIMITS.maxSites) return bad(`must hold at most ${LIMITS.maxSites} sites`);
  const out: string[] = [];
  for (const s of v) {
    const origin = typeof s === 'string' ? parseOrigin(s) : undefined;
    // Stored values are normalised origins; anything else (a path, a pattern) is rejected.
    if (!origin || origin !== s)
      return bad(`"${String(s)}" is not an origin like https://wiki.example.com`);
    if (!out.includes(origin)) out.push(origin);
  }
  return good(out);
};

const LOGO_PREFIX = /^data:image\/(png|jpeg);base64,/;

/** Decoded size of a base64 data URL's payload. */
export function dataUrlBytes(dataUrl: string): number {
  const comma = dataUrl.indexOf(',');
  const b64 = dataUrl.slice(comma + 1);
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - padding;
}

const logo: Check<string> = (v) => {
  if (v === '') return good('');
  if (typeof v !== 'string' || !LOGO_PREFIX.test(v)) return bad('must be a PNG or JPEG image');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(v.slice(v.indexOf(',') + 1)))
    return bad('is not valid base64');
  if (dataUrlBytes(v) > MAX_LOGO_BYTES) return bad(`must be at most ${MAX_LOGO_BYTES / 1024} KB`);
  return good(v);
};

/** One validator per field; the object type makes a missing or extra field a compile error. */
export const FIELD_CHECKS: { [K in keyof Prefs]: Check<Prefs[K]> } = {
  pageSize: oneOf(PAGE_SIZES.map((p) => p.value)),
  orientation: oneOf(['portrait', 'landscape'] as const),
  marginsMm: margins,
  fontSize: numberIn(LIMITS.fontSize.min, LIMITS.fontSize.max),
  fontFamily: oneOf(FONT_FAMILY_CHOICES.map((f) => f.value)),
  headerTemplate: text(LIMITS.templateLength),
  footerTemplate: text(LIMITS.templateLength),
  cover: bool,
  coverLogo: logo,
  toc: bool,
  tocDepth: numberIn(LIMITS.tocDepth.min, LIMITS.tocDepth.max, true),
  newPagePerPage: bool,
  metadataLine: bool,
  watermarkText: text(LIMITS.watermarkLength),
  watermarkOpacity: numberIn(LIMITS.watermarkOpacity.min, LIMITS.watermarkOpacity.max),
  codeLineNumbers: bool,
  previewBeforeDownload: bool,
  taggedPdf: bool,
  attachToPage: bool,
  volumePages: numberIn(LIMITS.volumePages.min, LIMITS.volumePages.max, true),
  maxImageDpi: numberIn(LIMITS.maxImageDpi.min, LIMITS.maxImageDpi.max, true),
  fileNameTemplate: text(LIMITS.templateLength, true),
  restConcurrency: numberIn(LIMITS.restConcurrency.min, LIMITS.restConcurrency.max, true),
  sites,
  locale,
  dateFormat: oneOf(DATE_FORMATS.map((d) => d.value)),
};

export const PREF_KEYS = Object.keys(FIELD_CHECKS) as (keyof Prefs)[];

/** Human names of the fields, for error messages ("Font size must be between 6 and 24"). */
export const FIELD_LABELS: Record<keyof Prefs, string> = {
  pageSize: 'Page size',
  orientation: 'Orientation',
  marginsMm: 'Margins',
  fontSize: 'Font size',
  fontFamily: 'Font',
  headerTemplate: 'Header',
  footerTemplate: 'Footer',
  cover: 'Cover page',
  coverLogo: 'Cover logo',
  toc: 'Table of contents',
  tocDepth: 'Contents depth',
  newPagePerPage: 'New page per Confluence page',
  metadataLine: 'Page metadata line',
  watermarkText: 'Watermark text',
  watermarkOpacity: 'Watermark opacity',
  codeLineNumbers: 'Code line numbers',
  previewBeforeDownload: 'Preview before download',
  taggedPdf: 'Tagged (accessible) PDF',
  attachToPage: 'Save to Confluence',
  volumePages: 'Volume size',
  maxImageDpi: 'Image resolution cap',
  fileNameTemplate: 'File name',
  restConcurrency: 'Parallel requests',
  sites: 'Self-hosted sites',
  locale: 'Date locale',
  dateFormat: 'Date format',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function setField<K extends keyof Prefs>(out: Prefs, key: K, value: Prefs[K]): void {
  out[key] = value;
}

function copyDefault<K extends keyof Prefs>(key: K): Prefs[K] {
  const v = DEFAULT_PREFS[key];
  return (Array.isArray(v) ? [...v] : v) as Prefs[K];
}

/**
 * Lenient read of stored values: every valid field is kept, every invalid or missing field takes
 * its default. `invalid` names the fields that fell back (missing ones are not listed).
 */
export function readPrefs(values: unknown): { prefs: Prefs; invalid: (keyof Prefs)[] } {
  const source = isRecord(values) ? values : {};
  const prefs = { ...DEFAULT_PREFS };
  const invalid: (keyof Prefs)[] = [];
  for (const key of PREF_KEYS) {
    if (!(key in source)) {
      setField(prefs, key, copyDefault(key));
      continue;
    }
    const r = FIELD_CHECKS[key](source[key]);
    if (r.ok) setField(prefs, key, r.value);
    else {
      setField(prefs, key, copyDefault(key));
      invalid.push(key);
    }
  }
  return { prefs, invalid };
}

/**
 * Strict check of a partial set of values (a save, an imported file): every given field must be
 * valid and known. Returns the checked values, or one message listing every problem.
 */
export function checkPrefs(
  values: unknown,
): { ok: true; value: Partial<Prefs> } | { ok: false; error: string } {
  if (!isRecord(values)) return bad('Settings must be an object of named values.');
  const out: Partial<Prefs> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (!(PREF_KEYS as string[]).includes(key)) {
      problems.push(`unknown setting "${key}"`);
      continue;
    }
    const k = key as keyof Prefs;
    const r = FIELD_CHECKS[k](value);
    if (r.ok) (out as Record<string, unknown>)[k] = r.value;
    else problems.push(`${FIELD_LABELS[k]} (${k}) ${r.error}`);
  }
  return problems.length ? bad(problems.join('; ')) : good(out);
}
