// Renders DSL pages as the Confluence Cloud renderer DOM (`@atlaskit/renderer`, as mounted in
// the browser): `.ak-renderer-document` with `data-node-type`, `data-panel-type`, `.code-block`,
// `pm-table-container`, mentions, emoji, tasks, layouts and media. Shapes follow
// ../shared/confluence-samples/cloud-dom (renderer 124 and 127), with atomic CSS classes left out.
import type {
  Block,
  Cell,
  Inline,
  LayoutKind,
  ListBlock,
  ListItem,
  StatusColour,
  Text,
} from './content/dsl.ts';
import { pageByTitle } from './content/registry.ts';
import { EMOJI, USERS } from './content/space.ts';
import { getFile } from './images/library.ts';
import { headingsOf, type RenderCtx } from './render-view.ts';
import {
  anchorId,
  attachmentId,
  attachmentPath,
  esc,
  formatDate,
  mediaFileId,
  mediaUrl,
  pagePath,
  plain,
} from './urls.ts';

const ICON =
  '<svg width="24" height="24" viewBox="0 0 24 24" role="presentation"><path fill="currentColor" d="M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16"/></svg>';
const STATUS: Record<StatusColour, string> = {
  grey: 'neutral',
  blue: 'blue',
  green: 'green',
  yellow: 'yellow',
  red: 'red',
  purple: 'purple',
};
const MARK_TAGS = { b: 'strong', i: 'em', u: 'u', sub: 'sub', sup: 'sup' } as const;

/** Per-render counters (positions, local ids), so ids are stable for one page. */
interface State {
  c: RenderCtx;
  pos: number;
  seq: number;
}

const next = (s: State): number => ++s.seq;
const pos = (s: State): string => ` data-renderer-start-pos="${(s.pos += 7)}"`;

function text(t: Text, s: State): string {
  return typeof t === 'string' ? esc(t) : t.map((x) => inline(x, s)).join('');
}

function inline(x: Inline, s: State): string {
  const { c } = s;
  if (typeof x === 'string') return esc(x);
  if ('text' in x) {
    let h = esc(x.text);
    for (const m of x.marks ?? []) {
      if (m === 's')
        h = `<span data-renderer-mark="true" style="text-decoration:line-through">${h}</span>`;
      else if (m === 'code') h = `<code class="code" data-renderer-mark="true">${h}</code>`;
      else h = `<${MARK_TAGS[m]} data-renderer-mark="true">${h}</${MARK_TAGS[m]}>`;
    }
    if (x.colour)
      h = `<span data-renderer-mark="true" data-text-custom-color="${x.colour}" class="fabric-text-color-mark" style="--custom-palette-color:${x.colour}">${h}</span>`;
    if (x.highlight)
      h = `<span data-renderer-mark="true" data-background-custom-color="${x.highlight}" class="fabric-background-color-mark" style="--custom-palette-color:${x.highlight}">${h}</span>`;
    return h;
  }
  const a = (href: string, body: string): string =>
    `<a href="${esc(href)}" title="${esc(href)}" data-renderer-mark="true" data-is-router-link="false" data-testid="link-with-safety">${body}</a>`;
  if ('link' in x) return a(x.link, text(x.body, s));
  if ('page' in x) {
    const target = pageByTitle(x.page);
    if (!target) return text(x.body ?? x.page, s);
    const hash = x.anchor ? `#${anchorId('cloud', target.title, x.anchor)}` : '';
    return a(
      c.sites.cloudOrigin + pagePath('cloud', target) + hash,
      text(x.body ?? target.title, s),
    );
  }
  if ('anchor' in x) return a(`#${anchorId('cloud', c.page.title, x.anchor)}`, text(x.body, s));
  if ('br' in x) return '<br/>';
  if ('status' in x)
    return `<span role="emphasis"><span class="status-lozenge-span" data-node-type="status" data-color="${STATUS[x.colour]}" data-style=""><span style="max-width:100%"><span style="max-width:calc(200px - var(--ds-space-100, 8px))">${esc(x.status)}</span></span></span></span>`;
  if ('mention' in x) {
    const u = USERS[x.mention];
    return `<span data-mention-id="${u.accountId}" data-access-level="" spellcheck="false"><span spellcheck="false" data-testid="mention-${u.accountId}" data-mention-type="2" data-mention-tooltip="false">@${esc(u.displayName)}</span></span>`;
  }
  if ('date' in x)
    return `<span class="date-lozenger-container"><span class="date-node" data-node-type="date" data-timestamp="${Date.parse(`${x.date}T00:00:00Z`)}">${formatDate(x.date, 'mdy')}</span></span>`;
  if ('emoji' in x) {
    const e = EMOJI[x.emoji];
    return `<span data-emoji-id="${e.id}" data-emoji-short-name="${e.shortName}" data-emoji-text="${e.text}"><span data-testid="image-emoji-${e.shortName}" data-emoji-type="image" class="emoji-common-main-styles emoji-common-node emoji-common-emoji-image" title="${e.shortName}"><img loading="lazy" src="${c.sites.mediaOrigin}/emoji/standard/64x64/${e.id}.png" alt="${e.shortName}" data-emoji-short-name="${e.shortName}" data-emoji-id="${e.id}" data-emoji-text="${e.text}" class="emoji" width="auto" height="20"></span></span>`;
  }
  const card = (url: string, title: string, lozenge?: string): string =>
    `<span class="loader-wrapper inlineCardView-content-wrap" data-inline-card="true" data-card-url="${esc(url)}"><span><span data-testid="hover-card-trigger-wrapper"><a href="${esc(url)}" tabindex="0" role="button" data-testid="inline-card-resolved-view"><span data-testid="inline-card-icon-and-title"><span data-testid="icon-position-wrapper" style="line-height:1"><span data-testid="icon-wrapper">${ICON}</span></span><span>${esc(title)}</span></span>${lozenge ?? ''}</a></span></span></span>`;
  if ('smartLink' in x) return card(x.smartLink, x.title);
  const j = x.jira;
  return card(
    `https://jira.example.com/browse/${j.key}`,
    `${j.key}: ${j.summary}`,
    `<span data-testid="inline-card-resolved-view-lozenge"><span data-node-type="status" data-color="${STATUS[j.colour]}">${esc(j.status)}</span></span>`,
  );
}

