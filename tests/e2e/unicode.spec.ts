import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPdf, squash } from '../helpers/read-pdf';
import { SCRIPT_SAMPLES } from '../sample-confluence/content/pages-multilingual';
import { exportedFile } from './harness/extension';
import { expect, test } from './harness/sample';

/** pdfjs drops the emoji presentation selector and joiners from extracted text. */
const bare = (text: string): string =>
  squash(text.normalize('NFC')).replace(/[\ufe0f\u200d]/gu, '');

/**
 * Arabic letters that come back whole: pdfjs reads a ligature (lam-alef) with its letters
 * swapped (see tests/golden/pdf-unicode.test.ts), so Arabic is checked word by word on the
 * words the shipped font draws without a ligature.
 */
const ARABIC_WORDS = ['أنا', 'قادر', 'على', 'أكل', 'الزجاج'];

for (const site of ['dc', 'cloud'] as const) {
  test(`${site}: the toolbar button exports "Multilingual" with every script as text`, async ({
    ext,
    sample,
  }) => {
    const page = await ext.context.newPage();
    await page.goto(sample.loginUrl(site));
    await page.goto(sample.pageUrl(site, 'Multilingual'));
    await page.waitForLoadState('load');
    ext.requests.length = 0;

    const { file } = exportedFile(await ext.exportViaAction(page));
    expect(file.fileName).toBe('Multilingual.pdf');

    const pdf = await readPdf(file.bytes);
    const text = bare(pdf.text);
    for (const [script, sentence] of Object.entries(SCRIPT_SAMPLES)) {
      if (script === 'arabic') continue;
      expect(text, script).toContain(bare(sentence));
    }
    for (const word of ARABIC_WORDS) expect(text).toContain(word);

    // Fonts ship inside the extension: no request leaves the sample Confluence.
    expect(ext.foreignRequests(sample.origins)).toEqual([]);
  });
}

/** Embedded font names, subset prefix removed (pdffonts, from poppler-utils). */
function embeddedFonts(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'offprint-fonts-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => (l.split(/\s+/)[0] ?? '').replace(/^[A-Z]{6}\+/, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Which font files the offscreen document fetches is not visible to Playwright (its requests
// are not reported); tests/golden/pdf-browser-engine.test.ts and pdf-unicode.test.ts check the
// loader. Here: what ends up embedded.
test('an English page embeds only Roboto and DejaVu Sans Mono; Multilingual embeds the script fonts', async ({
  ext,
  sample,
}) => {
  const page = await ext.context.newPage();
  await page.goto(sample.loginUrl('dc'));
  await page.goto(sample.pageUrl('dc', 'Architecture Overview'));
  await page.waitForLoadState('load');
  const english = exportedFile(await ext.exportViaAction(page));
  const fonts = embeddedFonts(english.file.bytes);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((f) => !/^(Roboto|DejaVuSansMono)/.test(f))).toEqual([]);

  await page.goto(sample.pageUrl('dc', 'Multilingual'));
  await page.waitForLoadState('load');
  const multilingual = exportedFile(await ext.exportViaAction(page));
  const all = embeddedFonts(multilingual.file.bytes).join(' ');
  for (const name of [
    'NotoSansSC',
    'NotoSansKR',
    'IBMPlexSansArabic',
    'NotoSansHebrew',
    'NotoEmoji',
  ]) {
    expect(all).toContain(name);
  }
  // Subsetted: far smaller than the 10 MB CJK font alone.
  expect(multilingual.file.bytes.byteLength).toBeLessThan(1_500_000);
});
