// Renders DSL pages as Confluence's legacy "view" markup: the DC page body inside
// #main-content.wiki-content, and the REST `export_view`/`view` body of both DC and Cloud.
// Shapes follow real samples (DC 7.18 page, Cloud HTML exports of 2025).
import type {
  Block,
  Cell,
  Inline,
  LayoutKind,
  ListBlock,
  ListItem,
  PageDef,
  PanelKind,
  StatusColour,
  Text,
} from './content/dsl.ts';
import { pageByTitle } from './content/registry.ts';
import { EMOJI, USERS } from './content/space.ts';
import { getFile } from './images/library.ts';
import {
  anchorId,
  attachmentId,
  attachmentPath,
  baseUrl,
  esc,
  formatDate,
  pagePath,
  plain,
  type Flavour,
  type Sites,
} from './urls.ts';

/** What a renderer needs besides the blocks. */
export interface RenderCtx {
  flavour: Flavour;
  sites: Sites;
  page: PageDef;
}

const JIRA_BASE = 'https://jira.example.com';

// AUI lozenge modifiers used by the status macro.
const LOZENGE: Record<StatusColour, string> = {
  grey: '',
  blue: ' aui-lozenge-complete',
  green: ' aui-lozenge-success',
  yellow: ' aui-lozenge-current',
  red: ' aui-lozenge-error',
  purple: ' aui-lozenge-progress',
};

const MARK_TAGS = { b: 'strong', i: 'em', u: 'u', code: 'code', sub: 'sub', sup: 'sup' } as const;

function text(t: Text, c: RenderCtx): string {
  return typeof t === 'string' ? esc(t) : t.map((x) => inline(x, c)).join('');
}

function inline(x: Inline, c: RenderCtx): string {
  const base = baseUrl(c.sites, c.flavour);
  const origin = c.flavour === 'dc' ? c.sites.dcOrigin : c.sites.cloudOrigin;
  if (typeof x === 'string') return esc(x);
  if ('text' in x) {
    let h = esc(x.text);
    for (const m of x.marks ?? []) {
      h =
        m === 's'
          ? `<span style="text-decoration: line-through;">${h}</span>`
          : `<${MARK_TAGS[m]}>${h}</${MARK_TAGS[m]}>`;
    }
    if (x.colour) h = `<span style="color: ${x.colour};">${h}</span>`;
    if (x.highlight) h = `<span style="background-color: ${x.highlight};">${h}</span>`;
    return h;
  }
  if ('link' in x)
    return `<a class="external-link" href="${esc(x.link)}" rel="nofollow">${text(x.body, c)}</a>`;
  if ('page' in x) {
    const target = pageByTitle(x.page);
    if (!target) return text(x.body ?? x.page, c);
    const hash = x.anchor ? `#${anchorId(c.flavour, target.title, x.anchor)}` : '';
    return `<a href="${esc(origin + pagePath(c.flavour, target) + hash)}" data-linked-resource-id="${target.id}" data-linked-resource-version="${target.version}" data-linked-resource-type="page">${text(x.body ?? target.title, c)}</a>`;
  }
  if ('anchor' in x)
    return `<a href="#${esc(anchorId(c.flavour, c.page.title, x.anchor))}">${text(x.body, c)}</a>`;
  if ('br' in x) return '<br/>';
  if ('status' in x) {
    const subtle = x.subtle ? ' aui-lozenge-subtle' : '';
    return `<span class="status-macro aui-lozenge${subtle}${LOZENGE[x.colour]}">${esc(x.status.toUpperCase())}</span>`;
  }
  if ('mention' in x) {
    const u = USERS[x.mention];
    return c.flavour === 'dc'
      ? `<a href="${base}/display/~${u.key}" class="confluence-userlink user-mention" data-username="${u.key}" data-linked-resource-id="${parseInt(u.userKey.slice(-4), 16)}" data-linked-resource-version="1" data-linked-resource-type="userinfo" data-base-url="${base}">${esc(u.displayName)}</a>`
      : `<a class="confluence-userlink user-mention" data-account-id="${u.accountId}" href="${base}/people/${u.accountId}?ref=confluence" target="_blank" data-linked-resource-type="userinfo" data-base-url="${base}">${esc(u.displayName)}</a>`;
  }
  if ('date' in x)
    return `<time datetime="${x.date}" class="date-past">${formatDate(x.date)}</time>`;
  if ('emoji' in x) {
    const e = EMOJI[x.emoji];
    return `<img class="emoticon emoticon-${e.dcName}" data-emoji-id="${e.id}" data-emoji-shortname="${e.shortName}" data-emoji-fallback="${e.text}" src="${base}/images/icons/emoticons/72/${e.id}.png" width="16" height="16" data-emoticon-name="${e.dcName}" alt="(${e.dcName.replace(/-/g, ' ')})"/>`;
  }
  if ('smartLink' in x)
    return `<a href="${esc(x.smartLink)}" data-card-appearance="inline" rel="nofollow">${esc(x.smartLink)}</a>`;
  const j = x.jira;
  return `<span class="confluence-jim-macro jira-issue" data-jira-key="${esc(j.key)}"><a href="${JIRA_BASE}/browse/${esc(j.key)}" class="jira-issue-key"><img class="icon" src="${JIRA_BASE}/secure/viewavatar?size=xsmall&amp;avatarId=10318&amp;avatarType=issuetype"/>${esc(j.key)}</a> - <span class="summary">${esc(j.summary)}</span> <span class="aui-lozenge aui-lozenge-subtle${LOZENGE[j.colour]} jira-macro-single-issue-export-pdf">${esc(j.status)}</span></span>`;
}

