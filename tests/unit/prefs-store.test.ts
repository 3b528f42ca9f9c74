import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { FILE_KIND, serializePrefs } from '../../lib/prefs/file';
import { CURRENT_VERSION } from '../../lib/prefs/migrations';
import { DEFAULT_PREFS, type Prefs } from '../../lib/prefs/schema';
import {
  DB_NAME,
  exportPrefs,
  importPrefs,
  loadPrefs,
  loadPrefsDetailed,
  readStoredRecord,
  RECORD_ID,
  resetPrefs,
  savePrefs,
  STORE_NAME,
} from '../../lib/prefs/store';

/** Writes a record as some other version of the extension (or a corruption) left it. */
async function writeRaw(record: unknown): Promise<void> {
  const db = await openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE_NAME, { keyPath: 'id' });
    },
  });
  await db.put(STORE_NAME, record);
  db.close();
}

async function rawSnapshot(): Promise<string> {
  return JSON.stringify(await readStoredRecord());
}

const CUSTOM: Partial<Prefs> = {
  pageSize: 'A3',
  orientation: 'landscape',
  marginsMm: [5, 6, 7, 8],
  fontFamily: 'Mono',
  watermarkText: 'DRAFT',
  sites: ['https://wiki.example.com', 'http://10.0.0.5:8090'],
  dateFormat: 'iso',
};

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

describe('preference store', () => {
  it('loads the defaults when nothing is stored, without writing', async () => {
    expect(await loadPrefs()).toEqual(DEFAULT_PREFS);
    expect(await readStoredRecord()).toBeUndefined();
    const detailed = await loadPrefsDetailed();
    expect(detailed.storedVersion).toBeUndefined();
  });

  it('round-trips a save, merging partial saves', async () => {
    const first = await savePrefs(CUSTOM);
    expect(first).toEqual({ ok: true, value: { ...DEFAULT_PREFS, ...CUSTOM } });
    await savePrefs({ toc: true, tocDepth: 2 });
    expect(await loadPrefs()).toEqual({ ...DEFAULT_PREFS, ...CUSTOM, toc: true, tocDepth: 2 });
    const raw = await readStoredRecord();
    expect(raw?.id).toBe(RECORD_ID);
    expect(raw?.version).toBe(CURRENT_VERSION);
  });

  it('keeps the database to one store and one record', async () => {
    await savePrefs(CUSTOM);
    await savePrefs({ cover: true });
    const db = await openDB(DB_NAME);
    expect([...db.objectStoreNames]).toEqual([STORE_NAME]);
    expect(await db.getAllKeys(STORE_NAME)).toEqual([RECORD_ID]);
    db.close();
  });

  it('does not lose either of two concurrent saves', async () => {
    await Promise.all([savePrefs({ cover: true }), savePrefs({ toc: true })]);
    const prefs = await loadPrefs();
    expect(prefs.cover).toBe(true);
    expect(prefs.toc).toBe(true);
  });

  it('refuses an invalid save and writes nothing', async () => {
    await savePrefs(CUSTOM);
    const before = await rawSnapshot();
    const result = await savePrefs({ fontSize: 400, toc: true });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('Font size') });
    expect(await rawSnapshot()).toBe(before);
  });

  it('falls back per field on a corrupt record: one bad field keeps the rest', async () => {
    await writeRaw({
      id: RECORD_ID,
      version: CURRENT_VERSION,
      values: { ...DEFAULT_PREFS, ...CUSTOM, fontSize: 'twelve', sites: 'https://x' },
    });
    const { prefs, invalid } = await loadPrefsDetailed();
    expect(invalid.sort()).toEqual(['fontSize', 'sites']);
    expect(prefs).toEqual({
      ...DEFAULT_PREFS,
      ...CUSTOM,
      fontSize: DEFAULT_PREFS.fontSize,
      sites: DEFAULT_PREFS.sites,
    });
  });

  it('survives a record with no values at all, or a broken version', async () => {
    await writeRaw({ id: RECORD_ID, version: 'x', values: null });
    expect(await loadPrefs()).toEqual(DEFAULT_PREFS);
    await writeRaw({ id: RECORD_ID, version: 99, values: { pageSize: 'LEGAL', future: 1 } });
    expect((await loadPrefs()).pageSize).toBe('LEGAL');
  });

  it('migrates a v1 record to the current version on load, and saves it as current', async () => {
    const v1 = {
      pageSize: 'LETTER',
      orientation: 'portrait',
      marginsMm: [10, 12, 10, 12],
      fontSize: 11,
      headerTemplate: '{space}',
      footerTemplate: '{page}',
      cover: true,
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
      locale: 'fr-FR',
    };
    await writeRaw({ id: RECORD_ID, version: 1, values: v1 });
    const detailed = await loadPrefsDetailed();
    expect(detailed.storedVersion).toBe(1);
    expect(detailed.invalid).toEqual([]);
    expect(detailed.prefs).toEqual({
      ...v1,
      fontFamily: 'Roboto',
      coverLogo: '',
      sites: [],
      dateFormat: 'long',
      previewBeforeDownload: false,
      taggedPdf: true,
      attachToPage: false,
      volumePages: 500,
    });
    await savePrefs({ toc: true });
    const raw = await readStoredRecord();
    expect(raw?.version).toBe(CURRENT_VERSION);
    expect(raw?.values).toEqual({ ...detailed.prefs, toc: true });
  });

  it('resets to the defaults', async () => {
    await savePrefs(CUSTOM);
    expect(await resetPrefs()).toEqual(DEFAULT_PREFS);
    expect(await loadPrefs()).toEqual(DEFAULT_PREFS);
  });
});

