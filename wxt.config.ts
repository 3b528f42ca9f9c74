import { cpSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { FONT_FILES } from './lib/pdf/font-files';

// Fonts ship inside the extension (never a CDN): copied from npm packages at build time.
function copyFonts(outDir: string): void {
  const target = resolve(outDir, 'fonts');
  mkdirSync(target, { recursive: true });
  for (const font of FONT_FILES) {
    cpSync(resolve(import.meta.dirname, 'node_modules', font.npmPath), resolve(target, font.file));
  }
}

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: 'Offprint — Confluence to PDF',
    description:
      'Export Confluence pages to PDF entirely in your browser. Nothing is sent anywhere.',
    permissions: [
      'activeTab',
      'scripting',
      'downloads',
      'contextMenus',
      // storage.session only: progress of running exports (memory, never disk).
      'storage',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // Self-hosted Confluence sites the user adds in the options page, requested one origin at a time.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Export this Confluence page to PDF' },
    commands: {
      'export-page': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Export this Confluence page to PDF',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'offprint@offprint.invalid',
              // 140 (ESR) is the first desktop release that knows data_collection_permissions;
              // Android got it in 142 (web-ext lint warns on anything lower).
              strict_min_version: '140.0',
              // Offprint collects nothing: declared for Firefox's data-consent UI.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The content script is injected on demand through activeTab; WXT would otherwise turn its
    // placeholder `matches` into install-time host permissions.
    'build:manifestGenerated': (_wxt, manifest) => {
      delete manifest.host_permissions;
    },
    'build:done': (wxt) => copyFonts(wxt.config.outDir),
  },
});