// Cloud's export view wraps list-item and cell text in <p>; DC's legacy editor does not.
function para(t: Text, c: RenderCtx): string {
  return c.flavour === 'cloud' ? `<p>${text(t, c)}</p>` : text(t, c);
}

function listItem(it: ListItem, c: RenderCtx): string {
  if (typeof it === 'string' || Array.isArray(it)) return `<li>${para(it, c)}</li>`;
  return `<li>${para(it.text, c)}${list(it.sub, c)}</li>`;
}

function list(l: ListBlock, c: RenderCtx): string {
  if ('ul' in l) return `<ul>${l.ul.map((it) => listItem(it, c)).join('')}</ul>`;
  const start = l.start && l.start !== 1 ? ` start="${l.start}"` : '';
  return `<ol${start}>${l.ol.map((it) => listItem(it, c)).join('')}</ol>`;
}

function cellBody(body: Block[] | Text, c: RenderCtx): string {
  return typeof body === 'string' || (Array.isArray(body) && body.every((x) => !isBlock(x)))
    ? para(body as Text, c)
    : blocks(body as Block[], c);
}

function isBlock(x: unknown): boolean {
  return (
    typeof x === 'object' &&
    x !== null &&
    !Array.isArray(x) &&
    !('text' in x) &&
    !('link' in x) &&
    !('page' in x) &&
    !('anchor' in x) &&
    !('br' in x) &&
    !('status' in x) &&
    !('mention' in x) &&
    !('date' in x) &&
    !('emoji' in x) &&
    !('smartLink' in x) &&
    !('jira' in x)
  );
}

function table(t: Extract<Block, { table: unknown }>['table'], c: RenderCtx): string {
  const cols = t.widths
    ? `<colgroup>${t.numbered ? '<col style="width: 40.0px;"/>' : ''}${t.widths.map((w) => `<col style="width: ${w}.0px;"/>`).join('')}</colgroup>`
    : '';
  const rows = t.rows.map((row, r) => {
    const header = t.header === true && r === 0;
    const num = t.numbered
      ? header
        ? '<th class="numberingColumn confluenceTh"></th>'
        : `<td class="numberingColumn confluenceTd">${t.header ? r : r + 1}</td>`
      : '';
    const cells = row.map((raw) => {
      const cell: Cell = typeof raw === 'object' && !Array.isArray(raw) ? raw : { body: raw };
      const th = header || cell.th === true;
      const tag = th ? 'th' : 'td';
      const attrs = [
        cell.colspan ? ` colspan="${cell.colspan}"` : '',
        cell.rowspan ? ` rowspan="${cell.rowspan}"` : '',
        cell.bg ? ` data-highlight-colour="${cell.bg}"` : '',
      ].join('');
      return `<${tag}${attrs} class="confluence${th ? 'Th' : 'Td'}">${cellBody(cell.body, c)}</${tag}>`;
    });
    return `<tr>${num}${cells.join('')}</tr>`;
  });
  return `<div class="table-wrap"><table class="confluenceTable${t.rows[0] && t.rows[0].length > 8 ? ' wrapped' : ''}">${cols}<tbody>${rows.join('')}</tbody></table></div>`;
}

