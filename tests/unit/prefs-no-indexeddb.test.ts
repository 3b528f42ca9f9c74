import { describe, expect, it, vi } from 'vitest';

describe('preferences without IndexedDB (Node at build time, a broken profile)', () => {
  it('imports without touching IndexedDB, and loadPrefs falls back to the defaults', async () => {
    expect('indexedDB' in globalThis).toBe(false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { loadPrefs } = await import('../../lib/prefs/store');
    await import('../../lib/prefs/use-prefs');
    const { DEFAULT_PREFS } = await import('../../lib/prefs/schema');
    expect(await loadPrefs()).toEqual(DEFAULT_PREFS);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