function p(t: Text, s: State): string {
  return `<p${pos(s)}>${text(t, s)}</p>`;
}

function listItem(it: ListItem, s: State, depth: number): string {
  if (typeof it === 'string' || Array.isArray(it)) return `<li>${p(it, s)}</li>`;
  return `<li>${p(it.text, s)}${list(it.sub, s, depth + 1)}</li>`;
}

function list(l: ListBlock, s: State, depth = 1): string {
  if ('ul' in l)
    return `<ul class="ak-ul" data-indent-level="${depth}">${l.ul.map((it) => listItem(it, s, depth)).join('')}</ul>`;
  return `<ol class="ak-ol" data-indent-level="${depth}" start="${l.start ?? 1}">${l.ol.map((it) => listItem(it, s, depth)).join('')}</ol>`;
}

function isText(body: Block[] | Text): body is Text {
  return (
    typeof body === 'string' ||
    body.every(
      (x) =>
        typeof x === 'string' ||
        'text' in x ||
        'mention' in x ||
        'status' in x ||
        'date' in x ||
        'link' in x,
    )
  );
}

function table(t: Extract<Block, { table: unknown }>['table'], s: State): string {
  const widths = t.widths ?? [];
  const tableWidth = t.rows[0] && t.rows[0].length > 8 ? 1800 : 760;
  const layout = tableWidth > 760 ? 'full-width' : 'default';
  const cols = widths.length
    ? `<colgroup>${t.numbered ? '<col style="width:42px" data-test-id="num"/>' : ''}${widths.map((w) => `<col style="width:${w}px"/>`).join('')}</colgroup>`
    : '';
  const rows = t.rows.map((row, r) => {
    const header = t.header === true && r === 0;
    const num = t.numbered
      ? `<td class="ak-renderer-table-number-column">${header ? '' : t.header ? r : r + 1}</td>`
      : '';
    const cells = row.map((raw, ci) => {
      const cell: Cell = typeof raw === 'object' && !Array.isArray(raw) ? raw : { body: raw };
      const tag = header || cell.th ? 'th' : 'td';
      const bg = cell.bg
        ? ` style="background-color:${cell.bg}" data-cell-background="${cell.bg}"`
        : '';
      const cw = widths[ci] ? ` data-colwidth="${widths[ci]}"` : '';
      const body = isText(cell.body) ? p(cell.body, s) : blocks(cell.body, s);
      return `<${tag} rowspan="${cell.rowspan ?? 1}" colspan="${cell.colspan ?? 1}" colorname=""${bg}${cw}>${body}</${tag}>`;
    });
    return `<tr>${num}${cells.join('')}</tr>`;
  });
  return `<div class="pm-table-container" data-layout="${layout}" style="width:inherit"><div class="pm-table-wrapper"><table data-testid="renderer-table" data-number-column="${t.numbered ? 'true' : 'false'}" data-table-width="${tableWidth}" data-layout="${layout}">${cols}<tbody>${rows.join('')}</tbody></table></div></div>`;
}