const PANEL_MACRO: Partial<Record<PanelKind, [string, string]>> = {
  info: ['information', 'info'],
  note: ['note', 'warning'],
  warning: ['warning', 'error'],
  tip: ['tip', 'approve'],
};
// DC has no success/error panels: authors use the generic Panel macro with a colour.
const PANEL_BG: Partial<Record<PanelKind, string>> = { success: '#E3FCEF', error: '#FFEBE6' };

function panel(p: Extract<Block, { panel: unknown }>['panel'], c: RenderCtx): string {
  const macro = PANEL_MACRO[p.kind];
  if (macro) {
    const [cls, icon] = macro;
    const title = p.title ? `<p class="title">${esc(p.title)}</p>` : '';
    return `<div class="confluence-information-macro${p.title ? ' has-title' : ''} confluence-information-macro-${cls}">${title}<span class="aui-icon aui-icon-small aui-iconfont-${icon} confluence-information-macro-icon"></span><div class="confluence-information-macro-body">${blocks(p.blocks, c)}</div></div>`;
  }
  const bg = p.bg ?? PANEL_BG[p.kind] ?? '#F4F5F7';
  const emoji = p.emoji ? `${EMOJI[p.emoji].text} ` : '';
  const header = p.title
    ? `<div class="panelHeader" style="border-bottom-width: 1px;background-color: ${bg};"><b>${emoji}${esc(p.title)}</b></div>`
    : '';
  return `<div class="panel" style="background-color: ${bg};border-width: 1px;">${header}<div class="panelContent" style="background-color: ${bg};">\n${blocks(p.blocks, c)}\n</div></div>`;
}

let expandSeq = 0;
function expand(e: Extract<Block, { expand: unknown }>['expand'], c: RenderCtx): string {
  const n = 100000000 + ++expandSeq;
  return `<div id="expander-${n}" class="expand-container"><div id="expander-control-${n}" class="expand-control"><span class="expand-control-icon"><img style="vertical-align:middle;" class="expand-control-image" src="${baseUrl(c.sites, c.flavour)}/images/icons/grey_arrow_down.png"/></span><span class="expand-control-text">${esc(e.title)}</span></div><div id="expander-content-${n}" class="expand-content expand-hidden">${blocks(e.blocks, c)}</div></div>`;
}

function code(k: Extract<Block, { code: unknown }>['code']): string {
  const header = k.title
    ? `<div class="codeHeader panelHeader pdl" style="border-bottom-width: 1px;"><b>${esc(k.title)}</b></div>`
    : '';
  const params = `brush: ${k.lang === 'typescript' ? 'js' : k.lang === 'text' ? 'text' : k.lang}; gutter: ${k.lineNumbers ? 'true' : 'false'}; theme: Confluence`;
  return `<div class="code panel pdl" style="border-width: 1px;">${header}<div class="codeContent panelContent pdl">\n<pre class="syntaxhighlighter-pre" data-syntaxhighlighter-params="${params}" data-theme="Confluence">${esc(k.text.replace(/\n$/, ''))}</pre>\n</div></div>`;
}

/** Headings in document order (for the TOC macro). */
export function headingsOf(bs: Block[]): { level: number; text: string }[] {
  return bs.flatMap((x) => {
    if ('h' in x) return [{ level: x.h, text: plain(x.text) }];
    if ('layout' in x) return x.layout.columns.flatMap(headingsOf);
    return [];
  });
}

function toc(c: RenderCtx): string {
  const hs = headingsOf(c.page.blocks);
  let out = '';
  let depth = 0;
  for (const h of hs) {
    while (depth < h.level) {
      out += '<ul class="toc-indentation">';
      depth++;
    }
    while (depth > h.level) {
      out += '</ul>';
      depth--;
    }
    out += `<li><a href="#${esc(anchorId(c.flavour, c.page.title, h.text))}">${esc(h.text)}</a></li>`;
  }
  out += '</ul>'.repeat(depth);
  return `<div class="toc-macro rbtoc${1733050000000 + c.page.id}">\n${out}\n</div>`;
}

