/**
 * Catches .notdef (glyph id 0, the empty box a font draws for a character it lacks) while a PDF
 * is built: fontkit's layout, which pdfkit calls for every piece of text it measures or draws,
 * is wrapped once per test file, and every text that comes out with glyph 0 is recorded with
 * the font's name. Tests need `// @vitest-environment node` (pdfkit and this share fontkit).
 */
import { createRequire } from 'node:module';
import { readFontFile } from '../../lib/pdf/node-engine';

export interface Notdef {
  font: string;
  text: string;
}

interface GlyphRun {
  glyphs: { id: number }[];
}
interface FontkitFont {
  postscriptName: string;
  layout(text: string, ...rest: unknown[]): GlyphRun;
}

const found: Notdef[] = [];
let installed = false;

/** Starts recording (idempotent). */
export function watchNotdef(): void {
  if (installed) return;
  installed = true;
  const fontkit = createRequire(import.meta.url)('fontkit') as {
    create(buf: Buffer): FontkitFont;
  };
  const proto = Object.getPrototypeOf(fontkit.create(readFontFile('Roboto-Regular.ttf'))) as {
    layout: FontkitFont['layout'];
  };
  const layout = proto.layout;
  proto.layout = function (this: FontkitFont, text: string, ...rest: unknown[]): GlyphRun {
    const run = layout.call(this, text, ...rest);
    if (run.glyphs.some((g) => g.id === 0)) found.push({ font: this.postscriptName, text });
    return run;
  };
}

/** The .notdef texts recorded since the last call, as "font: text (code points)". */
export function takeNotdefs(): string[] {
  const out = found.map(
    (n) =>
      `${n.font}: ${n.text} (${[...n.text].map((c) => c.codePointAt(0)!.toString(16)).join(' ')})`,
  );
  found.length = 0;
  return [...new Set(out)];
}
