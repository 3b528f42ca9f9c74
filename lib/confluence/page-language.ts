/** A BCP 47 tag as browsers accept it in `lang` (language, then subtags), e.g. `en-GB`. */
const BCP47 = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * The language of a page's content: the nearest `lang` attribute around the content root
 * (Confluence DC puts `lang="en-GB"` on `<html>`, Cloud `lang="en"`), if it is a well-formed
 * language tag. Tagged PDFs carry it as the document language.
 */
export function pageLanguage(root: Element): string | undefined {
  const lang = (root.closest('[lang]')?.getAttribute('lang') ?? '').trim();
  return BCP47.test(lang) ? lang : undefined;
}
