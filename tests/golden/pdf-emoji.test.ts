// @vitest-environment node
/**
 * Every fully-qualified emoji of Unicode 15.1 and earlier (emojibase-data: ZWJ sequences, skin
 * tones, keycaps, flags; not the bare components) through layout and pdfmake: none is drawn as
 * .notdef, each is drawn with the emoji font (whole, or as its parts where the font has no
 * glyph for the sequence), and pdfjs reads every base emoji's code points back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitByFont, SCRIPT_FONTS } from '../../lib/layout/fonts';
import { layoutDocument } from '../../lib/layout/layout-document';
import type { Block } from '../../lib/model/types';
import { createNodeEngine } from '../../lib/pdf/node-engine';
import { DEFAULT_PREFS } from '../../lib/prefs/schema';
import { EXPORTED_AT } from '../helpers/build-pdf';
import { takeNotdefs, watchNotdef } from '../helpers/notdef';
import { readPdf } from '../helpers/read-pdf';

interface EmojibaseEmoji {
  emoji: string;
  label: string;
  version: number;
  group?: number;
  skins?: EmojibaseEmoji[];
}

const require = createRequire(import.meta.url);
const data = require('emojibase-data/en/data.json') as EmojibaseEmoji[];

/** Group 2 holds the components (skin tone and hair swatches); regional indicators have none. */
const COMPONENT_GROUP = 2;
const base = data.filter(
  (e) => e.version <= 15.1 && e.group !== undefined && e.group !== COMPONENT_GROUP,
);
const skins = base.flatMap((e) => (e.skins ?? []).filter((s) => s.version <= 15.1));

/** Without the presentation selector and joiners, which pdfjs does not give back. */
const bare = (s: string): string => s.replace(/[\ufe0f\u200d\s]/gu, '');

describe('Unicode 15.1 emoji', () => {
  let notdefs: string[];
  let text: string;
  let popplerText: string;

  beforeAll(async () => {
    watchNotdef();
    const engine = await createNodeEngine();
    // Base emoji first: a glyph shared by a sequence and its skin-toned forms (the monochrome
    // font draws no tones) maps to the text it was first drawn for.
    const paragraphs: Block[] = [];
    for (const list of [base, skins]) {
      for (let i = 0; i < list.length; i += 40) {
        const words = list.slice(i, i + 40).map((e) => e.emoji);
        paragraphs.push({ type: 'paragraph', inlines: [{ type: 'text', text: words.join(' ') }] });
      }
    }
    const dd = layoutDocument(
      {
        title: 'Emoji',
        site: '',
        pages: [{ id: '1', title: 'Emoji', url: '', depth: 0, blocks: paragraphs }],
        assets: {},
        warnings: [],
      },
      {
        prefs: {
          ...DEFAULT_PREFS,
          cover: false,
          toc: false,
          headerTemplate: '',
          footerTemplate: '',
        },
        exportedAt: EXPORTED_AT,
      },
    );
    takeNotdefs();
    const bytes = await engine.build(dd);
    notdefs = takeNotdefs();
    text = (await readPdf(bytes)).text;
    const dir = mkdtempSync(join(tmpdir(), 'offprint-emoji-'));
    try {
      writeFileSync(join(dir, 'emoji.pdf'), bytes);
      popplerText = execFileSync('pdftotext', [join(dir, 'emoji.pdf'), '-'], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('are all there', () => {
    expect(base.length).toBe(1898);
    expect(skins.length).toBe(1875);
  });

  it('are drawn with the emoji font, never left out', () => {
    const wrong = [...base, ...skins]
      .filter((e) => {
        const runs = splitByFont(e.emoji);
        return (
          runs.some((r) => r.font !== SCRIPT_FONTS.emoji) ||
          bare(runs.map((r) => r.text).join('')) !== bare(e.emoji)
        );
      })
      .map((e) => `${e.emoji} ${e.label}`);
    expect(wrong).toEqual([]);
  });

  it('draw no .notdef glyph', () => {
    expect(notdefs).toEqual([]);
  });

  it("read back with each base emoji's code points (pdftotext)", () => {
    const read = bare(popplerText);
    const missing = base
      .filter((e) => !read.includes(bare(e.emoji)))
      .map((e) => `${e.emoji} ${e.label}`);
    expect(missing).toEqual([]);
  });

  it('read back by pdfjs too, but for the subdivision flags (tag characters pdfjs drops)', () => {
    const read = bare(text);
    const missing = base.filter((e) => !read.includes(bare(e.emoji))).map((e) => e.label);
    expect(missing).toEqual(['flag: England', 'flag: Scotland', 'flag: Wales']);
  });
});