function code(k: Extract<Block, { code: unknown }>['code']): string {
  const lines = k.text.replace(/\n$/, '').split('\n');
  const spans = lines.map(
    (l, n) =>
      `<span data-testid="renderer-code-block-line-${n + 1}" data-ds--code--row=""><span class="comment linenumber ds-line-number" data-ds--line-number="${n + 1}"></span>${esc(l)}${n < lines.length - 1 ? '\n' : ''}</span>`,
  );
  return `<div class="code-block"><div><div><span><div role="presentation"><button aria-haspopup="true" aria-label="Copy as text" class="copy-to-clipboard" tabindex="0" type="button"><span role="img" aria-label="Copy as text">${ICON}</span></button></div></span></div></div><span data-code-lang="${esc(k.lang)}" data-ds--code--code-block="" class="prismjs" data-testid="renderer-code-block"><code class="language-${esc(k.lang)}" style="white-space:pre">${spans.join('')}</code></span></div>`;
}

function panel(x: Extract<Block, { panel: unknown }>['panel'], s: State): string {
  // Cloud panels have no title: authors put a bold first line instead.
  const title = x.title
    ? `<p${pos(s)}><strong data-renderer-mark="true">${esc(x.title)}</strong></p>`
    : '';
  const custom =
    x.kind === 'custom' && x.bg
      ? ` style="--ak-renderer-panel-custom-bg-color:${x.bg}" data-panel-color="${x.bg}"`
      : '';
  const e = x.emoji ? EMOJI[x.emoji] : undefined;
  const icon = e
    ? ` data-panel-icon="${e.shortName}" data-panel-icon-id="${e.id}" data-panel-icon-text="${e.text}"`
    : '';
  return `<div class="ak-editor-panel" data-panel-type="${x.kind}"${custom}${icon}><div class="ak-editor-panel__icon"><span role="img" aria-label="${x.kind} panel">${ICON}</span></div><div class="ak-editor-panel__content">${title}${blocks(x.blocks, s)}</div></div>`;
}

function expand(
  x: Extract<Block, { expand: unknown }>['expand'],
  s: State,
  nested: boolean,
): string {
  const n = next(s);
  const type = nested ? 'nestedExpand' : 'expand';
  const inner = x.blocks
    .map((b) => ('expand' in b ? expand(b.expand, s, true) : block(b, s)))
    .join('');
  return `<div data-testid="expand-container-${type}-expand-title-${n}" data-node-type="${type}" data-title="${esc(x.title)}" data-expanded="false"><button type="button" aria-labelledby="expand-title-${n}" aria-expanded="false" contenteditable="false"><div data-testid="tooltip--container" role="presentation"><span role="img" aria-label="Expand content">${ICON}</span></div><span id="expand-title-${n}">${esc(x.title)}</span></button><div><div class="${type}-content-wrapper"><div>${inner}</div></div></div></div>`;
}

