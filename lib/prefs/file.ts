import { CURRENT_VERSION, migrate } from './migrations';
import { checkPrefs, readPrefs, type Prefs } from './schema';

/** Errors as data, like lib/messaging's `Result` (lib/prefs imports nothing but idb and zustand). */
export type PrefsResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Marks a JSON file as Offprint settings, so a random JSON file is refused by name. */
export const FILE_KIND = 'offprint-preferences';

/** Shape of an exported settings file. */
export interface PrefsFile {
  kind: typeof FILE_KIND;
  version: number;
  exportedAt: string;
  values: Prefs;
}

/** The content of an exported settings file: pretty JSON, current version. */
export function serializePrefs(prefs: Prefs, exportedAt: Date = new Date()): string {
  const file: PrefsFile = {
    kind: FILE_KIND,
    version: CURRENT_VERSION,
    exportedAt: exportedAt.toISOString(),
    values: prefs,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Strict reading of a settings file: valid JSON, our kind, a known version (older ones are
 * migrated), every value known and valid. Fields the file leaves out take their defaults.
 */
export function parsePrefsFile(text: string): PrefsResult<Prefs> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The file is not valid JSON (${detail}).` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: 'This is not an Offprint settings file.' };
  }
  const file = data as Record<string, unknown>;
  if (file.kind !== FILE_KIND)
    return { ok: false, error: 'This is not an Offprint settings file.' };
  const migrated = migrate(file.version, file.values);
  if (!migrated.ok) return { ok: false, error: migrated.error };
  const checked = checkPrefs(migrated.values);
  if (!checked.ok) return { ok: false, error: `The file has invalid settings: ${checked.error}.` };
  return { ok: true, value: readPrefs(checked.value).prefs };
}
