import { execFileSync } from 'node:child_process';

/**
 * End-to-end tests load the extension as built from this checkout, so build it first.
 * OFFPRINT_E2E_BUILT=1 uses .output as it is: a build started here replaces the files under a
 * Chromium another run is testing (its worker or content script then fails to load).
 */
export default function globalSetup(): void {
  if (process.env['OFFPRINT_E2E_BUILT'] === '1') return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