function media(
  pageId: number,
  file: string,
  s: State,
  opts: { width?: number; alt?: string; caption?: string; align?: string },
): string {
  const f = getFile(file);
  const page = s.c.page;
  const id = mediaFileId(pageId, file);
  const src = mediaUrl(s.c.sites, pageId, file, 'image');
  const pct = opts.width && f?.width ? Math.min(100, Math.round((opts.width / 760) * 100)) : 100;
  const caption = opts.caption
    ? `<div data-media-caption="true" data-testid="media-caption"${pos(s)}>${esc(opts.caption)}</div>`
    : '';
  return `<div data-width="${pct}" data-width-type="percentage" data-node-type="mediaSingle" data-vc="media-single" class="rich-media-item mediaSingleView-content-wrap image-${opts.align === 'center' ? 'center' : 'align-start'}"${pos(s)}><div><div data-media-badges="true" contenteditable="false" data-testid="media-badges"></div><div data-node-type="media" data-type="file" data-id="${id}" data-collection="contentId-${page.id}" data-file-name="${esc(file)}" data-file-mime-type="${f?.mime ?? ''}"${f?.width ? ` data-width="${f.width}" data-height="${f.height}"` : ''}${pos(s)}><div data-testid="media-card-view" class="new-file-experience-wrapper" data-media-vc-wrapper="true"><div data-testid="media-file-card-view" class="media-file-card-view" data-test-media-name="${esc(file)}" data-test-status="${f ? 'complete' : 'error'}" data-test-source="file"><img data-testid="media-image" draggable="false" src="${esc(src)}" alt="${esc(opts.alt ?? file)}"></div></div></div></div>${caption}</div>`;
}

function externalMedia(url: string, s: State, alt?: string): string {
  const src = url.startsWith('/') ? s.c.sites.cloudOrigin + url : url;
  return `<div data-width-type="percentage" data-node-type="mediaSingle" data-vc="media-single" class="rich-media-item mediaSingleView-content-wrap image-center"${pos(s)}><div><div data-node-type="media" data-type="external" data-url="${esc(src)}"><div data-testid="media-card-view" class="new-file-experience-wrapper"><div data-testid="media-file-card-view" class="media-file-card-view" data-test-media-name="${esc(src)}" data-test-status="complete" data-test-source="external"><img data-testid="media-image" draggable="false" src="${esc(src)}" alt="${esc(alt ?? '')}"></div></div></div></div></div>`;
}

const WIDTHS: Record<LayoutKind, number[]> = {
  'two-equal': [50, 50],
  'three-equal': [33.33, 33.33, 33.33],
  'two-right-sidebar': [66.66, 33.33],
  'two-left-sidebar': [33.33, 66.66],
};

/** A Confluence macro as the renderer shows it: an extension box with the macro's output. */
function extension(name: string, inner: string, s: State): string {
  return `<div class="ak-renderer-extension" style="width:100%" data-layout="default" data-local-id="ext-${next(s)}" data-extension-type="com.atlassian.confluence.macro.core" data-extension-key="${esc(name)}"><div class="ak-renderer-extension-inner-wrapper ak-renderer-extension-overflow-container" data-macro-name="${esc(name)}">${inner}</div></div>`;
}

function toc(s: State): string {
  const items = headingsOf(s.c.page.blocks).map(
    (h) =>
      `<li style="margin-left:${(h.level - 1) * 12}px"><span><a href="#${esc(anchorId('cloud', s.c.page.title, h.text))}">${esc(h.text)}</a></span></li>`,
  );
  return extension(
    'toc',
    `<nav data-testid="list-style-toc-level-container" aria-label="Table of contents"><ul>${items.join('')}</ul></nav>`,
    s,
  );
}

