import { execFileSync } from 'node:child_process';

/** End-to-end tests load the extension as built from this checkout, so build it first. */
export default function globalSetup(): void {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
