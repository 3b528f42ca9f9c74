import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './harness/extension';

/**
 * No remote and no dynamic code in the built extension (the build the e2e tests load). MV3's
 * default CSP already refuses remote script and eval at run time; this scan makes sure the build
 * never depends on them, so nothing breaks, or gets "fixed" with a CSP override, later.
 */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)],
  );
}

const built = files(EXTENSION_DIR);
const text = (ext: RegExp): { path: string; body: string }[] =>
  built
    .filter((f) => ext.test(f))
    .map((f) => ({ path: relative(EXTENSION_DIR, f), body: readFileSync(f, 'utf8') }));

const REMOTE_CODE: [string, RegExp][] = [
  ['eval(', /(?<![\w$.])eval\s*\(/],
  ['import() of a URL', /import\s*\(\s*["'`](?:https?:)?\/\//],
  ['importScripts', /importScripts\s*\(/],
  ['<script src=http…>', /<script[^>]+src\s*=\s*["']?(?:https?:)?\/\//i],
  ['string passed to setTimeout/setInterval', /set(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['a CDN', /(?:fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs\.cloudflare)/],
];

test('the build has no eval, no remote imports and no CDN', () => {
  const found: string[] = [];
  for (const { path, body } of text(/\.(?:m?js|html|css|json)$/)) {
    for (const [name, pattern] of REMOTE_CODE) {
      const m = pattern.exec(body);
      if (m)
        found.push(`${path}: ${name} at ${m.index}: ${body.slice(m.index - 60, m.index + 60)}`);
    }
  }
  expect(found).toEqual([]);
});

/**
 * `Function(` survives in third-party code in a few places, each a branch that cannot run in
 * Offprint (and MV3's CSP would refuse it if it did). Each is recognised with the guard that
 * keeps it dead; any other use of `Function(` / `new Function(` fails here.
 */
const DEAD_FUNCTION_USES: { why: string; test: (before: string, after: string) => boolean }[] = [
  {
    why: 'global-object polyfills (pdfmake deps, webpack runtime): globalThis is returned first',
    test: (before, after) =>
      /^Function\s*\(\s*["'`]return this["'`]\s*\)\s*\(\s*\)/.test(after) &&
      /typeof globalThis\s*==/.test(before),
  },
  {
    why: "function-bind's fallback, used only when Function.prototype.bind is missing",
    test: (_before, after) => /^Function\s*\(\s*["'`]binder["'`]/.test(after),
  },
  {
    why: 'pdf.js (options preview): its probe for eval support, which the CSP makes fail',
    test: (before, after) =>
      /^(?:new )?Function\(\s*(?:``|""|'')\s*\)/.test(after) && /try\{(?:return )?$/.test(before),
  },
  {
    why: 'pdf.js worker: PostScript functions compiled only when isEvalSupported (preview passes false)',
    test: (before, after) =>
      /^new Function\(\s*["'`]src["'`]/.test(after) &&
      /isEvalSupported\)\{[^}]{0,80}$/.test(before),
  },
];

test('the only Function( calls are dead branches of third-party code', () => {
  const uses: string[] = [];
  for (const { path, body } of text(/\.m?js$/)) {
    for (const m of body.matchAll(/(?<![\w$.])(?:new\s+)?Function\s*\(/g)) {
      const before = body.slice(Math.max(0, m.index - 400), m.index);
      const after = body.slice(m.index, m.index + 60);
      if (!DEAD_FUNCTION_USES.some((use) => use.test(before, after)))
        uses.push(`${path}: ${before.slice(-80)}${after}`);
    }
  }
  expect(uses).toEqual([]);
  // The bind fallback is dead only while the bundle prefers the native bind.
  const bundle = text(/\.m?js$/)
    .map((f) => f.body)
    .join('\n');
  if (bundle.includes('Function(`binder`') || bundle.includes('Function("binder"'))
    expect(bundle).toMatch(/Function\.prototype\.bind\s*\|\|/);
  // The preview ships pdf.js: wherever our code opens a PDF with it, PostScript compilation
  // stays off.
  expect(bundle).toContain('PostScriptCompiler');
  const root = join(EXTENSION_DIR, '../..');
  const sources = ['entrypoints', 'lib', 'components']
    .filter((dir) => existsSync(join(root, dir)))
    .flatMap((dir) => files(join(root, dir)))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => ({ f, body: readFileSync(f, 'utf8') }))
    .filter(({ body }) => /\bgetDocument\s*\(/.test(body));
  expect(sources.length).toBeGreaterThan(0);
  for (const { f, body } of sources) expect(body, f).toContain('isEvalSupported: false');
});

test('no HTML page of the build loads anything remote; the manifest keeps the default CSP', () => {
  for (const { path, body } of text(/\.html$/)) {
    const attrs = [...body.matchAll(/\b(?:src|href|action|data)\s*=\s*["']?([^"'\s>]+)/gi)].map(
      (m) => m[1] ?? '',
    );
    expect(
      attrs.filter((a) => /^(?:[a-z][\w+.-]*:)?\/\//i.test(a)),
      path,
    ).toEqual([]);
    expect(body, path).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
  }
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_security_policy?: unknown;
  };
  expect(manifest.content_security_policy).toBeUndefined();
});
