// @vitest-environment node
/**
 * Preferences that change what the PDF shows, read back from the PDF: body font family, cover
 * logo, date format in header tokens and the metadata line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportModel } from '../../lib/model/types';
import { buildPdf } from '../helpers/build-pdf';
import { pngDataUrl } from '../helpers/images';
import { readPdf } from '../helpers/read-pdf';
import { p } from '../helpers/sample-model';

const model: ExportModel = {
  title: 'Release checklist',
  site: 'https://wiki.example.org',
  pages: [
    {
      id: '1',
      title: 'Release checklist',
      url: 'https://wiki.example.org/display/OPS/Release+checklist',
      spaceKey: 'OPS',
      depth: 0,
      updated: '2025-02-03T10:00:00Z',
      blocks: [p('Tag the release and publish the notes.')],
    },
  ],
  assets: {},
  warnings: [],
};

/** Names of the fonts embedded in a PDF, from poppler's pdffonts (subset prefixes removed). */
function embeddedFonts(bytes: Uint8Array): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'offprint-fonts-')), 'doc.pdf');
  writeFileSync(file, bytes);
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '') ?? '')
    .filter(Boolean);
}

const hasPdffonts = (() => {
  try {
    execFileSync('pdffonts', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('preferences read back from the PDF', () => {
  it.skipIf(!hasPdffonts)('sets the body text in the chosen font family', async () => {
    const roboto = embeddedFonts(await buildPdf(model, { headerTemplate: '', footerTemplate: '' }));
    const mono = embeddedFonts(
      await buildPdf(model, { fontFamily: 'Mono', headerTemplate: '', footerTemplate: '' }),
    );
    expect(roboto.some((f) => f.startsWith('Roboto'))).toBe(true);
    expect(mono.some((f) => f.startsWith('DejaVuSansMono'))).toBe(true);
    expect(mono.some((f) => f.startsWith('Roboto'))).toBe(false);
  });

  it('puts the cover logo on the cover page only', async () => {
    const withLogo = await readPdf(
      await buildPdf(model, { cover: true, coverLogo: pngDataUrl(120, 40) }),
    );
    const without = await readPdf(await buildPdf(model, { cover: true }));
    expect(withLogo.pages[0]?.imageCount).toBe(1);
    expect(without.pages[0]?.imageCount).toBe(0);
    expect(withLogo.pages.slice(1).every((page) => page.imageCount === 0)).toBe(true);
  });

  it('writes dates in the chosen format and locale', async () => {
    const iso = await readPdf(
      await buildPdf(model, { headerTemplate: 'On {date}', dateFormat: 'iso' }),
    );
    expect(iso.text).toContain('On 2025-03-15');
    expect(iso.text).toContain('Last updated 2025-02-03');
    const us = await readPdf(
      await buildPdf(model, { headerTemplate: 'On {date}', dateFormat: 'long', locale: 'en-US' }),
    );
    expect(us.text).toContain('On March 15, 2025');
    const de = await readPdf(
      await buildPdf(model, { headerTemplate: 'On {date}', dateFormat: 'short', locale: 'de-DE' }),
    );
    expect(de.text).toContain('On 15.03.25');
  });
});