function attachmentsMacro(c: RenderCtx): string {
  const base = baseUrl(c.sites, c.flavour);
  const rows = (c.page.attachments ?? []).map((f, n) => {
    const file = getFile(f);
    const id = attachmentId(c.page, f);
    return `<tr class="attachment-row" id="attachment-${id}" data-attachment-id="${id}" data-attachment-idx="${n + 1}"><td class="attachment-summary-toggle"><span class="icon icon-section-closed" title="Show more info"></span></td><td class="filename-column"><span class="icon icon-file-${file?.mime.startsWith('image/') ? 'image' : 'text'}" title="${esc(file?.mime ?? '')}">${esc(file?.mime ?? '')}</span> <a class="filename" href="${esc(base.replace(/\/wiki$/, '') + attachmentPath(c.flavour, c.page.id, f))}" data-filename="${esc(f)}" data-type="${esc(file?.mime ?? '')}" data-linked-resource-container-id="${c.page.id}">${esc(f)}</a></td><td class="attachment-created modified-column"><span>${formatDate(c.page.updated)}</span> by ${esc(USERS[c.page.author].displayName)}</td></tr>`;
  });
  return `<div class="conf-macro output-block" data-hasbody="false" data-macro-name="attachments"><div class="plugin_attachments_container"><div class="plugin_attachments_table_container"><table class="attachments aui"><thead><tr><th class="expand-column attachment-summary-toggle">&nbsp;</th><th class="filename-column">File</th><th class="modified-column"><span>Modified</span></th></tr></thead><tbody>${rows.join('')}</tbody></table></div></div></div>`;
}

function image(im: Extract<Block, { img: unknown }>['img'], c: RenderCtx): string {
  const origin = c.flavour === 'dc' ? c.sites.dcOrigin : c.sites.cloudOrigin;
  const file = getFile(im.file);
  const src = origin + attachmentPath(c.flavour, c.page.id, im.file);
  const align = im.align === 'center' ? 'image-center' : '';
  const w = im.width ?? file?.width;
  const dims = `${w ? ` width="${w}"` : ''}`;
  const img = `<img class="confluence-embedded-image${align ? ` ${align}` : ''}"${dims} loading="lazy" src="${esc(src)}" data-image-src="${esc(src)}"${file?.height ? ` data-height="${file.height}" data-width="${file.width}"` : ''} data-unresolved-comment-count="0" data-linked-resource-id="${attachmentId(c.page, im.file)}" data-linked-resource-version="1" data-linked-resource-type="attachment" data-linked-resource-default-alias="${esc(im.file)}" data-base-url="${baseUrl(c.sites, c.flavour)}" data-linked-resource-content-type="${file?.mime ?? 'image/png'}" data-linked-resource-container-id="${c.page.id}" data-linked-resource-container-version="${c.page.version}"${im.alt ? ` alt="${esc(im.alt)}"` : ''}/>`;
  return `<p${im.align === 'center' ? ' style="text-align: center;"' : ''}><span class="confluence-embedded-file-wrapper${align ? ` ${align}-wrapper` : ''}${im.width ? ' confluence-embedded-manual-size' : ''}">${img}</span></p>`;
}

const LAYOUT_CELLS: Record<LayoutKind, string[]> = {
  'two-equal': ['normal', 'normal'],
  'three-equal': ['normal', 'normal', 'normal'],
  'two-right-sidebar': ['normal', 'aside'],
  'two-left-sidebar': ['aside', 'normal'],
};

function section(kind: LayoutKind | 'single', columns: Block[][], c: RenderCtx): string {
  const types = kind === 'single' ? ['normal'] : LAYOUT_CELLS[kind];
  const cells = columns.map(
    (col, n) =>
      `<div class="cell ${types[n] ?? 'normal'}" data-type="${types[n] ?? 'normal'}">\n<div class="innerCell">\n${blocks(col, c)}</div>\n</div>`,
  );
  return `<div class="columnLayout ${kind}" data-layout="${kind}">\n${cells.join('\n')}\n</div>`;
}

