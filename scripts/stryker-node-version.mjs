/**
 * Preloaded by `npm run mutate`. StrykerJS 10 refuses to start on Node < 22 (a version check in
 * its command line, nothing more); the project's machines and CI run Node 20, on which the run
 * itself works. Remove this file, and run `stryker run` directly, once the machines have Node 22
 * (or with StrykerJS 9.6, which supports Node 20).
 */
import process from 'node:process';

if (Number(process.versions.node.split('.')[0]) < 22) {
  Object.defineProperty(process, 'version', { value: 'v22.0.0' });
}
