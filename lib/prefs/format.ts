import type { DateFormatName } from './schema';

/** `2025-03-15`, in local time. */
function isoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A date as the preferences ask (`locale` + `dateFormat`); an unusable locale falls back to
 * en-GB. Shared by the options page's sample and, once it adopts `dateFormat`, the layout.
 */
export function formatPrefsDate(date: Date, locale: string, dateFormat: DateFormatName): string {
  if (dateFormat === 'iso') return isoDate(date);
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: dateFormat }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: dateFormat }).format(date);
  }
}

/**
 * Fills a file-name template's `{title} {space} {date}` (date as ISO: sorts well, no slashes);
 * unknown tokens stay as typed. The caller still makes the result safe for file systems.
 */
export function fillFileNameTemplate(
  template: string,
  values: { title: string; space: string; date: Date },
): string {
  return template
    .replace(/\{(title|space|date)\}/g, (_m, key: string) =>
      key === 'date' ? isoDate(values.date) : key === 'space' ? values.space : values.title,
    )
    .replace(/\s+/g, ' ')
    .trim();
}
