import type { Content, ContentText, TableCell } from 'pdfmake/interfaces';
import type { CodeBlock } from '../../model/types';
import { modelColour } from '../../model/colour';
import type { LayoutContext } from '../context';
import { COLOURS } from '../styles';

interface Token {
  text: string;
  color?: string;
  bold?: boolean;
  italics?: boolean;
}

/** Splits the code (or its colour tokens) into lines of tokens; tabs become 4 spaces. */
export function codeLines(block: CodeBlock): Token[][] {
  const source: Token[] =
    block.tokens && block.tokens.length > 0
      ? block.tokens.map((t) => {
          const colour = modelColour(t.colour);
          return {
            text: t.text,
            ...(colour ? { color: colour } : {}),
            ...(t.bold ? { bold: true } : {}),
            ...(t.italic ? { italics: true } : {}),
          };
        })
      : [{ text: block.text }];
  const lines: Token[][] = [[]];
  for (const token of source) {
    const parts = token.text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]?.push({ ...token, text: part });
    });
  }
  // Confluence drops the trailing newline of a code block.
  while (lines.length > 1 && lines[lines.length - 1]?.length === 0) lines.pop();
  return lines;
}

const lineText = (tokens: Token[]): ContentText['text'] =>
  tokens.length === 0 ? ' ' : tokens.map((t) => (Object.keys(t).length === 1 ? t.text : { ...t }));

/**
 * Code block: monospace on a light box, optional title/language bar and line numbers. Leading
 * spaces are kept; pdfmake breaks lines at spaces and, for a word wider than the box, inside the
 * word (LayoutBuilder.buildNextLine), so long lines wrap without losing characters.
 */
export function code(block: CodeBlock, ctx: LayoutContext): Content {
  const { theme, prefs } = ctx.doc;
  const size = Math.round(Math.min(theme.codeSize, ctx.fontSize * 0.9) * 10) / 10;
  const lines = codeLines(block);
  const numbered = block.lineNumbers ?? prefs.codeLineNumbers;
  const first = block.firstLine ?? 1;
  const codeStyle = { font: 'Mono', fontSize: size, lineHeight: 1.2, preserveLeadingSpaces: true };

  const titleText = block.title?.trim();
  const language = block.language?.trim();
  const bar: TableCell[] | undefined =
    titleText || language
      ? [
          {
            columns: [
              { text: titleText ?? '', bold: true, fontSize: ctx.fontSize * 0.9, width: '*' },
              {
                text: language ?? '',
                fontSize: ctx.fontSize * 0.75,
                color: COLOURS.subtle,
                width: 'auto',
                margin: [6, 1, 0, 0],
              },
            ],
            fillColor: COLOURS.codeTitleFill,
            ...(numbered ? { colSpan: 2 } : {}),
          },
          ...(numbered ? [{}] : []),
        ]
      : undefined;

  if (!numbered) {
    const text: ContentText = {
      text: lines.flatMap((tokens, i) => {
        const t = lineText(tokens);
        const arr = Array.isArray(t) ? t : [t];
        return i < lines.length - 1 ? [...arr, '\n'] : arr;
      }) as ContentText['text'],
      ...codeStyle,
    };
    return {
      table: {
        widths: [Math.max(20, ctx.width - 13.2)],
        body: [...(bar ? [bar] : []), [{ ...text, fillColor: COLOURS.codeFill } as TableCell]],
        headerRows: 0,
      },
      layout: 'offprintCode',
      margin: [0, 2, 0, theme.blockGap],
    };
  }

  const digits = String(first + lines.length - 1).length;
  const numberWidth = digits * size * 0.61 + 2;
  const body: TableCell[][] = lines.map((tokens, i) => [
    {
      text: String(first + i),
      ...codeStyle,
      color: '#97a0af',
      alignment: 'right',
      fillColor: COLOURS.codeTitleFill,
    },
    { text: lineText(tokens), ...codeStyle, fillColor: COLOURS.codeFill } as TableCell,
  ]);
  return {
    table: {
      widths: [numberWidth, Math.max(20, ctx.width - numberWidth - 10 - 13.2)],
      body: bar ? [bar, ...body] : body,
      headerRows: 0,
      dontBreakRows: false,
    },
    layout: 'offprintCodeLines',
    margin: [0, 2, 0, theme.blockGap],
  };
}
