/**
 * Reads a tagged PDF's structure tree back with pdfjs-dist: `getStructTree()` per page, joined
 * with the marked content of `getTextContent({ includeMarkedContent: true })` to give each
 * element its text. Needs `// @vitest-environment node` in Vitest.
 */
/** One structure element as read back: its role, alt text, text and children, in order. */
export interface Elem {
  role: string;
  alt?: string;
  lang?: string;
  text: string;
  children: Elem[];
}

export interface Tagged {
  /** The elements under the Document element, merged over pages (an element on two pages is
   * listed once, with the text of both). */
  elements: Elem[];
  /** Every element in preorder (reading order). */
  flat: Elem[];
  /** Text outside the structure tree (artifacts), all pages. */
  artifactText: string;
  /** Whether any page has a structure tree. */
  hasTree: boolean;
  lang?: string;
}

interface RawNode {
  role?: string;
  type?: string;
  id?: string;
  alt?: string;
  lang?: string;
  children?: RawNode[];
}

interface MarkedItem {
  type?: string;
  id?: string;
  tag?: string;
  str?: string;
}

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export async function readTagged(bytes: Uint8Array): Promise<Tagged> {
  const pdfjs: PdfjsModule = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  const roots: Elem[] = [];
  let artifactText = '';
  let hasTree = false;
  let lang: string | undefined;
  // Elements spanning pages show up in each page's tree: merge consecutive same-role nodes at
  // the same depth whose content continues (pdfjs gives no element ids).
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const textOf = new Map<string, string>();
    const stack: (string | null)[] = [];
    for (const raw of content.items as MarkedItem[]) {
      if (raw.type === 'beginMarkedContentProps' || raw.type === 'beginMarkedContent') {
        stack.push(raw.id ?? null);
      } else if (raw.type === 'endMarkedContent') stack.pop();
      else if (typeof raw.str === 'string') {
        const id = stack[stack.length - 1];
        if (id) textOf.set(id, (textOf.get(id) ?? '') + raw.str);
        else artifactText += raw.str + ' ';
      }
    }
    const tree = (await page.getStructTree()) as RawNode | null;
    if (!tree) continue;
    hasTree = true;
    const build = (node: RawNode): Elem => {
      const e: Elem = { role: node.role ?? '?', text: '', children: [] };
      if (node.alt) e.alt = node.alt;
      if (node.lang) e.lang = node.lang;
      for (const c of node.children ?? []) {
        if (c.type === 'content' && c.id) e.text += textOf.get(c.id) ?? '';
        else if (c.role) e.children.push(build(c));
      }
      return e;
    };
    const docElem = tree.children?.find((c) => c.role === 'Document');
    if (!docElem) continue;
    lang = docElem.lang ?? lang;
    const merge = (into: Elem[], add: Elem[]): void => {
      add.forEach((e, i) => {
        const last = into[into.length - 1];
        if (i === 0 && last && last.role === e.role && last.alt === e.alt && continues(last)) {
          last.text += e.text;
          merge(last.children, e.children);
        } else into.push(e);
      });
    };
    merge(roots, build(docElem).children);
  }
  const flat: Elem[] = [];
  const walk = (es: Elem[]): void => {
    for (const e of es) {
      flat.push(e);
      walk(e.children);
    }
  };
  walk(roots);
  return { elements: roots, flat, artifactText, hasTree, ...(lang ? { lang } : {}) };
}

/** A page's last element may continue on the next page (no way to know for sure: allow it). */
const continues = (e: Elem): boolean => e.role !== 'H1' || e.text.length > 0;

export const textIn = (e: Elem): string => e.text + e.children.map(textIn).join('');

/** The set of structure types present. */
export const roles = (t: Tagged): Set<string> => new Set(t.flat.map((e) => e.role));
