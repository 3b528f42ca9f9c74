/**
 * Versions of the stored preference values. A record carries the version its `values` were
 * written in; reading migrates them step by step to `CURRENT_VERSION`, then validates per field.
 *
 * - v1: the first shape (page, text, header/footer, cover/TOC flags, watermark, images, file name,
 *   concurrency, locale).
 * - v2: adds `fontFamily`, `coverLogo`, `sites`, `dateFormat`.
 * - v3: adds `previewBeforeDownload`.
 * - v4: adds `taggedPdf` (on: existing users get accessible PDFs, like new ones).
 * - v5: adds `attachToPage` (off: uploading to Confluence is always the user's choice).
 * - v6: adds `volumePages` (500: long page-tree exports are split for existing users too).
 *
 * To change the shape: bump `CURRENT_VERSION`, add a step from the previous version, and a test
 * that migrates a record of the previous version.
 */

export const CURRENT_VERSION = 6;

/** Values as stored: untrusted, checked field by field after migration. */
export type StoredValues = Record<string, unknown>;

/** `STEPS[n]` turns version-n values into version n+1 values. Steps never throw. */
const STEPS: Record<number, (values: StoredValues) => StoredValues> = {
  1: (v1) => ({
    ...v1,
    fontFamily: 'Roboto',
    coverLogo: '',
    sites: [],
    // v1 dates were always written in the long style.
    dateFormat: 'long',
  }),
  2: (v2) => ({ ...v2, previewBeforeDownload: false }),
  3: (v3) => ({ ...v3, taggedPdf: true }),
  4: (v4) => ({ ...v4, attachToPage: false }),
  5: (v5) => ({ ...v5, volumePages: 500 }),
};

export type MigrationResult =
  { ok: true; values: StoredValues; from: number } | { ok: false; error: string };

/** Migrates values written in `version` to `CURRENT_VERSION`. */
export function migrate(version: unknown, values: unknown): MigrationResult {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `Unknown settings version ${JSON.stringify(version)}.` };
  }
  if (version > CURRENT_VERSION) {
    return {
      ok: false,
      error: `These settings are from a newer Offprint (version ${version}; this one reads up to ${CURRENT_VERSION}).`,
    };
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return { ok: false, error: 'Settings values must be an object.' };
  }
  let current = { ...(values as StoredValues) };
  for (let v = version; v < CURRENT_VERSION; v++) {
    const step = STEPS[v];
    if (!step) return { ok: false, error: `No migration from settings version ${v}.` };
    current = step(current);
  }
  return { ok: true, values: current, from: version };
}
