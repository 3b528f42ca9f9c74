import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { PrefsResult } from './file';
import { checkPrefs, readPrefs, type Prefs } from './schema';
import * as store from './store';
import type { LoadedPrefs } from './store';

/** Where the latest change is: shown by the options page as "Saving…" / "Saved". */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface PrefsState {
  prefs: Prefs;
  status: 'loading' | 'ready' | 'error';
  save: SaveState;
  /** Last load/save error, as a sentence. */
  error: string | undefined;
  /** Fields that were invalid in the stored record and fell back to their defaults. */
  resetOnLoad: (keyof Prefs)[];
  /**
   * Bumped whenever the values are replaced as a whole (load, reset, import): forms key their
   * fields on it so typed drafts and inline errors start over.
   */
  revision: number;
  load(): Promise<void>;
  /** Applies valid values at once and saves them after a short pause; invalid ones are refused. */
  update(partial: Partial<Prefs>): PrefsResult<Partial<Prefs>>;
  /** Saves a pending change now (e.g. before the page closes). */
  flush(): Promise<void>;
  reset(): Promise<void>;
  importText(text: string): Promise<PrefsResult<Prefs>>;
  exportText(): Promise<string>;
}

/** The storage functions the hook uses; tests hand in fakes or the real store. */
export interface PrefsBackend {
  loadPrefsDetailed(): Promise<LoadedPrefs>;
  savePrefs(partial: Partial<Prefs>): Promise<PrefsResult<Prefs>>;
  resetPrefs(): Promise<Prefs>;
  importPrefs(text: string): Promise<PrefsResult<Prefs>>;
  exportPrefs(): Promise<string>;
}

/** The idb store itself (opened only when a function is called). */
const realBackend: PrefsBackend = store;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A preferences store with debounced saving; `usePrefs` is the app's instance. */
export function createPrefsStore(
  backend: PrefsBackend = realBackend,
  saveDelayMs = 400,
): UseBoundStore<StoreApi<PrefsState>> {
  let pending: Partial<Prefs> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();

  return create<PrefsState>()((set, get) => {
    const saveNow = async (): Promise<void> => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      // Saves run one after another, each with everything changed since the previous one.
      saving = saving.then(async () => {
        if (Object.keys(pending).length === 0) return;
        const batch = pending;
        pending = {};
        set({ save: 'saving' });
        try {
          const result = await backend.savePrefs(batch);
          const more = Object.keys(pending).length > 0;
          if (result.ok) set({ save: more ? 'pending' : 'saved', error: undefined });
          else set({ save: 'error', error: result.error });
        } catch (error) {
          set({ save: 'error', error: `Could not save: ${message(error)}` });
        }
      });
      return saving;
    };

    return {
      prefs: readPrefs({}).prefs,
      status: 'loading',
      save: 'idle',
      error: undefined,
      resetOnLoad: [],
      revision: 0,

      async load() {
        set({ status: 'loading' });
        try {
          const loaded = await backend.loadPrefsDetailed();
          set({
            prefs: loaded.prefs,
            status: 'ready',
            resetOnLoad: loaded.invalid,
            error: undefined,
            revision: get().revision + 1,
          });
        } catch (error) {
          set({ status: 'error', error: `Could not read settings: ${message(error)}` });
        }
      },

      update(partial) {
        const checked = checkPrefs(partial);
        if (!checked.ok) return checked;
        pending = { ...pending, ...checked.value };
        set({ prefs: { ...get().prefs, ...checked.value }, save: 'pending' });
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => void saveNow(), saveDelayMs);
        return checked;
      },

      flush: saveNow,

      async reset() {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        pending = {};
        await saving;
        try {
          const prefs = await backend.resetPrefs();
          set({
            prefs,
            save: 'saved',
            error: undefined,
            resetOnLoad: [],
            revision: get().revision + 1,
          });
        } catch (error) {
          set({ save: 'error', error: `Could not reset: ${message(error)}` });
        }
      },

      async importText(text) {
        // Pending edits are saved first, so a refused import leaves exactly what the user sees.
        await saveNow();
        const result = await backend.importPrefs(text);
        if (result.ok) {
          set({
            prefs: result.value,
            save: 'saved',
            error: undefined,
            resetOnLoad: [],
            revision: get().revision + 1,
          });
        }
        return result;
      },

      async exportText() {
        await saveNow();
        return backend.exportPrefs();
      },
    };
  });
}

/** Preferences for the React UIs (options page, popup). Call `load()` once on mount. */
export const usePrefs = createPrefsStore();
