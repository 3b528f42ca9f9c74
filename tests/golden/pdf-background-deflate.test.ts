// @vitest-environment node
/**
 * Page content compressed on another thread (the extension's deflate Worker) ends late: pdfkit
 * must wait for it and still write a whole, valid file with the same pages. Here the "thread"
 * answers on a later macrotask, or fails (then the page is compressed on this thread).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deflateBytes, setBackgroundDeflater } from '../../lib/pdf/deflate';
import { buildPdf } from '../helpers/build-pdf';
import { qpdfCheck, readPdf } from '../helpers/read-pdf';
import { p, sampleModel, t } from '../helpers/sample-model';

const later = <T>(fn: () => T): Promise<T> =>
  new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(fn());
      } catch (error) {
        reject(error as Error);
      }
    }, 1),
  );

describe('page content deflated in the background', () => {
  afterEach(() => setBackgroundDeflater(undefined));

  it('writes the same pages when every page ends late', async () => {
    const plain = await readPdf(await buildPdf(sampleModel()), { images: false });
    let calls = 0;
    setBackgroundDeflater((bytes) => {
      calls++;
      return later(() => deflateBytes(bytes));
    });
    const bytes = await buildPdf(sampleModel());
    expect(calls).toBeGreaterThanOrEqual(plain.pages.length);
    const late = await readPdf(bytes, { images: false });
    expect(late.pages.map((pg) => pg.text)).toEqual(plain.pages.map((pg) => pg.text));
    const check = qpdfCheck(bytes);
    expect(check.ok, check.output).toBe(true);
  });

  it('writes object streams that end late too (hundreds of link objects)', async () => {
    const model = sampleModel();
    model.pages[0]?.blocks.push(
      ...Array.from({ length: 150 }, (_, i) =>
        p('See ', {
          type: 'link',
          target: { kind: 'url', url: `https://example.com/doc/${i}` },
          inlines: [t(`document ${i}`)],
        }),
      ),
    );
    const plain = await readPdf(await buildPdf(model), { images: false });
    let calls = 0;
    setBackgroundDeflater((bytes) => {
      calls++;
      return later(() => deflateBytes(bytes));
    });
    const bytes = await buildPdf(model);
    const late = await readPdf(bytes, { images: false });
    expect(calls).toBeGreaterThan(plain.pages.length);
    expect(late.pages.flatMap((pg) => pg.links.map((l) => l.url))).toEqual(
      plain.pages.flatMap((pg) => pg.links.map((l) => l.url)),
    );
    expect(late.pages.flatMap((pg) => pg.links).length).toBeGreaterThan(150);
    const check = qpdfCheck(bytes);
    expect(check.ok, check.output).toBe(true);
  });

  it('compresses here when the background fails', async () => {
    setBackgroundDeflater(() =>
      later(() => Promise.reject(new Error('worker gone'))).then((p) => p),
    );
    const bytes = await buildPdf(sampleModel());
    const pdf = await readPdf(bytes, { images: false });
    expect(pdf.text).toContain('Engineering Handbook');
    const check = qpdfCheck(bytes);
    expect(check.ok, check.output).toBe(true);
  });
});