function attachments(s: State): string {
  const { c } = s;
  const rows = (c.page.attachments ?? []).map(
    (f) =>
      `<tr data-attachment-id="att${attachmentId(c.page, f)}"><td><a href="${esc(c.sites.cloudOrigin + attachmentPath('cloud', c.page.id, f))}" data-filename="${esc(f)}">${esc(f)}</a></td><td>${esc(getFile(f)?.mime ?? '')}</td><td>${formatDate(c.page.updated, 'mdy')}</td></tr>`,
  );
  return extension(
    'attachments',
    `<table class="attachments"><thead><tr><th>File</th><th>Type</th><th>Modified</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    s,
  );
}

function block(x: Block, s: State): string {
  const { c } = s;
  if ('h' in x) {
    const id = anchorId('cloud', c.page.title, plain(x.text));
    return `<h${x.h} id="${esc(id)}"${pos(s)}>${text(x.text, s)}<span role="presentation" class="heading-anchor-wrapper"><button data-testid="anchor-button" aria-hidden="true" type="button"><span role="img" aria-label="Copy">${ICON}</span></button></span></h${x.h}>`;
  }
  if ('p' in x) {
    if (!x.align) return p(x.p, s);
    return `<div style="text-align: ${x.align};" class="fabric-editor-block-mark fabric-editor-alignment" data-align="${x.align === 'right' ? 'end' : 'center'}">${p(x.p, s)}</div>`;
  }
  if ('ul' in x || 'ol' in x) return list(x, s);
  if ('tasks' in x) {
    const list = next(s);
    const items = x.tasks.map((t, n) => {
      const id = `ti-${list}-${n}`;
      return `<div data-task-local-id="${id}"><div id="${id}-wrapper"><span contenteditable="false"><input id="${id}" aria-label="Mark task as ${t.done ? 'not completed' : 'completed'}" name="${id}" type="checkbox"${t.done ? ' checked=""' : ''}/><span aria-hidden="true">${ICON}</span></span><div data-component="content"${pos(s)}>${text(t.text, s)}</div></div></div>`;
    });
    return `<div role="group" data-task-list-local-id="tl-${list}" aria-label="Action Item List">${items.join('')}</div>`;
  }
  if ('decisions' in x) {
    const items = x.decisions.map(
      (d) =>
        `<li data-decision-local-id="di-${next(s)}" data-decision-state="DECIDED"><div data-testid="elements-decision-item" data-decision-wrapper="true"><span contenteditable="false"><span role="img" aria-label="Decision">${ICON}</span></span><div data-component="content"${pos(s)}>${text(d, s)}</div></div></li>`,
    );
    return `<ol data-decision-list-local-id="dl-${next(s)}" data-node-type="decisionList">${items.join('')}</ol>`;
  }
  if ('table' in x) return table(x.table, s);
  if ('code' in x) return code(x.code);
  if ('panel' in x) return panel(x.panel, s);
  if ('expand' in x) return expand(x.expand, s, false);
  if ('quote' in x) return `<blockquote>${blocks(x.quote, s)}</blockquote>`;
  if ('hr' in x) return '<hr role="presentation"/>';
  if ('toc' in x) return toc(s);
  if ('layout' in x) {
    const w = WIDTHS[x.layout.kind];
    const cols = x.layout.columns.map(
      (col, n) =>
        `<div data-layout-column="true" data-column-width="${w[n] ?? 50}" style="flex-basis:${w[n] ?? 50}%"><div>${blocks(col, s)}</div></div>`,
    );
    return `<div data-layout-section="true">${cols.join('')}</div>`;
  }
  if ('img' in x) return media(c.page.id, x.img.file, s, x.img);
  if ('externalImg' in x) return externalMedia(x.externalImg.url, s, x.externalImg.alt);
  if ('attachments' in x) return attachments(s);
  if ('properties' in x) {
    const rows = x.properties.map(
      ([k, v]) =>
        `<tr><th rowspan="1" colspan="1" colorname="">${p(k, s)}</th><td rowspan="1" colspan="1" colorname="">${p(v, s)}</td></tr>`,
    );
    return extension(
      'details',
      `<div class="pm-table-container" data-layout="default"><div class="pm-table-wrapper"><table data-testid="renderer-table" data-number-column="false" data-table-width="760" data-layout="default"><tbody>${rows.join('')}</tbody></table></div></div>`,
      s,
    );
  }
  if ('excerpt' in x) return extension('excerpt', blocks(x.excerpt, s), s);
  return extension(
    x.macro.name,
    `<div class="${esc(x.macro.name)}-container"><p><strong>${esc(x.macro.title)}</strong></p><p>${esc(x.macro.text)}</p></div>`,
    s,
  );
}

function blocks(bs: Block[], s: State): string {
  return bs.map((x) => block(x, s)).join('');
}

/** The page body as the Cloud renderer DOM (wrapper and document). */
export function renderCloud(c: RenderCtx): string {
  const s: State = { c, pos: 0, seq: 0 };
  return `<div class="ak-renderer-wrapper is-full-page"><div class="ak-renderer-document">${blocks(c.page.blocks, s)}</div></div>`;
}
