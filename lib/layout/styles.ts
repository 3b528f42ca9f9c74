import type { StyleDictionary, Style } from 'pdfmake/interfaces';
import type { PanelKind } from '../model/types';
import type { Prefs } from '../prefs/schema';

/** Confluence (Atlassian design system) colours used across the layout. */
export const COLOURS = {
  text: '#172b4d',
  subtle: '#5e6c84',
  link: '#0052cc',
  border: '#c1c7d0',
  lightBorder: '#dfe1e6',
  headerFill: '#f4f5f7',
  codeFill: '#f4f5f7',
  codeTitleFill: '#ebecf0',
  inlineCodeFill: '#ebecf0',
  mention: '#0052cc',
  placeholder: '#6b778c',
  quoteBar: '#dfe1e6',
} as const;

/** Panel tint, accent (left border and icon) per kind, as Confluence Cloud draws them. */
export const PANEL_COLOURS: Record<PanelKind, { fill: string; accent: string }> = {
  info: { fill: '#e9f2ff', accent: '#0c66e4' },
  note: { fill: '#f3f0ff', accent: '#6e5dc6' },
  warning: { fill: '#fff7d6', accent: '#b38600' },
  error: { fill: '#ffeceb', accent: '#c9372c' },
  success: { fill: '#dcfff1', accent: '#1f845a' },
  tip: { fill: '#dcfff1', accent: '#1f845a' },
  custom: { fill: '#f4f5f7', accent: '#8590a2' },
};

/** Status lozenge colours (Confluence "bold" lozenges: fill, text). */
export const LOZENGE_COLOURS: Record<string, { fill: string; text: string }> = {
  neutral: { fill: '#dfe1e6', text: '#42526e' },
  grey: { fill: '#dfe1e6', text: '#42526e' },
  gray: { fill: '#dfe1e6', text: '#42526e' },
  red: { fill: '#ffebe6', text: '#bf2600' },
  yellow: { fill: '#fff0b3', text: '#172b4d' },
  green: { fill: '#e3fcef', text: '#006644' },
  blue: { fill: '#deebff', text: '#0747a6' },
  purple: { fill: '#eae6ff', text: '#403294' },
};

/** Heading sizes relative to the body size (Confluence Cloud renderer: 24/20/16/14/12/11 on 14). */
const HEADING_SCALE = [1.714, 1.43, 1.143, 1.0, 0.857, 0.786] as const;

/** Everything size-related the blocks need, derived once from the preferences. */
export interface Theme {
  fontSize: number;
  codeSize: number;
  smallSize: number;
  lineHeight: number;
  /** Vertical space after a block. */
  blockGap: number;
  headingSize(level: number): number;
  styles: StyleDictionary;
  defaultStyle: Style;
}

export function makeTheme(prefs: Prefs): Theme {
  const fs = Math.max(5, Math.min(30, prefs.fontSize || 10));
  const headingSize = (level: number): number =>
    Math.round(fs * (HEADING_SCALE[Math.max(1, Math.min(6, level)) - 1] ?? 1) * 10) / 10;
  const styles: StyleDictionary = {
    pageTitle: { fontSize: Math.round(fs * 2.2), bold: true, color: COLOURS.text },
    meta: { fontSize: fs * 0.85, color: COLOURS.subtle },
    caption: { fontSize: fs * 0.85, color: COLOURS.subtle, italics: true },
    small: { fontSize: fs * 0.8, color: COLOURS.subtle },
    code: { font: 'Mono', fontSize: fs * 0.85, lineHeight: 1.2, color: COLOURS.text },
    tableHeader: { bold: true },
    headerFooter: { fontSize: fs * 0.75, color: COLOURS.subtle },
    tocTitle: { fontSize: Math.round(fs * 1.6), bold: true, margin: [0, 0, 0, fs] },
    tocEntry: { fontSize: fs, color: COLOURS.text },
    tocPage: { fontSize: fs, bold: true, color: COLOURS.text },
    coverSpace: { fontSize: fs * 1.1, color: COLOURS.subtle, characterSpacing: 1 },
    coverTitle: { fontSize: Math.round(fs * 3), bold: true, color: COLOURS.text },
    coverMeta: { fontSize: fs * 1.05, color: COLOURS.subtle },
  };
  for (let level = 1; level <= 6; level++) {
    styles[`h${level}`] = {
      fontSize: headingSize(level),
      bold: true,
      color: level === 6 ? COLOURS.subtle : COLOURS.text,
    };
  }
  return {
    fontSize: fs,
    codeSize: fs * 0.85,
    smallSize: fs * 0.8,
    lineHeight: 1.25,
    blockGap: Math.round(fs * 0.7 * 10) / 10,
    headingSize,
    styles,
    defaultStyle: { font: prefs.fontFamily, fontSize: fs, lineHeight: 1.25, color: COLOURS.text },
  };
}
