import * as S from '../../confluence/selectors';
import type { Block, CodeBlock } from '../../model/types';
import type { ReadState } from '../state';
import { modelColour } from '../../model/colour';
import { cleanText, find, findAll, is, styleOf, tag } from '../util';

type Token = NonNullable<CodeBlock['tokens']>[number];

/** Line-number gutters: never part of the code text. */
const GUTTER = '.linenumber, [data-ds--line-number], .ds-line-number, td.gutter, .gutter';

/**
 * Code. View: `div.code.panel` (title in `.codeHeader`) around `pre.syntaxhighlighter-pre` with
 * `data-syntaxhighlighter-params="brush: java; gutter: true; first-line: 1"`; the older
 * SyntaxHighlighter table `div.syntaxhighlighter > table td.code .line`; noformat
 * `div.preformatted`. Cloud: `div.code-block` with `span[data-code-lang] > code` split in
 * `[data-ds--code--row]` rows and an empty line-number span per row. Bare `pre`.
 */
export function codeBlock(state: ReadState, el: Element): Block[] {
  void state;
  if (is(el, S.cloudCode)) return [cloudCode(el)];
  return [viewCode(el)];
}

function cloudCode(el: Element): CodeBlock {
  const code = find(el, 'code') ?? find(el, '[data-code-lang]') ?? el;
  const langEl = is(el, '[data-code-lang]') ? el : find(el, '[data-code-lang]');
  const language =
    langEl?.getAttribute('data-code-lang') ??
    code.getAttribute('data-language') ??
    languageClass(code) ??
    el.getAttribute('data-language');
  const rows = findAll(code, '[data-ds--code--row]');
  const { text, tokens } = rows.length ? joinRows(rows.map((r) => collect(r))) : collect(code);
  const block: CodeBlock = { type: 'code', text: trimFinalNewline(text) };
  if (language) block.language = language;
  if (tokens) block.tokens = fit(tokens, block.text);
  if (find(el, GUTTER)) block.lineNumbers = true;
  return block;
}

function viewCode(el: Element): CodeBlock {
  const container = is(el, 'div.code, [data-macro-name="code"], div.preformatted') ? el : undefined;
  const title = container ? cleanText(find(container, '.codeHeader, .preformattedHeader')) : '';
  const old = is(el, 'div.syntaxhighlighter') ? el : find(el, 'div.syntaxhighlighter');
  let block: CodeBlock;
  if (old) {
    block = oldSyntaxHighlighter(old);
  } else {
    const pre = tag(el) === 'pre' ? el : (find(el, 'pre') ?? el);
    const params = parseParams(pre.getAttribute('data-syntaxhighlighter-params') ?? '');
    const { text } = collect(pre);
    block = { type: 'code', text: trimFinalNewline(text) };
    const brush = params['brush'] ?? languageClass(find(pre, 'code') ?? pre);
    if (brush && brush !== 'none') block.language = brush;
    if (params['gutter'] === 'true') {
      block.lineNumbers = true;
      const first = Number(params['first-line']);
      if (Number.isInteger(first) && first !== 1) block.firstLine = first;
    }
  }
  if (title) block.title = title;
  return block;
}

/** SyntaxHighlighter 3 (Confluence 4–5.x): one `div.line` per line in `td.code`. */
function oldSyntaxHighlighter(el: Element): CodeBlock {
  const lines = findAll(el, 'td.code .line');
  const { text, tokens } = lines.length ? joinRows(lines.map((l) => collect(l))) : collect(el);
  const block: CodeBlock = { type: 'code', text: trimFinalNewline(text) };
  if (tokens) block.tokens = fit(tokens, block.text);
  const lang = Array.from(el.classList).find(
    // `sh-confluence` and friends are SyntaxHighlighter themes, not languages.
    (c) =>
      !['syntaxhighlighter', 'nogutter', 'collapsed', 'printing', 'ie'].includes(c) &&
      !c.startsWith('sh-'),
  );
  if (lang) block.language = lang;
  const gutter = findAll(el, 'td.gutter .line');
  if (gutter.length) {
    block.lineNumbers = true;
    const first = Number(cleanText(gutter[0]));
    if (Number.isInteger(first) && first !== 1) block.firstLine = first;
  }
  return block;
}

function parseParams(params: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of params.split(';')) {
    const i = part.indexOf(':');
    if (i < 0) continue;
    out[part.slice(0, i).trim().toLowerCase()] = part.slice(i + 1).trim();
  }
  return out;
}

