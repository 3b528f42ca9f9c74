import { assert, describe, expect, it } from 'vitest';
import { CURRENT_VERSION, migrate } from '../../lib/prefs/migrations';
import { DEFAULT_PREFS, readPrefs } from '../../lib/prefs/schema';

/** A record as v1 (the first release of the schema) wrote it. */
const V1_VALUES = {
  pageSize: 'LETTER',
  orientation: 'landscape',
  marginsMm: [10, 12, 10, 12],
  fontSize: 11,
  headerTemplate: '{space} — {title}',
  footerTemplate: 'Page {page} of {pages}',
  cover: true,
  toc: true,
  tocDepth: 2,
  newPagePerPage: false,
  metadataLine: false,
  watermarkText: 'CONFIDENTIAL',
  watermarkOpacity: 0.2,
  codeLineNumbers: true,
  maxImageDpi: 150,
  fileNameTemplate: '{space} {title} {date}',
  restConcurrency: 2,
  locale: 'de-DE',
};

describe('preference migrations', () => {
  it('is at version 6', () => {
    expect(CURRENT_VERSION).toBe(6);
  });

  it('migrates v1 values to the current version, keeping every v1 value', () => {
    const result = migrate(1, V1_VALUES);
    assert(result.ok, JSON.stringify(result));
    expect(result.from).toBe(1);
    const { prefs, invalid } = readPrefs(result.values);
    expect(invalid).toEqual([]);
    expect(prefs).toEqual({
      ...V1_VALUES,
      fontFamily: 'Roboto',
      coverLogo: '',
      sites: [],
      dateFormat: 'long',
      previewBeforeDownload: false,
      taggedPdf: true,
      attachToPage: false,
      volumePages: 500,
    });
  });

  it('migrates v2 values with the preview off, keeping every v2 value', () => {
    const v2 = { ...V1_VALUES, fontFamily: 'Mono', coverLogo: '', sites: [], dateFormat: 'iso' };
    const result = migrate(2, v2);
    assert(result.ok, JSON.stringify(result));
    expect(result.from).toBe(2);
    const { prefs, invalid } = readPrefs(result.values);
    expect(invalid).toEqual([]);
    expect(prefs).toEqual({
      ...v2,
      previewBeforeDownload: false,
      taggedPdf: true,
      attachToPage: false,
      volumePages: 500,
    });
  });

  it('migrates v3 values to v4 with tagging on, keeping every v3 value', () => {
    const v3 = {
      ...V1_VALUES,
      fontFamily: 'Mono',
      coverLogo: '',
      sites: [],
      dateFormat: 'iso',
      previewBeforeDownload: true,
    };
    const result = migrate(3, v3);
    assert(result.ok, JSON.stringify(result));
    expect(result.from).toBe(3);
    const { prefs, invalid } = readPrefs(result.values);
    expect(invalid).toEqual([]);
    expect(prefs).toEqual({ ...v3, taggedPdf: true, attachToPage: false, volumePages: 500 });
  });

  it('migrates v4 values to v5 with Save to Confluence off, keeping every v4 value', () => {
    const v4 = {
      ...V1_VALUES,
      fontFamily: 'Mono',
      coverLogo: '',
      sites: [],
      dateFormat: 'iso',
      previewBeforeDownload: true,
      taggedPdf: false,
    };
    const result = migrate(4, v4);
    assert(result.ok, JSON.stringify(result));
    expect(result.from).toBe(4);
    const { prefs, invalid } = readPrefs(result.values);
    expect(invalid).toEqual([]);
    expect(prefs).toEqual({ ...v4, attachToPage: false, volumePages: 500 });
  });

  it('migrates v5 values to v6 with volumes of 500 pages, keeping every v5 value', () => {
    const v5 = {
      ...V1_VALUES,
      fontFamily: 'Mono',
      coverLogo: '',
      sites: [],
      dateFormat: 'iso',
      previewBeforeDownload: true,
      taggedPdf: false,
      attachToPage: true,
    };
    const result = migrate(5, v5);
    assert(result.ok, JSON.stringify(result));
    expect(result.from).toBe(5);
    const { prefs, invalid } = readPrefs(result.values);
    expect(invalid).toEqual([]);
    expect(prefs).toEqual({ ...v5, volumePages: 500 });
  });

  it('does not mutate its input', () => {
    const input = { ...V1_VALUES };
    migrate(1, input);
    expect(input).toEqual(V1_VALUES);
  });

  it('leaves current values alone', () => {
    expect(migrate(CURRENT_VERSION, DEFAULT_PREFS)).toEqual({
      ok: true,
      values: DEFAULT_PREFS,
      from: CURRENT_VERSION,
    });
  });

  it('refuses unknown versions with a message', () => {
    for (const version of [0, -1, 1.5, '2', null, undefined, CURRENT_VERSION + 1]) {
      const result = migrate(version, {});
      expect(result.ok, String(version)).toBe(false);
    }
    expect(migrate(CURRENT_VERSION + 1, {})).toMatchObject({
      ok: false,
      error: expect.stringContaining('newer Offprint'),
    });
    expect(migrate(1, 'values').ok).toBe(false);
  });
});
