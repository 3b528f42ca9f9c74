/** Font files shipped in the extension's `fonts/` folder, with where they come from in node_modules. */
export interface FontFile {
  file: string;
  npmPath: string;
}

export const FONT_FILES: readonly FontFile[] = [
  { file: 'Roboto-Regular.ttf', npmPath: 'pdfmake/build/fonts/Roboto/Roboto-Regular.ttf' },
  { file: 'Roboto-Medium.ttf', npmPath: 'pdfmake/build/fonts/Roboto/Roboto-Medium.ttf' },
  { file: 'Roboto-Italic.ttf', npmPath: 'pdfmake/build/fonts/Roboto/Roboto-Italic.ttf' },
  {
    file: 'Roboto-MediumItalic.ttf',
    npmPath: 'pdfmake/build/fonts/Roboto/Roboto-MediumItalic.ttf',
  },
  { file: 'DejaVuSansMono.ttf', npmPath: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf' },
  { file: 'DejaVuSansMono-Bold.ttf', npmPath: 'dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf' },
  {
    file: 'DejaVuSansMono-Oblique.ttf',
    npmPath: 'dejavu-fonts-ttf/ttf/DejaVuSansMono-Oblique.ttf',
  },
  {
    file: 'DejaVuSansMono-BoldOblique.ttf',
    npmPath: 'dejavu-fonts-ttf/ttf/DejaVuSansMono-BoldOblique.ttf',
  },
  // Per-script fonts (lib/layout/fonts.ts). One regular weight each, except Arabic and Hebrew,
  // whose bold files are small; pdfkit cannot synthesise bold, so bold CJK, Korean and emoji use
  // the regular file. Noto Sans SC covers Chinese and Japanese (all CJK Unified Ideographs,
  // Ext. A, kana), so no separate Japanese font ships; Japanese kanji take the Chinese forms.
  {
    file: 'NotoSansSC-Regular.ttf',
    npmPath: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  },
  {
    file: 'NotoSansKR-Regular.ttf',
    npmPath: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
  },
  // Arabic: IBM Plex Sans Arabic, not Noto Sans Arabic. Noto draws dotted letters as a dotless
  // base glyph plus dot marks, and pdfkit maps each glyph to one text: copied or searched
  // Arabic text came out with the wrong letters. Plex's letters are whole glyphs.
  {
    file: 'IBMPlexSansArabic-Regular.ttf',
    npmPath: '@expo-google-fonts/ibm-plex-sans-arabic/400Regular/IBMPlexSansArabic_400Regular.ttf',
  },
  {
    file: 'IBMPlexSansArabic-Bold.ttf',
    npmPath: '@expo-google-fonts/ibm-plex-sans-arabic/700Bold/IBMPlexSansArabic_700Bold.ttf',
  },
  {
    file: 'NotoSansHebrew-Regular.ttf',
    npmPath: '@expo-google-fonts/noto-sans-hebrew/400Regular/NotoSansHebrew_400Regular.ttf',
  },
  {
    file: 'NotoSansHebrew-Bold.ttf',
    npmPath: '@expo-google-fonts/noto-sans-hebrew/700Bold/NotoSansHebrew_700Bold.ttf',
  },
  {
    file: 'NotoEmoji-Regular.ttf',
    npmPath: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
  },
];

/** A family whose every style is one file (no italic or bold cut shipped). */
const single = (file: string) =>
  ({ normal: file, bold: file, italics: file, bolditalics: file }) as const;

/** pdfmake font families, by the file names above. */
export const FONT_FAMILIES = {
  Roboto: {
    normal: 'Roboto-Regular.ttf',
    bold: 'Roboto-Medium.ttf',
    italics: 'Roboto-Italic.ttf',
    bolditalics: 'Roboto-MediumItalic.ttf',
  },
  Mono: {
    normal: 'DejaVuSansMono.ttf',
    bold: 'DejaVuSansMono-Bold.ttf',
    italics: 'DejaVuSansMono-Oblique.ttf',
    bolditalics: 'DejaVuSansMono-BoldOblique.ttf',
  },
  NotoSansSC: single('NotoSansSC-Regular.ttf'),
  NotoSansKR: single('NotoSansKR-Regular.ttf'),
  PlexArabic: {
    normal: 'IBMPlexSansArabic-Regular.ttf',
    bold: 'IBMPlexSansArabic-Bold.ttf',
    italics: 'IBMPlexSansArabic-Regular.ttf',
    bolditalics: 'IBMPlexSansArabic-Bold.ttf',
  },
  NotoSansHebrew: {
    normal: 'NotoSansHebrew-Regular.ttf',
    bold: 'NotoSansHebrew-Bold.ttf',
    italics: 'NotoSansHebrew-Regular.ttf',
    bolditalics: 'NotoSansHebrew-Bold.ttf',
  },
  NotoEmoji: single('NotoEmoji-Regular.ttf'),
} as const;

/** A pdfmake font family name. */
export type FontFamily = keyof typeof FONT_FAMILIES;

/** Families every document may use without naming them (the default style and code). */
export const BASE_FAMILIES: readonly FontFamily[] = ['Roboto', 'Mono'];

/** The files a set of families needs, each once. Unknown names are ignored (pdfmake reports them). */
export function filesFor(families: Iterable<string>): string[] {
  const files = new Set<string>();
  for (const family of families) {
    const styles = (FONT_FAMILIES as Record<string, Record<string, string>>)[family];
    if (styles) for (const file of Object.values(styles)) files.add(file);
  }
  return [...files];
}
