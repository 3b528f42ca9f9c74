import { b, type PageDef } from './dsl.ts';

/**
 * One sentence per script; tests read each back from the exported PDF. Right-to-left sentences
 * avoid brackets (mirrored glyphs change the extracted text).
 */
export const SCRIPT_SAMPLES = {
  latin: 'Příliš žluťoučký kůň úpěl ďábelské ódy; façade, naïve, Ærøskøbing, Straße.',
  greek: 'Ξεσκεπάζω την ψυχοφθόρα βδελυγμία.',
  cyrillic: 'Съешь же ещё этих мягких французских булок.',
  chinese: '我能吞下玻璃而不伤身体。',
  japanese: '私はガラスを食べられます。それは私を傷つけません。',
  korean: '나는 유리를 먹을 수 있어요. 그래도 아프지 않아요.',
  arabic: 'أنا قادر على أكل الزجاج وهذا لا يؤلمني.',
  hebrew: 'אני יכול לאכול זכוכית וזה לא מזיק לי.',
  emoji: '😀 🎉 👍 🚀 ❤️ 👩‍💻 🇫🇷',
} as const;

/** A right-to-left sentence with numbers and a Latin name in it. */
export const MIXED_RTL = 'الإصدار 2.5 من Offprint يدعم 12 لغة.';

/** A long Hebrew paragraph that wraps over several lines. */
export const LONG_HEBREW = Array.from({ length: 6 }, () => SCRIPT_SAMPLES.hebrew).join(' ');

const S = SCRIPT_SAMPLES;

export const MULTILINGUAL: PageDef = {
  id: 1600,
  title: 'Multilingual',
  parent: 1000,
  author: 'cwei',
  updated: '2024-12-03T10:00:00.000Z',
  version: 3,
  labels: ['i18n'],
  blocks: [
    { p: [b('Scripts: '), 'every sentence below must print as glyphs, never empty boxes.'] },
    { h: 2, text: 'Paragraphs' },
    { p: S.latin },
    { p: S.greek },
    { p: S.cyrillic },
    { p: S.chinese },
    { p: S.japanese },
    { p: S.korean },
    { p: S.arabic },
    { p: S.hebrew },
    { p: `Emoji: ${S.emoji}` },
    { p: MIXED_RTL },
    { p: LONG_HEBREW },
    { h: 2, text: 'Ελληνικά, Русский, 中文, 日本語, 한국어 🎉' },
    { h: 3, text: 'عنوان عربي' },
    { h: 3, text: 'כותרת בעברית' },
    {
      table: {
        header: true,
        rows: [
          ['Script', 'Sample'],
          ['Latin', S.latin],
          ['Greek', S.greek],
          ['Cyrillic', S.cyrillic],
          ['Chinese', S.chinese],
          ['Japanese', S.japanese],
          ['Korean', S.korean],
          ['Arabic', S.arabic],
          ['Hebrew', S.hebrew],
          ['Emoji', S.emoji],
        ],
      },
    },
    {
      ul: [S.latin, S.greek, S.cyrillic, S.chinese, S.japanese, S.korean, S.arabic, S.hebrew],
    },
    { p: ['Inline code keeps its font: ', { text: 'print("你好")', marks: ['code'] }] },
  ],
};
