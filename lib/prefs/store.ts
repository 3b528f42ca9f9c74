import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parsePrefsFile, serializePrefs, type PrefsResult } from './file';
import { CURRENT_VERSION, migrate } from './migrations';
import { checkPrefs, readPrefs, type Prefs } from './schema';

/**
 * The one IndexedDB database of the extension. It holds preferences and nothing else: one
 * record, `{ id: 'prefs', version, values }`.
 */
export const DB_NAME = 'offprint-prefs';
export const STORE_NAME = 'prefs';
export const RECORD_ID = 'prefs';

/** The stored record as written; read back untrusted (`values` may be old, corrupt or partial). */
export interface PrefsRecord {
  id: typeof RECORD_ID;
  version: number;
  values: Record<string, unknown>;
}

interface PrefsDb extends DBSchema {
  prefs: { key: string; value: PrefsRecord };
}

/** What a load found, for a UI that wants to say "2 settings were reset". */
export interface LoadedPrefs {
  prefs: Prefs;
  /** Version of the stored record (undefined: nothing stored yet). */
  storedVersion: number | undefined;
  /** Fields that were invalid and fell back to their defaults. */
  invalid: (keyof Prefs)[];
}

/**
 * Opened per call and closed after: never at module top level (WXT imports entrypoints in Node at
 * build time; importing idb itself touches no IndexedDB global), and a service worker that is
 * stopped leaves no connection blocking an upgrade.
 */
async function withDb<T>(use: (db: IDBPDatabase<PrefsDb>) => Promise<T>): Promise<T> {
  const db = await openDB<PrefsDb>(DB_NAME, 1, {
    upgrade(database) {
      if (!database.objectStoreNames.contains(STORE_NAME)) {
        database.createObjectStore(STORE_NAME, { keyPath: 'id' });
      }
    },
  });
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

function record(prefs: Prefs): PrefsRecord {
  return { id: RECORD_ID, version: CURRENT_VERSION, values: { ...prefs } };
}

/** Stored record -> preferences: migrated, then each field validated on its own. */
function fromRecord(stored: PrefsRecord | undefined): LoadedPrefs {
  if (!stored) return { prefs: readPrefs({}).prefs, storedVersion: undefined, invalid: [] };
  const migrated = migrate(stored.version, stored.values);
  // A record from a newer version (after a downgrade) or with a broken version: keep whatever
  // fields still validate rather than losing them all.
  const values = migrated.ok ? migrated.values : stored.values;
  const { prefs, invalid } = readPrefs(values);
  return { prefs, storedVersion: stored.version, invalid };
}

/** Preferences with details of what was stored. Throws when IndexedDB itself fails. */
export async function loadPrefsDetailed(): Promise<LoadedPrefs> {
  return withDb(async (db) => fromRecord(await db.get(STORE_NAME, RECORD_ID)));
}

/**
 * The user's preferences, complete and valid. Never throws: if IndexedDB is unavailable the
 * defaults are returned (an export with default settings beats a failed export).
 */
export async function loadPrefs(): Promise<Prefs> {
  try {
    return (await loadPrefsDetailed()).prefs;
  } catch (error) {
    console.warn('Offprint: could not read preferences, using defaults', error);
    return readPrefs({}).prefs;
  }
}

/**
 * Merges `partial` into the stored preferences (read and written in one transaction, so two quick
 * saves never lose each other). Every given field must be valid, or nothing is written.
 */
export async function savePrefs(partial: Partial<Prefs>): Promise<PrefsResult<Prefs>> {
  const checked = checkPrefs(partial);
  if (!checked.ok) return { ok: false, error: checked.error };
  return withDb(async (db) => {
    const tx = db.transaction(STORE_NAME, 'readwrite');
    const { prefs } = fromRecord(await tx.store.get(RECORD_ID));
    const next: Prefs = { ...prefs, ...checked.value };
    await tx.store.put(record(next));
    await tx.done;
    return { ok: true, value: next };
  });
}

/** Replaces the stored preferences with the defaults. */
export async function resetPrefs(): Promise<Prefs> {
  const prefs = readPrefs({}).prefs;
  await withDb((db) => db.put(STORE_NAME, record(prefs)));
  return prefs;
}

/** The content of a settings file for the stored preferences (see `serializePrefs`). */
export async function exportPrefs(exportedAt: Date = new Date()): Promise<string> {
  return serializePrefs((await loadPrefsDetailed()).prefs, exportedAt);
}

/**
 * Replaces the stored preferences with a settings file's. A file that is not valid JSON, not
 * ours, of an unknown version or with any invalid value is refused with a message, and the
 * stored record is left exactly as it was.
 */
export async function importPrefs(text: string): Promise<PrefsResult<Prefs>> {
  const parsed = parsePrefsFile(text);
  if (!parsed.ok) return parsed;
  await withDb((db) => db.put(STORE_NAME, record(parsed.value)));
  return parsed;
}

/** The raw stored record, as IndexedDB holds it (tests and diagnostics). */
export async function readStoredRecord(): Promise<PrefsRecord | undefined> {
  return withDb((db) => db.get(STORE_NAME, RECORD_ID));
}
