/** Characters no file system accepts, plus control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;

/** A safe download file name for a page title, e.g. `Release notes: 2.0` -> `Release notes- 2.0.pdf`. */
export function pdfFileName(title: string): string {
  const cleaned = title.replace(FORBIDDEN, '-').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return `${(cleaned || 'Confluence page').slice(0, 180)}.pdf`;
}