describe('settings files', () => {
  it('export -> import round trip restores every value', async () => {
    await savePrefs({ ...CUSTOM, coverLogo: 'data:image/png;base64,iVBORw0KGgo=' });
    const saved = await loadPrefs();
    const text = await exportPrefs(new Date('2025-03-15T12:00:00Z'));
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file.kind).toBe(FILE_KIND);
    expect(file.version).toBe(CURRENT_VERSION);
    expect(file.exportedAt).toBe('2025-03-15T12:00:00.000Z');

    await resetPrefs();
    expect(await importPrefs(text)).toEqual({ ok: true, value: saved });
    expect(await loadPrefs()).toEqual(saved);
  });

  it('imports a v1 file, migrating it', async () => {
    const text = JSON.stringify({
      kind: FILE_KIND,
      version: 1,
      values: { pageSize: 'LEGAL', watermarkText: 'OLD' },
    });
    const result = await importPrefs(text);
    expect(result.ok).toBe(true);
    const prefs = await loadPrefs();
    expect(prefs).toEqual({ ...DEFAULT_PREFS, pageSize: 'LEGAL', watermarkText: 'OLD' });
  });

  const refused: [string, string, string][] = [
    ['malformed JSON', '{"kind": "offprint-preferences", "version": 2,', 'not valid JSON'],
    ['a JSON array', '[1, 2, 3]', 'not an Offprint settings file'],
    ['another kind of file', JSON.stringify({ name: 'package', version: 2 }), 'not an Offprint'],
    [
      'an unknown (newer) version',
      JSON.stringify({ kind: FILE_KIND, version: CURRENT_VERSION + 1, values: {} }),
      'newer Offprint',
    ],
    [
      'a missing version',
      JSON.stringify({ kind: FILE_KIND, values: {} }),
      'Unknown settings version',
    ],
    [
      'wrong types',
      JSON.stringify({
        kind: FILE_KIND,
        version: CURRENT_VERSION,
        values: { ...DEFAULT_PREFS, fontSize: '12', cover: 'yes' },
      }),
      'Font size (fontSize) must be a number',
    ],
    [
      'an unknown setting',
      JSON.stringify({ kind: FILE_KIND, version: CURRENT_VERSION, values: { colour: 'red' } }),
      'unknown setting "colour"',
    ],
    [
      'values that are not an object',
      JSON.stringify({ kind: FILE_KIND, version: CURRENT_VERSION, values: 'A4' }),
      'must be an object',
    ],
  ];

  it.each(refused)(
    'refuses %s with a clear error and changes nothing',
    async (_name, text, error) => {
      await savePrefs(CUSTOM);
      const before = await rawSnapshot();
      const result = await importPrefs(text);
      expect(result).toMatchObject({ ok: false, error: expect.stringContaining(error) });
      expect(await rawSnapshot()).toBe(before);
    },
  );

  it('refusing a file when nothing is stored still writes nothing', async () => {
    const result = await importPrefs('not json');
    expect(result.ok).toBe(false);
    expect(await readStoredRecord()).toBeUndefined();
  });

  it('serialises deterministically', () => {
    const at = new Date('2025-01-01T00:00:00Z');
    expect(serializePrefs(DEFAULT_PREFS, at)).toBe(serializePrefs({ ...DEFAULT_PREFS }, at));
  });
});
