import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './harness/extension';

/**
 * Least privilege, asserted exactly: any new permission fails here until this test and
 * PRIVACY.md are changed with it.
 */
test('the built Chrome manifest asks for exactly the permissions Offprint needs', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions).toEqual([
    'activeTab',
    'scripting',
    'downloads',
    'contextMenus',
    // storage.session only: progress of running exports (memory, never disk); see PRIVACY.md.
    'storage',
    'offscreen',
  ]);
  expect(manifest.host_permissions).toBeUndefined();
  // Requested per origin from the options page, never granted at install.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(manifest.content_scripts).toBeUndefined();
  expect(manifest.web_accessible_resources).toBeUndefined();
  expect(manifest.externally_connectable).toBeUndefined();
  // The MV3 default CSP (no remote script, no eval) applies when none is declared.
  expect(manifest.content_security_policy).toBeUndefined();
});
