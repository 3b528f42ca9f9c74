/**
 * The warm-up and the build ask for the offscreen document at nearly the same moment: exactly
 * one document is created and both messages get through (Chrome refuses a second
 * createDocument while the first is finishing). A builder that cannot start answers a failure.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

function fakeChrome(options: { failCreate?: boolean; listedAfterMs?: number } = {}) {
  let created = false;
  let listed = false;
  let inFlight = false;
  const calls = { create: 0, messages: [] as string[] };
  const tick = () => new Promise((r) => setTimeout(r, 5));
  vi.stubGlobal('browser', {
    runtime: {
      getURL: (path: string) => `chrome-extension://offprint${path}`,
      getContexts: async () => {
        await tick();
        return listed ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : [];
      },
      sendMessage: async (message: { type: string }) => {
        if (!created)
          throw new Error('Could not establish connection. Receiving end does not exist.');
        calls.messages.push(message.type);
        return { ok: true, value: message.type };
      },
    },
    offscreen: {
      createDocument: async () => {
        calls.create++;
        if (options.failCreate) throw new Error('offscreen API unavailable');
        if (created || inFlight)
          throw new Error('Only a single offscreen document may be created.');
        inFlight = true;
        await tick();
        created = true;
        inFlight = false;
        // Chrome lists a new document in getContexts a moment after createDocument resolves.
        setTimeout(() => (listed = true), options.listedAfterMs ?? 0);
      },
    },
  });
  return calls;
}

describe('offscreen builder', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('creates one document for a warm-up and a build asked together', async () => {
    const calls = fakeChrome();
    const { buildInOffscreen, warmOffscreen } = await import('../../lib/export/offscreen-builder');
    const model = JSON.stringify({ title: 't', pages: [], assets: {}, warnings: [] });
    const [, built] = await Promise.all([
      warmOffscreen(),
      buildInOffscreen(model, {} as never, { freshWorker: false }),
    ]);
    expect(built).toEqual({ ok: true, value: 'build-pdf' });
    expect(calls.create).toBe(1);
    expect(calls.messages.sort()).toEqual(['build-pdf', 'warm']);
  });

  it('takes "only a single offscreen document" as the document being there', async () => {
    const calls = fakeChrome({ listedAfterMs: 50 });
    const { buildInOffscreen, warmOffscreen } = await import('../../lib/export/offscreen-builder');
    await warmOffscreen();
    const built = await buildInOffscreen('{}', {} as never, { freshWorker: false });
    expect(built).toEqual({ ok: true, value: 'build-pdf' });
    expect(calls.create).toBe(2);
  });

  it('answers a failure when the document cannot be created', async () => {
    fakeChrome({ failCreate: true });
    const { buildInOffscreen } = await import('../../lib/export/offscreen-builder');
    const built = await buildInOffscreen('{}', {} as never, { freshWorker: false });
    expect(built).toMatchObject({
      ok: false,
      error: expect.stringMatching(/could not start: offscreen API unavailable/),
    });
  });
});