function block(x: Block, c: RenderCtx): string {
  if ('h' in x)
    return `<h${x.h} id="${esc(anchorId(c.flavour, c.page.title, plain(x.text)))}">${text(x.text, c)}</h${x.h}>`;
  if ('p' in x) return `<p${x.align ? ` style="text-align: ${x.align};"` : ''}>${text(x.p, c)}</p>`;
  if ('ul' in x || 'ol' in x) return list(x, c);
  if ('tasks' in x)
    return `<ul class="inline-task-list" data-inline-tasks-content-id="${c.page.id}">${x.tasks.map((t, n) => `<li${t.done ? ' class="checked"' : ''} data-inline-task-id="${n + 1}"><span class="placeholder-inline-tasks">${text(t.text, c)}</span></li>`).join('')}</ul>`;
  if ('decisions' in x)
    return `<ul class="decision-list">${x.decisions.map((d, n) => `<li data-decision-id="${c.page.id}${n + 1}" data-decision-state="DECIDED">${text(d, c)}</li>`).join('')}</ul>`;
  if ('table' in x) return table(x.table, c);
  if ('code' in x) return code(x.code);
  if ('panel' in x) return panel(x.panel, c);
  if ('expand' in x) return expand(x.expand, c);
  if ('quote' in x) return `<blockquote>${blocks(x.quote, c)}</blockquote>`;
  if ('hr' in x) return '<hr/>';
  if ('toc' in x) return toc(c);
  if ('layout' in x) return section(x.layout.kind, x.layout.columns, c);
  if ('img' in x) return image(x.img, c);
  if ('externalImg' in x) {
    const origin = c.flavour === 'dc' ? c.sites.dcOrigin : c.sites.cloudOrigin;
    const src = x.externalImg.url.startsWith('/') ? origin + x.externalImg.url : x.externalImg.url;
    return `<p><span class="confluence-embedded-file-wrapper${x.externalImg.width ? ' confluence-embedded-manual-size' : ''}"><img class="confluence-embedded-image confluence-external-resource"${x.externalImg.width ? ` width="${x.externalImg.width}"` : ''} src="${esc(src)}" data-image-src="${esc(src)}"${x.externalImg.alt ? ` alt="${esc(x.externalImg.alt)}"` : ''}/></span></p>`;
  }
  if ('attachments' in x) return attachmentsMacro(c);
  if ('properties' in x)
    return `<div class="conf-macro output-block" data-hasbody="true" data-macro-name="details"><div class="plugin-tabmeta-details"><div class="table-wrap"><table class="confluenceTable"><tbody>${x.properties.map(([k, v]) => `<tr><th class="confluenceTh">${esc(k)}</th><td class="confluenceTd">${text(v, c)}</td></tr>`).join('')}</tbody></table></div></div></div>`;
  if ('excerpt' in x)
    return `<div class="conf-macro output-block" data-hasbody="true" data-macro-name="excerpt">${blocks(x.excerpt, c)}</div>`;
  return `<div class="conf-macro output-block" data-hasbody="false" data-macro-name="${esc(x.macro.name)}"><div class="${esc(x.macro.name)}-container"><p><strong>${esc(x.macro.title)}</strong></p><p>${esc(x.macro.text)}</p></div></div>`;
}

function blocks(bs: Block[], c: RenderCtx): string {
  return bs.map((x) => block(x, c)).join('\n');
}

/**
 * The page body in view markup. A page with layout sections is wrapped in `contentLayout2`,
 * content outside sections going into `columnLayout single`, as Confluence stores it.
 */
export function renderView(c: RenderCtx): string {
  expandSeq = c.page.id * 1000;
  const bs = c.page.blocks;
  if (!bs.some((x) => 'layout' in x)) return blocks(bs, c);
  const sections: string[] = [];
  let run: Block[] = [];
  const flush = (): void => {
    if (run.length) sections.push(section('single', [run], c));
    run = [];
  };
  for (const x of bs) {
    if ('layout' in x) {
      flush();
      sections.push(block(x, c));
    } else run.push(x);
  }
  flush();
  return `<div class="contentLayout2">\n${sections.join('\n')}\n</div>`;
}