function languageClass(el: Element): string | undefined {
  for (const c of Array.from(el.classList)) {
    const m = /^(?:language|lang|code)-(.+)$/.exec(c);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function trimFinalNewline(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
}

function joinRows(parts: { text: string; tokens?: Token[] }[]): { text: string; tokens?: Token[] } {
  const texts = parts.map((p) => p.text.replace(/\n$/, ''));
  const text = texts.join('\n');
  if (!parts.some((p) => p.tokens)) return { text };
  const tokens: Token[] = [];
  parts.forEach((p, i) => {
    const t = p.tokens ?? [{ text: p.text }];
    let remaining = texts[i]?.length ?? 0;
    for (const tok of t) {
      if (remaining <= 0) break;
      const piece = tok.text.slice(0, remaining);
      remaining -= piece.length;
      if (piece) tokens.push({ ...tok, text: piece });
    }
    if (i < parts.length - 1) tokens.push({ text: '\n' });
  });
  return { text, tokens: mergeTokens(tokens) };
}

/**
 * Token colours the page gives by class, not inline style:
 * - view (DC 7–9, the open tab after SyntaxHighlighter 3 ran): `code.keyword`, `code.string`, …
 *   coloured by Confluence's default theme;
 * - cloud (Atlaskit renderer with Prism): `span.token.keyword`, `span.token.string`, ….
 */
const TOKEN_CLASS_STYLES: Record<string, Omit<Token, 'text'>> = {
  keyword: { colour: '#006699', bold: true },
  string: { colour: '#0000ff' },
  comments: { colour: '#008200' },
  comment: { colour: '#6b778c', italic: true },
  preprocessor: { colour: '#808080' },
  variable: { colour: '#aa7700' },
  value: { colour: '#009900' },
  number: { colour: '#009900' },
  functions: { colour: '#ff1493' },
  function: { colour: '#6554c0' },
  constants: { colour: '#0066cc' },
  constant: { colour: '#0066cc' },
  color1: { colour: '#808080' },
  color2: { colour: '#ff1493' },
  color3: { colour: '#ff0000' },
  boolean: { colour: '#0066cc' },
  'class-name': { colour: '#6554c0' },
  builtin: { colour: '#0066cc' },
  operator: { colour: '#505f79' },
  tag: { colour: '#006699' },
  'attr-name': { colour: '#aa7700' },
  'attr-value': { colour: '#0000ff' },
};

function tokenClassStyle(el: Element): Omit<Token, 'text'> | undefined {
  // SyntaxHighlighter marks tokens on <code>; Prism on <span class="token …">.
  const isToken = tag(el) === 'code' || el.classList.contains('token');
  if (!isToken) return undefined;
  for (const name of Array.from(el.classList)) {
    const style = TOKEN_CLASS_STYLES[name];
    if (style) return style;
  }
  return undefined;
}

/**
 * The text under `root` (gutters and hidden parts skipped, nbsp as space), with colour runs
 * when the markup colours its tokens inline (`style="color: ..."`) or by a token class.
 */
function collect(root: Element): { text: string; tokens?: Token[] } {
  const tokens: Token[] = [];
  let styled = false;
  const visit = (node: Node, style: Omit<Token, 'text'>): void => {
    if (node.nodeType === 3 || node.nodeType === 4) {
      const text = (node.nodeValue ?? '').replace(/\u00a0/g, ' ');
      if (text) tokens.push({ text, ...style });
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el !== root && is(el, `${GUTTER}, ${S.nonRendered}, ${S.controls}, [aria-hidden="true"]`))
      return;
    if (tag(el) === 'br') {
      tokens.push({ text: '\n', ...style });
      return;
    }
    const next = { ...style };
    const st = styleOf(el);
    const c = modelColour(st['color'] ?? el.getAttribute('color'));
    const themed = c ? undefined : tokenClassStyle(el);
    if (c) {
      next.colour = c;
      styled = true;
    } else if (themed) {
      Object.assign(next, themed);
      styled = true;
    }
    const fw = st['font-weight'];
    if (fw === 'bold' || (fw !== undefined && Number(fw) >= 600)) {
      next.bold = true;
      styled = true;
    }
    if (st['font-style'] === 'italic') {
      next.italic = true;
      styled = true;
    }
    for (const n of Array.from(el.childNodes)) visit(n, next);
  };
  visit(root, {});
  const text = tokens.map((t) => t.text).join('');
  return styled ? { text, tokens: mergeTokens(tokens) } : { text };
}

/** Cuts `tokens` so that their texts concatenate to `text` (a prefix of theirs). */
function fit(tokens: Token[], text: string): Token[] {
  const out: Token[] = [];
  let remaining = text.length;
  for (const t of tokens) {
    if (remaining <= 0) break;
    const piece = t.text.slice(0, remaining);
    remaining -= piece.length;
    out.push({ ...t, text: piece });
  }
  return out;
}

function mergeTokens(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev && prev.colour === t.colour && prev.bold === t.bold && prev.italic === t.italic) {
      prev.text += t.text;
    } else out.push({ ...t });
  }
  return out;
}
