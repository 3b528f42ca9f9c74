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
];

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
} as const;
