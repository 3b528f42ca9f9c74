import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import * as store from '../../lib/prefs/store';
import { createPrefsStore } from '../../lib/prefs/use-prefs';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('usePrefs store', () => {
  it('loads, applies changes at once and saves them debounced in one write', async () => {
    const savePrefs = vi.spyOn(store, 'savePrefs');
    const prefs = createPrefsStore(store, 30);
    await prefs.getState().load();
    expect(prefs.getState().status).toBe('ready');
    expect(prefs.getState().prefs).toEqual(DEFAULT_PREFS);

    prefs.getState().update({ pageSize: 'LETTER' });
    prefs.getState().update({ fontSize: 12 });
    expect(prefs.getState().prefs.pageSize).toBe('LETTER');
    expect(prefs.getState().save).toBe('pending');
    expect(await store.loadPrefs()).toEqual(DEFAULT_PREFS);

    await vi.waitFor(() => expect(prefs.getState().save).toBe('saved'));
    expect(savePrefs).toHaveBeenCalledTimes(1);
    expect(savePrefs).toHaveBeenCalledWith({ pageSize: 'LETTER', fontSize: 12 });
    expect(await store.loadPrefs()).toEqual({ ...DEFAULT_PREFS, pageSize: 'LETTER', fontSize: 12 });
    savePrefs.mockRestore();
  });

  it('refuses an invalid value without changing state', async () => {
    const prefs = createPrefsStore(store, 10);
    await prefs.getState().load();
    const result = prefs.getState().update({ tocDepth: 9 });
    expect(result.ok).toBe(false);
    expect(prefs.getState().prefs.tocDepth).toBe(DEFAULT_PREFS.tocDepth);
    expect(prefs.getState().save).toBe('idle');
  });

  it('flushes pending edits before an import; a refused import keeps them', async () => {
    const prefs = createPrefsStore(store, 10_000);
    await prefs.getState().load();
    prefs.getState().update({ watermarkText: 'DRAFT' });
    const result = await prefs.getState().importText('{oops');
    expect(result.ok).toBe(false);
    expect(prefs.getState().prefs.watermarkText).toBe('DRAFT');
    expect((await store.loadPrefs()).watermarkText).toBe('DRAFT');
  });

  it('exports and resets', async () => {
    const prefs = createPrefsStore(store, 10_000);
    await prefs.getState().load();
    prefs.getState().update({ cover: true });
    const text = await prefs.getState().exportText();
    expect(JSON.parse(text)).toMatchObject({ values: { cover: true } });
    const revision = prefs.getState().revision;
    await prefs.getState().reset();
    expect(prefs.getState().revision).toBe(revision + 1);
    expect(prefs.getState().prefs).toEqual(DEFAULT_PREFS);
    expect(await store.loadPrefs()).toEqual(DEFAULT_PREFS);
    expect((await prefs.getState().importText(text)).ok).toBe(true);
    expect(prefs.getState().prefs.cover).toBe(true);
  });
});
